package io.github.upgradejunit.internal.jupiter;

import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.internal.engine.PhaseAnnotations;
import io.github.upgradejunit.internal.engine.RunSession;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Iteration;
import io.github.upgradejunit.spi.ConfigKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one during check again and again, at its period, from the moment the upgrade window opens
 * until it closes, on the test's own thread (clients such as openstack4j bind sessions to threads).
 * Every iteration is stored. The check fails when any iteration inside the window failed, and when
 * none ran inside the window: not measured is not healthy.
 */
final class DuringLoop {

  private final RunSession session;
  private final Method method;
  private final Duration period;
  private final LatencyBudget budget;
  private final String checkId;
  private final String services;

  DuringLoop(RunSession session, Method method, DuringUpgrade during, LatencyBudget budget) {
    this.session = session;
    this.method = method;
    this.period = period(method, during);
    this.budget = budget;
    this.checkId = method.getDeclaringClass().getName() + "#" + method.getName();
    this.services = PhaseAnnotations.servicesOf(method.getDeclaringClass());
  }

  private static Duration period(Method method, DuringUpgrade during) {
    String where = method.getDeclaringClass().getName() + "#" + method.getName();
    Duration period;
    try {
      period = ConfigKey.parseDuration(during.every());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@DuringUpgrade(every = \"" + during.every() + "\") on " + where
          + ": write a duration such as \"5s\" or \"500ms\"");
    }
    if (period.isZero() || period.isNegative()) {
      throw new ExtensionConfigurationException("@DuringUpgrade(every = \"" + during.every() + "\") on " + where
          + ": the period must be positive, e.g. every = \"5s\"");
    }
    return period;
  }

  void run(Object target, Object[] arguments) throws Throwable {
    method.setAccessible(true);
    if (!session.awaitWindowOpen()) {
      throw new AssertionFailedError("never ran inside the upgrade window: " + session.windowCloseReason());
    }
    int ran = 0;
    int failed = 0;
    Throwable firstFailure = null;
    String firstStep = null;
    long next = System.nanoTime();
    while (session.windowOpen()) {
      long startMicros = Micros.now();
      long start = System.nanoTime();
      String step = session.currentStep().orElse(null);
      Throwable failure = invoke(target, arguments);
      long elapsed = System.nanoTime() - start;
      boolean inside = session.windowContains(startMicros);
      session.store().writer().iteration(session.id(), new Iteration(checkId, services, startMicros,
          startMicros + elapsed / 1_000, failure == null, failure == null ? null : String.valueOf(failure),
          step, inside, session.runner()));
      if (budget != null) {
        budget.record(session, elapsed, period.toNanos());
      }
      if (inside) {
        ran++;
        if (failure != null) {
          failed++;
          if (firstFailure == null) {
            firstFailure = failure;
            firstStep = step;
          }
        }
      }
      next = Math.max(next + period.toNanos(), System.nanoTime());
      session.awaitWindowClosed(next - System.nanoTime());
    }
    if (ran == 0) {
      throw new AssertionFailedError("never ran inside the upgrade window (it closed before the first iteration)");
    }
    if (firstFailure != null) {
      AssertionFailedError error = new AssertionFailedError(failed + " of " + ran + " iterations failed during the "
          + "upgrade; the first" + (firstStep == null ? "" : " during step '" + firstStep + "'") + ": " + firstFailure,
          firstFailure);
      throw error;
    }
    if (budget != null) {
      budget.check(session);
    }
  }

  private Throwable invoke(Object target, Object[] arguments) {
    try {
      method.invoke(target, arguments);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      return e;
    }
  }
}
