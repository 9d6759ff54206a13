package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import io.github.upgradejunit.openstack.simulator.Scenario;
import io.github.upgradejunit.openstack.simulator.SimulatorCredentials;
import io.github.upgradejunit.openstack.simulator.SimulatorDriver;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code upgrade.cloud=simulator}: the embedded OpenStack simulator in this JVM, built for the
 * scenario it will play, with the scenario's driver and the cloud settings of its member account.
 * On close it writes the ground truth ({@code truth.json}) and stops. Thread-safe as the simulator is.
 */
final class SimulatedCloud implements AutoCloseable {

  private final OpenStackSimulator simulator;
  private final SimulatorDriver driver;

  private SimulatedCloud(OpenStackSimulator simulator, SimulatorDriver driver) {
    this.simulator = simulator;
    this.driver = driver;
  }

  /** Start a simulator for a built-in scenario name or a scenario file. */
  static SimulatedCloud start(String scenarioName) throws IOException {
    Scenario scenario = Scenario.resolve(scenarioName);
    OpenStackSimulator simulator = OpenStackSimulator.builder().backendsFor(scenario).start();
    try {
      return new SimulatedCloud(simulator, new SimulatorDriver(simulator, scenario));
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  OpenStackSimulator simulator() {
    return simulator;
  }

  SimulatorDriver driver() {
    return driver;
  }

  /** The member account's settings, as a clouds.yaml entry would give them. */
  CloudConfig cloud() {
    SimulatorCredentials user = simulator.credentials();
    return new CloudConfig(OpenStackKeys.SIMULATOR, "the embedded simulator", simulator.authUrl(), user.username(),
        null, Secret.of(user.password()), user.projectName(), null, user.userDomainName(), null,
        user.projectDomainName(), null, simulator.region(), "public", true, null);
  }

  /** The admin account's settings, for the admin-only health checks. */
  CloudConfig adminCloud() {
    SimulatorCredentials admin = simulator.adminCredentials().orElseThrow();
    return new CloudConfig(OpenStackKeys.SIMULATOR + "-admin", "the embedded simulator (admin)", simulator.authUrl(),
        admin.username(), null, Secret.of(admin.password()), admin.projectName(), null, admin.userDomainName(), null,
        admin.projectDomainName(), null, simulator.region(), "public", true, null);
  }

  /** Write {@code truth.json} into the directory and stop the simulator. */
  void close(Path reportDirectory) throws IOException {
    try {
      driver.writeTruth(reportDirectory.resolve("truth.json"));
    } finally {
      simulator.close();
    }
  }

  @Override
  public void close() {
    simulator.close();
  }
}
