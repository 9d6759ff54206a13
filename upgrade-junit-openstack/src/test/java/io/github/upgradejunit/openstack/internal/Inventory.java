package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What exists in the test project, listed through a session of its own that goes straight to the
 * simulator (never through a fault proxy): servers, containers with their objects, application
 * credentials. A matrix cell takes one before and one after and asserts they are equal.
 */
final class Inventory implements AutoCloseable {

  private final CloudSession session;
  private final Rest rest;

  Inventory(OpenStackSimulator simulator) {
    this(SimCloud.cloudOf(simulator, simulator.authUrl()));
  }

  Inventory(CloudConfig cloud) {
    io.github.upgradejunit.probe.Tls tls = cloud.tls();
    Timeouts timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    this.session = new CloudSession(cloud, tls, timeouts, Duration.ofMinutes(5), (s, l) -> { }).start();
    this.rest = new Rest(session, tls, timeouts);
  }

  /** Sorted lines: {@code server <name> <id>}, {@code object <container>/<name>}, {@code credential <name>}. */
  List<String> list() {
    TreeSet<String> all = new TreeSet<>();
    Compute compute = new Compute(session, rest, new Compute.Settings(null, null, "none", null, Duration.ofSeconds(5)),
        new CircuitBreaker(Catalog.COMPUTE, 3));
    compute.list().forEach(s -> all.add("server " + s.name() + " " + s.id()));
    ObjectStorage storage = new ObjectStorage(session, rest);
    for (String container : storage.containers("")) {
      all.add("container " + container);
      storage.list(container).forEach(o -> all.add("object " + container + "/" + o));
    }
    new Identity(session, rest).listAppCredentials().forEach(c -> all.add("credential " + c.name()));
    return new ArrayList<>(all);
  }

  @Override
  public void close() {
    session.close();
  }
}
