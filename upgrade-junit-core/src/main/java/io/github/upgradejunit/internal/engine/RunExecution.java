package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.control.CommandDriver;
import io.github.upgradejunit.internal.control.ControlServer;
import io.github.upgradejunit.internal.control.SignalDriver;
import io.github.upgradejunit.internal.engine.Descriptors.EngineTest;
import io.github.upgradejunit.internal.engine.Descriptors.PhaseDescriptor;
import io.github.upgradejunit.internal.monitor.ProbeScheduler;
import io.github.upgradejunit.internal.report.AllureAttachments;
import io.github.upgradejunit.internal.report.RunReporter;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.UpgradeDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * Executes the phases of one invocation in order: before (resources, baseline), during (monitor,
 * control endpoint, driver, concurrent during checks), after (reconcile, verify, after tests,
 * cleanup, analysis, report, verdicts).
 */
final class RunExecution {

  private final Descriptors.Root root;
  private final Map<Phase, NestedPhase> phases;
  private final UpgradeConfiguration config;
  private final EngineExecutionListener listener;
  private final boolean allPhases;
  private RunSession session;
  private ProbeScheduler monitor;
  private long monitorStartedNanos;

  RunExecution(Descriptors.Root root, Map<Phase, NestedPhase> phases, UpgradeConfiguration config,
      EngineExecutionListener listener) {
    this.root = root;
    this.phases = phases;
    this.config = config;
    this.listener = listener;
    this.allPhases = phases.size() > 1;
  }

  /** Run every phase; returns the run-level failure, if any. */
  TestExecutionResult run() {
    String url = config.find(CoreKeys.STORE).orElseGet(() -> Store.defaultUrl(java.nio.file.Paths.get("")));
    try (Store store = Store.open(url)) {
      Phase first = phases.keySet().iterator().next();
      session = RunSession.open(config, store, first, first == Phase.BEFORE);
      Console.line("run " + session.id() + ", phase " + config.get(CoreKeys.PHASE) + ", store " + store.location());
      try {
        for (var child : root.getChildren()) {
          PhaseDescriptor descriptor = (PhaseDescriptor) child;
          runPhase(descriptor);
        }
      } finally {
        stopMonitor();
        session.close();
        flush(store);
      }
      return TestExecutionResult.successful();
    } catch (RuntimeException e) {
      Console.line("ERROR: " + e.getMessage());
      return TestExecutionResult.failed(e);
    }
  }

  private static void flush(Store store) {
    try {
      store.writer().flush(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runPhase(PhaseDescriptor descriptor) {
    Phase phase = descriptor.phase();
    listener.executionStarted(descriptor);
    session.enter(phase);
    long phaseId = session.store().phaseStarted(session.id(), phase.key(), session.runner());
    Console.line("--- " + phase.key() + " phase ---");
    try {
      switch (phase) {
        case BEFORE -> before(descriptor);
        case DURING -> during(descriptor);
        case AFTER -> after(descriptor);
      }
      session.store().phaseFinished(phaseId, "finished");
      listener.executionFinished(descriptor, TestExecutionResult.successful());
    } catch (RuntimeException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      session.store().phaseFinished(phaseId, "failed: " + e.getMessage());
      listener.executionFinished(descriptor, TestExecutionResult.failed(e));
    }
  }

  private void executeTests(PhaseDescriptor descriptor) {
    NestedPhase nested = phases.get(descriptor.phase());
    nested.execute(new Forwarder(nested, listener, session, descriptor.phase()));
  }

  // ---- before ------------------------------------------------------------------------------------

  private void before(PhaseDescriptor descriptor) throws InterruptedException {
    if (allPhases) {
      startMonitor();
    }
    new HealthChecks(session, listener).run(descriptor, session.plugins().healthChecks());
    executeTests(descriptor);
    if (allPhases && probing()) {
      Duration baseline = config.duration(CoreKeys.PROBE_BASELINE);
      long waited = System.nanoTime() - monitorStartedNanos;
      long left = baseline.toNanos() - waited;
      if (left > 0) {
        Console.line("measuring the baseline for " + Duration.ofNanos(left).toSeconds() + " s more");
        Thread.sleep(left / 1_000_000);
      }
    }
  }

  // ---- during ------------------------------------------------------------------------------------

  private void during(PhaseDescriptor descriptor) throws InterruptedException {
    startMonitor();
    try (ControlServer control = startControl()) {
      UpgradeDriver driver = driver();
      Console.line("upgrade driver: " + driver.name());
      String controlUrl = control == null ? null : control.baseUrl();
      Thread driving = new Thread(() -> drive(driver, controlUrl), "upgrade-junit-driver");
      driving.setDaemon(true);
      driving.start();
      executeTests(descriptor);
      driving.join(); // the driver always closes the window when it ends
    }
    verifyResources(Phase.DURING);
    if (!allPhases) {
      awaitTail();
      stopMonitor();
    }
  }

  private void drive(UpgradeDriver driver, String controlUrl) {
    SessionControl control = new SessionControl(session, controlUrl);
    UpgradeWindow window = session.window();
    String reason = "the " + driver.name() + " driver ended without starting the upgrade";
    try {
      driver.drive(control);
    } catch (Exception | Error e) {
      reason = "the " + driver.name() + " driver failed: " + e.getMessage();
      if (window.state() == UpgradeWindow.State.OPEN) {
        control.upgradeFailed(reason);
      }
      Console.line("ERROR: " + reason);
    } finally {
      if (window.state() == UpgradeWindow.State.OPEN) {
        control.upgradeFinished();
      }
      window.close(Micros.now(), reason);
    }
  }

  private UpgradeDriver driver() {
    var plugins = session.plugins();
    return config.find(CoreKeys.DRIVER).map(name -> switch (name) {
      case "command" -> new CommandDriver();
      case "signal" -> new SignalDriver();
      default -> plugins.driver(name).orElseThrow(() -> new IllegalArgumentException("Configuration key "
          + "'upgrade.driver' names '" + name + "', but no such driver exists; use command, signal, or a plugin's driver"));
    }).orElseGet(() -> config.find(CoreKeys.COMMAND).isPresent() ? new CommandDriver()
        : plugins.defaultDriver().orElseGet(SignalDriver::new));
  }

  private ControlServer startControl() {
    try {
      ControlServer server = ControlServer.start(config.get(CoreKeys.CONTROL_BIND),
          (int) config.integer(CoreKeys.CONTROL_PORT), config.find(CoreKeys.CONTROL_TOKEN).orElse(null),
          new ControlServer.EventSink() {
            @Override
            public String runId() {
              return session.id();
            }

            @Override
            public java.util.Optional<String> record(String type, String service, String host, String step,
                String detail) {
              return session.recordEvent(type, service, host, step, detail);
            }
          },
          () -> Map.of("run", session.id(), "window", session.window().state().name().toLowerCase(),
              "step", session.currentStep().orElse("")));
      Console.line("control endpoint: " + server.eventsUrl());
      return server;
    } catch (java.io.IOException | IllegalArgumentException e) {
      Console.line("WARNING: the control endpoint is not running (" + e.getMessage()
          + "); the signal command still works, it writes to the store directly");
      return null;
    }
  }

  // ---- after -------------------------------------------------------------------------------------

  private void after(PhaseDescriptor descriptor) throws InterruptedException {
    session.plugins().afterUpgrade();
    new HealthChecks(session, listener).run(descriptor, session.plugins().healthChecks());
    verifyResources(Phase.AFTER);
    executeTests(descriptor);
    cleanup();
    awaitTail();
    stopMonitor();
    flush(session.store());
    RunReporter.Outcome outcome = RunReporter.write(session.store(), session.id(), session.reportDirectory(), config);
    session.store().closeRun(session.id(), outcome.met() ? "passed" : "failed");
    for (RunReporter.Check check : outcome.checks()) {
      EngineTest verdict = new EngineTest(descriptor.getUniqueId(), "verdict", check.id(), check.name());
      descriptor.addChild(verdict);
      listener.dynamicTestRegistered(verdict);
      listener.executionStarted(verdict);
      AllureAttachments.attachToCurrentTest(check.attachments()); // Allure tracks the started test per thread
      listener.executionFinished(verdict, check.passed() ? TestExecutionResult.successful()
          : TestExecutionResult.failed(new AssertionFailedError(check.message())));
    }
  }

  private void verifyResources(Phase phase) {
    for (Resources.Verification v : session.resources().verifyAll(phase)) {
      if (!v.intact()) {
        Console.line("resource " + v.name() + " is " + v.verdict() + (v.details().isEmpty() ? "" : ": " + v.details()));
      }
    }
  }

  private void cleanup() {
    if (!Boolean.parseBoolean(config.get(CoreKeys.CLEANUP))) {
      Console.line("cleanup skipped (upgrade.cleanup=false); run 'cleanup --run " + session.id() + "' later");
      return;
    }
    List<String> leaked = session.resources().cleanup();
    if (!leaked.isEmpty()) {
      Console.line("LEAKED: " + String.join("; ", leaked));
    }
  }

  // ---- monitor -----------------------------------------------------------------------------------

  private void startMonitor() {
    if (monitor != null) {
      return;
    }
    List<Probe> probes = new java.util.ArrayList<>(session.plugins().probes());
    probes.addAll(config.configuredProbes());
    monitor = new ProbeScheduler(probes, config.number(CoreKeys.PROBE_RATE), config.duration(CoreKeys.PROBE_DEADLINE),
        session.runner(), sample -> session.store().writer().sample(session.id(), sample));
    monitor.start();
    monitorStartedNanos = System.nanoTime();
    int dataPlane = session.resources().probeWith(monitor);
    if (probes.isEmpty() && dataPlane == 0) {
      Console.line("no probes: no plugin contributed any (is a cloud configured?), and no upgrade.probe.<name>.url"
          + " or .tcp is set");
      return;
    }
    Console.line("monitoring " + (probes.size() + dataPlane) + " probe series at " + config.get(CoreKeys.PROBE_RATE)
        + "/s each unless set per probe (interval " + monitor.interval().toMillis() + " ms)");
  }

  private void awaitTail() throws InterruptedException {
    if (!probing()) { // nothing was ever probed: no tail to wait for
      return;
    }
    UpgradeWindow window = session.window();
    long tailEnd = window.closedAt() + config.duration(CoreKeys.PROBE_TAIL).toNanos() / 1_000;
    long left = tailEnd - Micros.now();
    if (left > 0) {
      Console.line("probing for the " + (left / 1_000_000) + " s tail after the upgrade");
      Thread.sleep(left / 1_000);
    }
  }

  private boolean probing() {
    return monitor != null && !monitor.counts().isEmpty();
  }

  private void stopMonitor() {
    if (monitor != null) {
      monitor.close();
      monitor.counts().forEach((series, c) -> Console.line(String.format("  %-28s %7d samples, %5d failed",
          series, c.samples(), c.failed())));
      monitor = null;
    }
  }
}
