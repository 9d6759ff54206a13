package io.github.upgradejunit.openstack.simulator;

import io.github.upgradejunit.spi.UpgradeControl;
import io.github.upgradejunit.spi.UpgradeDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Plays a {@link Scenario} against a running {@link OpenStackSimulator} as the upgrade under test
 * ({@code upgrade.driver=simulator}). It reports the upgrade window and every step to the
 * {@link UpgradeControl} exactly as a deployment tool would, while the simulator records the
 * ground truth, so the measured downtime can be checked against what really happened.
 *
 * <p>Hosts are named {@code sim-ctl<N>} after the backend they run; a service-wide step reports
 * all its hosts, comma-separated. Pauses are not reported as steps.
 */
public final class SimulatorDriver implements UpgradeDriver {

  /** The name selected with {@code upgrade.driver}. */
  public static final String NAME = "simulator";

  private final OpenStackSimulator simulator;
  private final Scenario scenario;
  private volatile GroundTruth lastTruth;

  /**
   * Checks the scenario against the simulator (backend counts, backend numbers) so a mismatch
   * fails here, before any upgrade event is sent.
   *
   * @throws ScenarioException naming the scenario, the step and the problem
   */
  public SimulatorDriver(OpenStackSimulator simulator, Scenario scenario) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    checkTopology();
  }

  private void checkTopology() {
    scenario.backends().forEach((service, expected) -> {
      int actual = simulator.backendCount(service);
      if (actual != expected) {
        throw new ScenarioException(scenario.source(), 0, null, "written for " + expected
            + " " + service + " backend(s), but the simulator has " + actual
            + "; build it with OpenStackSimulator.builder().backendsFor(scenario)", null);
      }
    });
    List<ScenarioStep> steps = scenario.steps();
    for (int i = 0; i < steps.size(); i++) {
      String problem = steps.get(i).problemWith(simulator);
      if (problem != null) {
        throw new ScenarioException(scenario.source(), i + 1, steps.get(i).name(), problem, null);
      }
    }
  }

  /** {@code sim-ctl<backend>}: the host name steps on that backend report. */
  public static String host(int backend) {
    return "sim-ctl" + backend;
  }

  @Override
  public String name() {
    return NAME;
  }

  public Scenario scenario() {
    return scenario;
  }

  /**
   * Plays the whole scenario: {@code upgradeStarted}, each step between {@code stepStarted} and
   * {@code stepFinished}, then {@code upgradeFinished} (or {@code upgradeFailed} and the
   * exception). Whatever a step took down is brought back even when the play is interrupted.
   *
   * @throws IllegalStateException when another scenario is playing on the same simulator
   */
  @Override
  public void drive(UpgradeControl control) throws Exception {
    if (!simulator.beginPlaying(scenario.name())) {
      throw new IllegalStateException("another scenario is already playing on " + simulator);
    }
    try {
      control.output("simulator: playing scenario '" + scenario.name() + "' ("
          + scenario.stepNames().size() + " steps, about "
          + scenario.estimatedDuration().toSeconds() + " s)");
      control.upgradeStarted();
      StepContext context = new PlayContext(control);
      for (ScenarioStep step : scenario.steps()) {
        step.play(context);
      }
      recordVersionsLeftBehind();
      control.upgradeFinished();
    } catch (InterruptedException e) {
      control.upgradeFailed("the simulator's scenario was interrupted");
      Thread.currentThread().interrupt();
      throw e;
    } catch (Exception e) {
      control.upgradeFailed("the simulator's scenario failed: " + e.getMessage());
      throw e;
    } finally {
      simulator.endPlaying();
      lastTruth = simulator.truth();
    }
  }

  /** A service whose backends ended on different versions did not get its upgrade everywhere. */
  private void recordVersionsLeftBehind() {
    for (SimulatedService service : SimulatedService.values()) {
      List<String> versions = simulator.versions(service);
      if (new HashSet<>(versions).size() > 1) {
        simulator.recorder().fault("version-left-behind", service, String.join(",", versions),
            null, Instant.now(), null, "backends ended the upgrade on different versions "
                + versions);
      }
    }
  }

  /** The truth of the last play (or of the play in progress). */
  public GroundTruth truth() {
    GroundTruth truth = lastTruth;
    return truth != null && !simulator.isPlaying() ? truth : simulator.truth();
  }

  /** Writes {@code truth.json}; see {@link GroundTruth#toJson()}. */
  public void writeTruth(Path file) throws IOException {
    truth().write(file);
  }

  /** Connects steps to the control and the truth recorder. */
  private final class PlayContext implements StepContext {
    private final UpgradeControl control;

    PlayContext(UpgradeControl control) {
      this.control = control;
    }

    @Override
    public OpenStackSimulator simulator() {
      return simulator;
    }

    @Override
    public void step(String name, SimulatedService service, String host, Action action)
        throws InterruptedException, IOException {
      TruthRecorder truth = simulator.recorder();
      truth.stepStarted(name, Instant.now());
      control.stepStarted(service.type(), host, name);
      try {
        action.run();
      } finally {
        truth.stepFinished(name, service, host, Instant.now());
        control.stepFinished(service.type(), host, name);
      }
    }

    @Override
    public void output(String line) {
      control.output("simulator: " + line);
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      if (millis > 0) {
        Thread.sleep(millis);
      }
    }
  }
}
