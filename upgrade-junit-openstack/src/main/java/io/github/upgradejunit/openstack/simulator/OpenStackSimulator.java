package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.upgradejunit.spi.UpgradeControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenStack cloud in the JVM: Keystone v3, Nova and Swift on loopback, each behind a virtual
 * haproxy with N backends, so that an upgrade can be played against it and the measurements
 * compared with what really happened ({@link #truth()}). Unchanged openstack4j code and plain HTTP
 * probes work against it as against a real cloud; see {@code docs/simulator.md} for what it
 * speaks.
 *
 * <pre>{@code
 * try (OpenStackSimulator cloud = OpenStackSimulator.builder().start()) {
 *   OSClientV3 os = OSFactory.builderV3().endpoint(cloud.authUrl())
 *       .credentials(cloud.credentials().username(), cloud.credentials().password(),
 *           Identifier.byName("Default"))
 *       .scopeToProject(Identifier.byName(cloud.credentials().projectName()),
 *           Identifier.byName("Default"))
 *       .authenticate();
 *   SimulatorDriver driver = new SimulatorDriver(cloud, Scenario.builtin("rolling-compute-outage"));
 *   driver.drive(control);            // plays the scenario, reporting to the UpgradeControl
 *   driver.writeTruth(reportDir.resolve("truth.json"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. All state is in memory and dies with {@link #close()}.
 */
public final class OpenStackSimulator implements AutoCloseable {

  /** Keystone's API version in Zed (and still in 2023.1). */
  public static final String DEFAULT_IDENTITY_VERSION = "3.14";
  /** Nova's maximum microversion in Zed; 2023.1 (Antelope) raises it to 2.95. */
  public static final String DEFAULT_COMPUTE_VERSION = "2.93";
  /** Swift's version in Zed (as packaged by Debian); 2023.1 ships 2.31.1. */
  public static final String DEFAULT_OBJECT_STORE_VERSION = "2.30.1";

  private final Settings settings;
  private final ExecutorService executor;
  private final TruthRecorder truth = new TruthRecorder();
  private final IdentityStore identity;
  private final ComputeStore compute;
  private final ObjectStore objects;
  private final ControlApi control;
  private final Map<SimulatedService, ServiceFrontend> frontends = new EnumMap<>(SimulatedService.class);
  private final Map<SimulatedService, Runnable> latencyFaults = new EnumMap<>(SimulatedService.class);
  private Runnable dropFault;
  private final AtomicBoolean playing = new AtomicBoolean();

  /** Everything the builder collected, frozen. */
  private record Settings(Map<SimulatedService, Integer> ports,
      Map<SimulatedService, Integer> backends, Map<SimulatedService, String> versions,
      Map<SimulatedService, Duration> baseLatency, Duration tokenLifetime,
      Duration serverBuildTime, Duration serverDeleteTime, int maxServers,
      SimulatorCredentials member, SimulatorCredentials admin, String region) {
  }

  private OpenStackSimulator(Settings settings) {
    this.settings = settings;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    List<SimulatorCredentials> accounts = new ArrayList<>();
    accounts.add(settings.member());
    if (settings.admin() != null) {
      accounts.add(settings.admin());
    }
    this.identity = new IdentityStore(settings.tokenLifetime(), accounts);
    this.compute = new ComputeStore(settings.serverBuildTime(), settings.serverDeleteTime(),
        settings.maxServers(), truth);
    this.objects = new ObjectStore(truth);
    this.control = new ControlApi(this);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "openstack-simulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A simulator with the defaults: ephemeral ports, user {@code demo}/{@code demo-password}. */
  public static OpenStackSimulator start() throws IOException {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates all frontends before any starts listening, so that a request arriving during start-up
   * already finds every service's address.
   */
  private OpenStackSimulator startServices() throws IOException {
    Endpoints endpoints = this::baseUrl;
    addFrontend(SimulatedService.IDENTITY, new IdentityApi(identity, endpoints, settings.region()),
        control);
    addFrontend(SimulatedService.COMPUTE, new ComputeApi(compute, identity, endpoints,
        () -> frontends.get(SimulatedService.COMPUTE).backendsUp()), null);
    addFrontend(SimulatedService.OBJECT_STORE, new ObjectStoreApi(objects, identity), null);
    try {
      for (Map.Entry<SimulatedService, ServiceFrontend> entry : frontends.entrySet()) {
        entry.getValue().start(settings.ports().get(entry.getKey()));
      }
      return this;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void addFrontend(SimulatedService service, ApiHandler api, ApiHandler controlApi) {
    frontends.put(service, new ServiceFrontend(service, settings.backends().get(service),
        settings.versions().get(service), settings.baseLatency().get(service), api, controlApi,
        executor, truth));
  }

  // ---- where and who -------------------------------------------------------------------------

  /** Keystone's v3 endpoint, e.g. {@code http://127.0.0.1:41234/v3}: pass it to openstack4j. */
  public String authUrl() {
    return baseUrl(SimulatedService.IDENTITY) + "/v3";
  }

  /** {@code http://127.0.0.1:port} of the service's load balancer (no trailing slash). */
  public String baseUrl(SimulatedService service) {
    return frontend(service).baseUrl();
  }

  public int port(SimulatedService service) {
    return frontend(service).port();
  }

  /** Nova's endpoint as in the catalog: {@code http://127.0.0.1:port/v2.1}. */
  public String computeUrl() {
    return baseUrl(SimulatedService.COMPUTE) + "/v2.1";
  }

  /** Swift's endpoint for the member's project: {@code http://127.0.0.1:port/v1/AUTH_<id>}. */
  public String objectStoreUrl() {
    String projectId = identity.projectByName(settings.member().projectName()).orElseThrow().id();
    return baseUrl(SimulatedService.OBJECT_STORE) + "/v1/AUTH_" + projectId;
  }

  /** The project member account (non-admin). */
  public SimulatorCredentials credentials() {
    return settings.member();
  }

  /** The admin account, unless the builder removed it. */
  public Optional<SimulatorCredentials> adminCredentials() {
    return Optional.ofNullable(settings.admin());
  }

  public String region() {
    return settings.region();
  }

  /**
   * Writes a {@code clouds.yaml} with the cloud {@code simulator} (the member) and, when there is
   * an admin, {@code simulator-admin}; the OpenStack CLI and our clouds.yaml loader read it as is.
   */
  public void writeCloudsYaml(Path file) throws IOException {
    ObjectNode root = Json.object();
    ObjectNode clouds = root.putObject("clouds");
    clouds.set("simulator", cloudEntry(settings.member()));
    if (settings.admin() != null) {
      clouds.set("simulator-admin", cloudEntry(settings.admin()));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, new YAMLMapper().writeValueAsString(root), StandardCharsets.UTF_8);
  }

  private ObjectNode cloudEntry(SimulatorCredentials account) {
    ObjectNode cloud = Json.object();
    cloud.putObject("auth").put("auth_url", authUrl()).put("username", account.username())
        .put("password", account.password()).put("project_name", account.projectName())
        .put("user_domain_name", account.userDomainName())
        .put("project_domain_name", account.projectDomainName());
    cloud.put("region_name", settings.region()).put("interface", "public")
        .put("identity_api_version", 3);
    return cloud;
  }

  // ---- ground truth ----------------------------------------------------------------------------

  /** What happened so far (outages, faults, versions) since the last scenario began. */
  public GroundTruth truth() {
    Map<SimulatedService, List<String>> finals = new EnumMap<>(SimulatedService.class);
    frontends.forEach((service, frontend) -> finals.put(service, frontend.versions()));
    return truth.snapshot(finals);
  }

  /**
   * Lets {@code POST /_simulator/play} on the identity port start this scenario, reporting to the
   * given control (the standalone mode). {@code GET /_simulator/truth} and
   * {@code GET /_simulator/status} always work.
   */
  public void enableRemotePlay(Scenario scenario, UpgradeControl upgradeControl,
      Path truthFile) {
    control.allowPlay(new SimulatorDriver(this, scenario), upgradeControl, truthFile);
  }

  TruthRecorder recorder() {
    return truth;
  }

  /** Starts recording a new scenario's truth; false when another scenario is playing. */
  boolean beginPlaying(String scenarioName) {
    if (!playing.compareAndSet(false, true)) {
      return false;
    }
    truth.begin(scenarioName, Instant.now());
    frontends.values().forEach(ServiceFrontend::republish);
    return true;
  }

  void endPlaying() {
    truth.end(Instant.now());
    playing.set(false);
  }

  boolean isPlaying() {
    return playing.get();
  }

  ObjectNode describe() {
    ObjectNode node = Json.object();
    node.put("playing", playing.get());
    node.put("step", truth.currentStep());
    ObjectNode services = node.putObject("services");
    frontends.forEach((service, frontend) -> services.set(service.type(), frontend.describe()));
    return node;
  }

  // ---- faults and state flips ------------------------------------------------------------------

  public int backendCount(SimulatedService service) {
    return frontend(service).backendCount();
  }

  /** Backend {@code n} (1-based) stops serving: requests routed to it get haproxy's 503. */
  public void takeDown(SimulatedService service, int backend) {
    frontend(service).down(backend);
  }

  public void bringUp(SimulatedService service, int backend) {
    frontend(service).up(backend, null);
  }

  /** Brings a backend back running {@code version} (null: unchanged), as after an upgrade. */
  public void bringUp(SimulatedService service, int backend, String version) {
    if (version != null) {
      checkVersion(service, version);
    }
    frontend(service).up(backend, version);
  }

  /** All backends down in one flip: every request gets 503. */
  public void takeDownAll(SimulatedService service) {
    frontend(service).downAll();
  }

  public void bringUpAll(SimulatedService service) {
    frontend(service).upAll();
  }

  /** The load balancer sends no new requests to the backend (zero-downtime maintenance). */
  public void drain(SimulatedService service, int backend) {
    frontend(service).drained(backend, true);
  }

  public void undrain(SimulatedService service, int backend) {
    frontend(service).drained(backend, false);
  }

  /** Closes the service's port: connections are refused until {@link #reopenListener}. */
  public void closeListener(SimulatedService service) {
    frontend(service).close();
  }

  /** Listens on the same port again. */
  public void reopenListener(SimulatedService service) throws IOException {
    frontend(service).reopen();
  }

  public boolean isListening(SimulatedService service) {
    return frontend(service).isListening();
  }

  /** Served requests take {@code factor} times the base latency; 1 restores normal speed. */
  public synchronized void setLatencyFactor(SimulatedService service, double factor) {
    frontend(service).latencyFactor(factor);
    Runnable open = latencyFaults.remove(service);
    if (open != null) {
      open.run();
    }
    if (factor != 1.0) {
      latencyFaults.put(service, truth.lastingFault("latency", service, "x" + factor,
          Instant.now(), () -> "responses took " + factor + " times the base latency"));
    }
  }

  /** Sets the version every backend of the service reports. */
  public void setVersion(SimulatedService service, String version) {
    setVersion(service, 0, version);
  }

  /** Sets the version one backend reports (0: all backends). */
  public void setVersion(SimulatedService service, int backend, String version) {
    checkVersion(service, version);
    frontend(service).version(backend, version);
  }

  /** The version each backend reports now (index 0 is backend 1). */
  public List<String> versions(SimulatedService service) {
    return frontend(service).versions();
  }

  /** The {@code count} oldest servers whose name contains the fragment vanish; returns names. */
  public List<String> loseServers(String nameFragment, int count) {
    return compute.lose(nameFragment, count).stream().map(s -> s.name).toList();
  }

  /** Changes the content of the {@code count} oldest matching objects; returns container/object. */
  public List<String> corruptObjects(String containerFragment, String objectFragment, int count) {
    return objects.corrupt(containerFragment, objectFragment, count);
  }

  /** From now on, {@code percent} of server creates get a 202 but no server (0 stops it). */
  public void dropServerCreates(int percent) {
    dropCreates(percent, ComputeStore.DropMode.NEVER_CREATED, Duration.ZERO);
  }

  /** From now on, {@code percent} of created servers silently disappear after the delay. */
  public void dropServerCreatesLater(int percent, Duration deleteAfter) {
    dropCreates(percent, ComputeStore.DropMode.DELETED_LATER, deleteAfter);
  }

  private synchronized void dropCreates(int percent, ComputeStore.DropMode mode, Duration delay) {
    if (dropFault != null) {
      dropFault.run();
      dropFault = null;
    }
    compute.dropCreates(percent, mode, delay);
    if (percent > 0) {
      long before = compute.createsDropped();
      dropFault = truth.lastingFault("drop-creates", SimulatedService.COMPUTE, percent + "%",
          Instant.now(), () -> (compute.createsDropped() - before) + " create(s) dropped ("
              + (mode == ComputeStore.DropMode.NEVER_CREATED ? "never created"
                  : "deleted after " + delay.toMillis() + " ms") + ")");
    }
  }

  private ServiceFrontend frontend(SimulatedService service) {
    ServiceFrontend frontend = frontends.get(Objects.requireNonNull(service, "service"));
    if (frontend == null) {
      throw new IllegalStateException("the simulator is not running");
    }
    return frontend;
  }

  /** Checks a version string for the service: Nova needs a microversion like {@code 2.95}. */
  static void checkVersion(SimulatedService service, String version) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a version for " + service + " must not be empty");
    }
    if (service == SimulatedService.COMPUTE) {
      Microversion parsed = Microversion.parse(version);
      if (parsed.compareTo(Microversion.MIN) < 0) {
        throw new IllegalArgumentException("Nova's maximum microversion must be at least 2.1, got "
            + version);
      }
    }
  }

  /** Stops all listeners and threads. */
  @Override
  public void close() {
    frontends.values().forEach(ServiceFrontend::shutdown);
    executor.shutdownNow();
    control.stopPlaying();
  }

  @Override
  public String toString() {
    return "OpenStackSimulator[" + (frontends.isEmpty() ? "stopped" : authUrl()) + "]";
  }

  /**
   * Configures a simulator. Defaults: ephemeral ports; backends identity 2, compute 1,
   * object-store 2; Zed versions; 3 ms base latency per request; tokens valid for 1 h; servers
   * ACTIVE after 300 ms and gone 100 ms after a delete; 10 servers per project; user
   * {@code demo}/{@code demo-password} (member of {@code demo}) and {@code admin}/
   * {@code admin-password} (admin of {@code admin}); region {@code RegionOne}.
   */
  public static final class Builder {

    private final Map<SimulatedService, Integer> ports = new EnumMap<>(SimulatedService.class);
    private final Map<SimulatedService, Integer> backends = new EnumMap<>(SimulatedService.class);
    private final Map<SimulatedService, String> versions = new EnumMap<>(SimulatedService.class);
    private final Map<SimulatedService, Duration> latency = new EnumMap<>(SimulatedService.class);
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration serverBuildTime = Duration.ofMillis(300);
    private Duration serverDeleteTime = Duration.ofMillis(100);
    private int maxServers = 10;
    private SimulatorCredentials member =
        new SimulatorCredentials("demo", "demo-password", "demo", false);
    private SimulatorCredentials admin =
        new SimulatorCredentials("admin", "admin-password", "admin", true);
    private String region = "RegionOne";

    private Builder() {
      for (SimulatedService service : SimulatedService.values()) {
        ports.put(service, 0);
        backends.put(service, service.defaultBackends());
        latency.put(service, Duration.ofMillis(3));
      }
      versions.put(SimulatedService.IDENTITY, DEFAULT_IDENTITY_VERSION);
      versions.put(SimulatedService.COMPUTE, DEFAULT_COMPUTE_VERSION);
      versions.put(SimulatedService.OBJECT_STORE, DEFAULT_OBJECT_STORE_VERSION);
    }

    /** The port of one service (0 = ephemeral). */
    public Builder port(SimulatedService service, int port) {
      ports.put(service, checkPort(port));
      return this;
    }

    /** Identity on {@code port}, compute on {@code port + 1}, object-store on {@code port + 2}. */
    public Builder basePort(int port) {
      checkPort(port);
      if (port == 0) {
        return this;
      }
      ports.put(SimulatedService.IDENTITY, port);
      ports.put(SimulatedService.COMPUTE, checkPort(port + 1));
      ports.put(SimulatedService.OBJECT_STORE, checkPort(port + 2));
      return this;
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      return port;
    }

    /** How many backends the service's load balancer spreads requests over. */
    public Builder backends(SimulatedService service, int count) {
      if (count < 1) {
        throw new IllegalArgumentException(service + " needs at least one backend, got " + count);
      }
      backends.put(service, count);
      return this;
    }

    /** The backend counts the scenario declares (others keep their values). */
    public Builder backendsFor(Scenario scenario) {
      scenario.backends().forEach(this::backends);
      return this;
    }

    /** The version the service starts with (Nova: its maximum microversion). */
    public Builder version(SimulatedService service, String version) {
      checkVersion(service, version);
      versions.put(service, version);
      return this;
    }

    /** Time every served request of every service takes before its answer. */
    public Builder baseLatency(Duration latency) {
      for (SimulatedService service : SimulatedService.values()) {
        baseLatency(service, latency);
      }
      return this;
    }

    public Builder baseLatency(SimulatedService service, Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative");
      }
      latency.put(service, value);
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("token lifetime must be positive");
      }
      tokenLifetime = lifetime;
      return this;
    }

    /** How long a new server stays in BUILD. */
    public Builder serverBuildTime(Duration time) {
      serverBuildTime = nonNegative(time);
      return this;
    }

    /** How long a deleted server stays visible (task state {@code deleting}). */
    public Builder serverDeleteTime(Duration time) {
      serverDeleteTime = nonNegative(time);
      return this;
    }

    private static Duration nonNegative(Duration time) {
      if (time.isNegative()) {
        throw new IllegalArgumentException("time must not be negative");
      }
      return time;
    }

    /** Nova's instance quota per project; one more create gets 403 "Quota exceeded". */
    public Builder maxServersPerProject(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("quota must not be negative");
      }
      maxServers = max;
      return this;
    }

    /** The non-admin project member. */
    public Builder member(String username, String password, String projectName) {
      member = new SimulatorCredentials(username, password, projectName, false);
      return this;
    }

    /** The admin account (admin role on its own project). */
    public Builder admin(String username, String password, String projectName) {
      admin = new SimulatorCredentials(username, password, projectName, true);
      return this;
    }

    /** No admin account at all, as with a cloud where you are only a member. */
    public Builder withoutAdmin() {
      admin = null;
      return this;
    }

    public Builder region(String name) {
      region = Objects.requireNonNull(name);
      return this;
    }

    /** Binds the ports and starts serving. */
    public OpenStackSimulator start() throws IOException {
      if (admin != null && admin.username().equals(member.username())) {
        throw new IllegalArgumentException("member and admin need different user names");
      }
      Settings settings = new Settings(Map.copyOf(ports), Map.copyOf(backends),
          Map.copyOf(versions), Map.copyOf(latency), tokenLifetime, serverBuildTime,
          serverDeleteTime, maxServers, member, admin, region);
      return new OpenStackSimulator(settings).startServices();
    }
  }
}
