package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.engine.Descriptors.EngineTest;
import io.github.upgradejunit.internal.engine.Descriptors.PhaseDescriptor;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.TestResult;
import io.github.upgradejunit.spi.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the plugins' {@link HealthCheck}s as dynamic tests of a phase, one by one, each stored like
 * a test result so the report and Allure show them. A check that hangs past its deadline is
 * abandoned and failed: a sick API must not stall the run.
 */
final class HealthChecks {

  private final RunSession session;
  private final EngineExecutionListener listener;
  private final Duration deadline;

  HealthChecks(RunSession session, EngineExecutionListener listener) {
    this.session = session;
    this.listener = listener;
    this.deadline = session.config().duration(CoreKeys.HEALTH_TIMEOUT);
  }

  /** Run every check under the phase's descriptor. */
  void run(PhaseDescriptor phase, List<HealthCheck> checks) throws InterruptedException {
    if (checks.isEmpty()) {
      return;
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "upgrade-junit-health");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (HealthCheck check : checks) {
        run(phase, check, executor);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private void run(PhaseDescriptor phase, HealthCheck check, ExecutorService executor) throws InterruptedException {
    String name = "health: " + check.service() + " " + check.name();
    EngineTest descriptor = new EngineTest(phase.getUniqueId(), TestResult.HEALTH_CHECK, check.service() + " " + check.name(), name);
    phase.addChild(descriptor);
    listener.dynamicTestRegistered(descriptor);
    listener.executionStarted(descriptor);
    long started = Micros.now();
    TestExecutionResult result = outcome(check, executor);
    store(phase, descriptor, check, started, result);
    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
      Console.line("UNHEALTHY " + check.service() + " " + check.name() + ": "
          + result.getThrowable().map(Throwable::getMessage).orElse(""));
    }
    listener.executionFinished(descriptor, result);
  }

  private TestExecutionResult outcome(HealthCheck check, ExecutorService executor) throws InterruptedException {
    Future<?> future = executor.submit(() -> {
      check.check(deadline);
      return null;
    });
    try {
      future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      return TestExecutionResult.successful();
    } catch (TimeoutException e) {
      future.cancel(true);
      return TestExecutionResult.failed(new AssertionFailedError("no answer within " + deadline.toMillis() + " ms (upgrade.health.timeout)"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause instanceof TestAbortedException ? TestExecutionResult.aborted(cause)
          : TestExecutionResult.failed(cause);
    }
  }

  private void store(PhaseDescriptor phase, EngineTest descriptor, HealthCheck check, long started,
      TestExecutionResult result) {
    session.recordTest(new TestResult(phase.phase().key(), descriptor.getUniqueId().toString(),
        descriptor.getDisplayName(), null, check.service(), result.getStatus().name(), started, Micros.now(),
        result.getThrowable().map(Throwable::getMessage).orElse(null), null, session.runner()));
  }
}
