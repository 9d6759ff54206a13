package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import io.github.upgradejunit.Phase;
import io.github.upgradejunit.openstack.Keystone;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.HealthCheck;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.PluginSession;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ResourceType;
import io.github.upgradejunit.spi.UpgradeDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One JVM's connection to the cloud under test: the shared authentication, the probes, the
 * resource types, the handles, the release validator, the ledger reconciliation and the clean-up of
 * whatever the handles created. Thread-safe: everything shared is immutable or synchronised, and
 * every openstack4j call binds the calling thread's own session.
 */
final class OpenStackSession implements PluginSession {

  private final PluginContext context;
  private final PluginLog log;
  private final CloudSession auth;
  private final Compute compute;
  private final ObjectStorage storage;
  private final Identity identity;
  private final Ledger ledger;
  private final Transients transients = new Transients();
  private final List<Probe> probes;
  private final List<ResourceType<?>> resourceTypes;
  private final Map<Class<?>, Object> handles = new LinkedHashMap<>();
  private final VersionPoller versions;
  private final Optional<SimulatedCloud> simulator;
  private final List<HealthCheck> healthChecks;

  private OpenStackSession(PluginContext context, PluginLog log, CloudSession auth, Tls tls, Timeouts timeouts,
      Optional<CloudConfig> admin, Optional<SimulatedCloud> simulator) {
    Configuration config = context.config();
    this.context = context;
    this.log = log;
    this.auth = auth;
    this.simulator = simulator;
    Rest rest = new Rest(auth, tls, timeouts);
    int threshold = (int) config.integer(OpenStackKeys.CREATE_FAILURES);
    CircuitBreaker computeBreaker = new CircuitBreaker(Catalog.COMPUTE, threshold);
    this.compute = new Compute(auth, rest, new Compute.Settings(config.find(OpenStackKeys.SERVER_FLAVOR).orElse(null),
        config.find(OpenStackKeys.SERVER_IMAGE).orElse(null), config.get(OpenStackKeys.SERVER_NETWORK),
        config.find(OpenStackKeys.SERVER_KEYPAIR).orElse(null), config.duration(OpenStackKeys.SERVER_TIMEOUT)),
        computeBreaker);
    this.storage = new ObjectStorage(auth, rest);
    this.identity = new Identity(auth, rest);
    this.ledger = new Ledger(context);
    Probes.IdentityMode mode = "validate".equalsIgnoreCase(config.get(OpenStackKeys.PROBE_IDENTITY))
        ? Probes.IdentityMode.VALIDATE : Probes.IdentityMode.ISSUE;
    this.probes = new Probes(auth, tls, mode).all(backends(config), log);
    this.resourceTypes = List.of(new ServerResource(compute, context.runId(),
            config.find(OpenStackKeys.SERVER_PROBE_PORT).map(p -> Integer.parseInt(p.trim()))),
        new ContainerResource(storage, new CircuitBreaker(Catalog.OBJECT_STORE, threshold), context.runId()),
        new AppCredentialResource(identity, new CircuitBreaker(Catalog.IDENTITY, threshold), context.runId()));
    handles.put(Keystone.class, new KeystoneHandle(identity));
    handles.put(Nova.class, new NovaHandle(compute, context, ledger, computeBreaker, transients));
    handles.put(Swift.class, new SwiftHandle(storage, context, ledger, transients));
    this.healthChecks = new ServiceHealth(auth, rest, admin.map(cloud -> () -> new CloudSession(cloud, cloud.tls(),
        timeouts, config.duration(OpenStackKeys.TOKEN_REFRESH), log).start())).checks();
    this.versions = new VersionPoller(auth, rest, config.duration(OpenStackKeys.VERSION_INTERVAL),
        context::versionObserved, log);
  }

  /** Authenticate, build everything, and take the first version reading. */
  static OpenStackSession open(PluginContext context, PluginLog log, CloudConfig cloud, Optional<CloudConfig> admin,
      Optional<SimulatedCloud> simulator) {
    Configuration config = context.config();
    Tls tls = cloud.tls();
    Timeouts timeouts = new Timeouts(config.duration(OpenStackKeys.CONNECT_TIMEOUT),
        config.duration(OpenStackKeys.READ_TIMEOUT));
    CloudSession auth = new CloudSession(cloud, tls, timeouts, config.duration(OpenStackKeys.TOKEN_REFRESH), log);
    auth.start();
    try {
      OpenStackSession session = new OpenStackSession(context, log, auth, tls, timeouts, admin, simulator);
      session.versions.start();
      return session;
    } catch (RuntimeException e) {
      auth.close();
      throw e;
    }
  }

  private static Map<String, List<String>> backends(Configuration config) {
    Map<String, List<String>> backends = new LinkedHashMap<>();
    config.find(OpenStackKeys.BACKENDS_IDENTITY).ifPresent(v -> backends.put(Catalog.IDENTITY, split(v)));
    config.find(OpenStackKeys.BACKENDS_COMPUTE).ifPresent(v -> backends.put(Catalog.COMPUTE, split(v)));
    config.find(OpenStackKeys.BACKENDS_OBJECT_STORE).ifPresent(v -> backends.put(Catalog.OBJECT_STORE, split(v)));
    return backends;
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public List<Probe> probes() {
    return probes;
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return healthChecks;
  }

  @Override
  public List<ResourceType<?>> resourceTypes() {
    return resourceTypes;
  }

  @Override
  public List<UpgradeDriver> drivers() {
    return simulator.map(s -> List.<UpgradeDriver>of(s.driver())).orElse(List.of());
  }

  @Override
  public Optional<Object> handle(Class<?> type) {
    return Optional.ofNullable(handles.get(type));
  }

  /** Settle the requests accepted during the upgrade: honored or lost. */
  @Override
  public void afterUpgrade() {
    Set<String> services = auth.state().catalog().urls().keySet();
    Optional<Compute> nova = services.contains(Catalog.COMPUTE) ? Optional.of(compute) : Optional.empty();
    Optional<ObjectStorage> swift = services.contains(Catalog.OBJECT_STORE) ? Optional.of(storage) : Optional.empty();
    new Reconciler(nova, swift, context.ledger(), context.config().duration(OpenStackKeys.RECONCILE_TIMEOUT),
        Duration.ofMillis(500), log).reconcile();
    versions.settle(SETTLE_READS);
  }

  /**
   * Reads of each service's version once the upgrade is over. Behind a load balancer each read may
   * reach another API node, so a node left on the old release shows up as a second version
   * (with two nodes, 8 reads all reaching the same one has a chance of 1 in 128).
   */
  static final int SETTLE_READS = 8;

  /** Delete what the handles left, take the last version reading, write truth.json, disconnect. */
  @Override
  public void close() {
    try {
      cleanUpTransients();
      versions.close();
    } finally {
      auth.close();
      simulator.ifPresent(this::stopSimulator);
    }
  }

  private void stopSimulator(SimulatedCloud simulated) {
    Path truth = context.reportDirectory().resolve("truth.json");
    try {
      simulated.close(context.reportDirectory());
      log.accept("openstack", "simulator stopped; ground truth in " + truth);
    } catch (IOException e) {
      log.accept("openstack", "simulator stopped, but " + truth + " could not be written: " + e.getMessage());
    }
  }

  /**
   * In the after phase every transient resource of the run goes (found by tag, so those of earlier
   * JVMs too); before that, only this JVM's ones whose requests the ledger is not still waiting for.
   */
  private void cleanUpTransients() {
    List<String> failed = new ArrayList<>();
    if (context.phase() == Phase.AFTER) {
      Sweeper sweeper = sweeper();
      failed.addAll(sweeper.delete(sweeper.find(context.runId(), true)));
    } else {
      for (String id : transients.servers()) {
        if (!ledger.isPending("server/" + id)) {
          failed.addAll(sweeper().delete(List.of(new Sweeper.Leftover(Catalog.COMPUTE, "server", id, id))));
        }
      }
      for (String container : transients.containers()) {
        if (ledger.isPending(container + "/")) {
          continue;
        }
        failed.addAll(sweeper().delete(List.of(new Sweeper.Leftover(Catalog.OBJECT_STORE, "container", container,
            container))));
      }
    }
    failed.forEach(f -> log.accept("openstack", "LEAKED: could not delete " + f));
  }

  /** A sweeper for the services the catalog has. */
  Sweeper sweeper() {
    Set<String> services = auth.state().catalog().urls().keySet();
    return new Sweeper(services.contains(Catalog.COMPUTE) ? Optional.of(compute) : Optional.empty(),
        services.contains(Catalog.OBJECT_STORE) ? Optional.of(storage) : Optional.empty(),
        services.contains(Catalog.IDENTITY) ? Optional.of(identity) : Optional.empty(), log);
  }

  CloudSession auth() {
    return auth;
  }
}
