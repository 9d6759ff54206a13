package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.internal.Ledger.Pending;
import io.github.upgradejunit.openstack.internal.ServerResource.LiveServer;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Nova} handle: list, get, create and delete servers, recording creates and deletes made
 * during the upgrade in the ledger and settling them as soon as their effect is seen. Every call
 * runs on the caller's thread with its own openstack4j binding. Thread-safe.
 */
final class NovaHandle implements Nova {

  private final Compute compute;
  private final PluginContext context;
  private final Ledger ledger;
  private final CircuitBreaker breaker;
  private final Transients transients;

  NovaHandle(Compute compute, PluginContext context, Ledger ledger, CircuitBreaker breaker, Transients transients) {
    this.compute = compute;
    this.context = context;
    this.ledger = ledger;
    this.breaker = breaker;
    this.transients = transients;
  }

  @Override
  public List<Server> servers() {
    return compute.list().stream().map(this::live).toList();
  }

  @Override
  public Optional<Server> server(String id) {
    return compute.find(id).map(this::live);
  }

  private Server live(ServerState state) {
    return new LiveServer(state.id(), state.name(), compute);
  }

  @Override
  public Server createServer(String baseName) {
    String name = context.resourceName(baseName);
    breaker.check("server " + name);
    Compute.Posted posted = post(name);
    String target = posted.id() != null ? posted.id() : name;
    String key = key(target);
    Optional<Pending> entry = ledger.record(Catalog.COMPUTE, Ledger.CREATE_SERVER, key, target, posted.status());
    if (!posted.accepted()) {
      OpenStackException refused = Failures.answered(Catalog.COMPUTE, "creating server " + name, posted.status(),
          posted.message());
      breaker.failed(refused);
      throw refused;
    }
    transients.server(posted.id());
    long started = System.nanoTime();
    try {
      ServerState active = compute.awaitActive(posted.id(), compute.timeout());
      entry.ifPresent(e -> ledger.settle(key, e, Fate.HONORED, "ACTIVE after " + millisSince(started) + " ms"));
      breaker.succeeded();
      return live(active);
    } catch (RuntimeException e) {
      breaker.failed(e);
      abandon(posted.id(), key, entry, e);
      throw e;
    }
  }

  private Compute.Posted post(String name) {
    try {
      return compute.post(name, Map.of(RunTag.KEY, context.runId(), RunTag.ROLE, RunTag.TRANSIENT));
    } catch (OpenStackException e) {
      ledger.record(Catalog.COMPUTE, Ledger.CREATE_SERVER, name, name, e.status());
      breaker.failed(e);
      throw e;
    }
  }

  /**
   * A server that did not become ACTIVE: still building counts as not decided yet (the ledger
   * entry stays pending for the reconciliation); anything else is a lost create, and the server
   * is deleted again.
   */
  private void abandon(String id, String key, Optional<Pending> entry, RuntimeException failure) {
    Optional<ServerState> now = findQuietly(id);
    if (entry.isPresent() && now.map(s -> "BUILD".equals(s.status())).orElse(false)) {
      return;
    }
    entry.ifPresent(e -> ledger.settle(key, e, Fate.LOST, failure.getMessage()));
    try {
      compute.delete(id);
      transients.forgetServer(id);
    } catch (RuntimeException again) {
      failure.addSuppressed(again);
    }
  }

  @Override
  public void deleteServer(String id) {
    Optional<ServerState> existing = compute.find(id);
    if (existing.isEmpty()) {
      return;
    }
    ServerState server = existing.get();
    if (!server.name().startsWith(context.resourcePrefix())) {
      throw new IllegalArgumentException("Not deleting server " + server.name() + " (" + id + "): it is not one of "
          + "this run's servers (their names start with " + context.resourcePrefix() + ")");
    }
    String key = key(id);
    settleCreate(key, server);
    int status;
    try {
      status = compute.requestDelete(id);
    } catch (OpenStackException e) {
      ledger.record(Catalog.COMPUTE, Ledger.DELETE_SERVER, key, id, e.status());
      throw e;
    }
    Optional<Pending> entry = ledger.record(Catalog.COMPUTE, Ledger.DELETE_SERVER, key, id, status);
    long started = System.nanoTime();
    compute.awaitGone(id);
    transients.forgetServer(id);
    entry.ifPresent(e -> ledger.settle(key, e, Fate.HONORED, "gone after " + millisSince(started) + " ms"));
  }

  /** A create still pending when the test deletes the server: what it is now decides. */
  private void settleCreate(String key, ServerState server) {
    ledger.pendingFor(key).filter(p -> p.operation().equals(Ledger.CREATE_SERVER)).ifPresent(p -> ledger.settle(key,
        p, "ACTIVE".equals(server.status()) ? Fate.HONORED : Fate.LOST, server.status() + " when the test deleted it"));
  }

  private Optional<ServerState> findQuietly(String id) {
    try {
      return compute.find(id);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String key(String id) {
    return "server/" + id;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  @Override
  public String toString() {
    return "Nova[" + context.resourcePrefix() + "]";
  }
}
