package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import io.github.upgradejunit.openstack.simulator.SimulatorCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** A simulator plus the plugin's parts connected to it, for tests. */
final class SimCloud implements AutoCloseable {

  final OpenStackSimulator simulator;
  final CloudConfig cloud;
  final Tls tls;
  final Timeouts timeouts;
  final CloudSession session;
  final Rest rest;
  final List<String> log = new CopyOnWriteArrayList<>();

  private SimCloud(OpenStackSimulator simulator, CloudConfig cloud, Timeouts timeouts) {
    this.simulator = simulator;
    this.cloud = cloud;
    this.tls = cloud.tls();
    this.timeouts = timeouts;
    this.session = new CloudSession(cloud, tls, timeouts, Duration.ofMinutes(5), (s, l) -> log.add(l)).start();
    this.rest = new Rest(session, tls, timeouts);
  }

  static SimCloud start() throws IOException {
    return start(b -> b);
  }

  static SimCloud start(UnaryOperator<OpenStackSimulator.Builder> customise) throws IOException {
    OpenStackSimulator simulator = customise.apply(OpenStackSimulator.builder()
        .serverBuildTime(Duration.ofMillis(100)).serverDeleteTime(Duration.ofMillis(50))).start();
    return new SimCloud(simulator, cloudOf(simulator, simulator.authUrl()),
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  /** A cloud behind another Keystone URL (a proxy in front of the simulator's). */
  static SimCloud behind(OpenStackSimulator simulator, String authUrl, Timeouts timeouts) {
    return new SimCloud(simulator, cloudOf(simulator, authUrl), timeouts);
  }

  static CloudConfig cloudOf(OpenStackSimulator simulator, String authUrl) {
    SimulatorCredentials user = simulator.credentials();
    return new CloudConfig("sim", "test", authUrl, user.username(), null, Secret.of(user.password()),
        user.projectName(), null, "Default", null, "Default", null, simulator.region(), "public", true, null);
  }

  Compute compute() {
    return compute(3);
  }

  Compute compute(int breakerThreshold) {
    return new Compute(session, rest, new Compute.Settings(null, null, "none", null, Duration.ofSeconds(5)),
        new CircuitBreaker(Catalog.COMPUTE, breakerThreshold));
  }

  ObjectStorage storage() {
    return new ObjectStorage(session, rest);
  }

  Identity identity() {
    return new Identity(session, rest);
  }

  @Override
  public void close() {
    session.close();
    simulator.close();
  }
}
