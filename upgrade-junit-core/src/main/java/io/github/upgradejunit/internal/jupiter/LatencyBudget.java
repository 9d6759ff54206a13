package io.github.upgradejunit.internal.jupiter;

import io.github.upgradejunit.MeasureLatency;
import io.github.upgradejunit.internal.engine.RunSession;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Latency;
import io.github.upgradejunit.spi.ConfigKey;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @MeasureLatency} for one method in one phase: every call goes to the store and to a
 * histogram (coordinated-omission corrected when the calls are paced), and the optional budget is
 * checked against the histogram's percentile.
 */
final class LatencyBudget {

  private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1_000;

  private final String name;
  private final Duration budget;
  private final double percentile;
  private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

  private LatencyBudget(String name, Duration budget, double percentile) {
    this.name = name;
    this.budget = budget;
    this.percentile = percentile;
  }

  /** The budget of a method, or {@code null} when it is not measured. */
  static LatencyBudget of(Method method, Optional<MeasureLatency> annotation) {
    if (annotation.isEmpty()) {
      return null;
    }
    MeasureLatency measure = annotation.get();
    String where = method.getDeclaringClass().getName() + "#" + method.getName();
    if (measure.percentile() <= 0 || measure.percentile() > 100) {
      throw new ExtensionConfigurationException("@MeasureLatency(percentile = " + measure.percentile() + ") on "
          + where + ": the percentile must be in (0, 100], e.g. 99");
    }
    Duration budget = null;
    if (!measure.budget().isBlank()) {
      try {
        budget = ConfigKey.parseDuration(measure.budget());
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@MeasureLatency(budget = \"" + measure.budget() + "\") on " + where
            + ": write a duration such as \"800ms\" or \"2s\"");
      }
    }
    return new LatencyBudget(where, budget, measure.percentile());
  }

  synchronized void record(RunSession session, long nanos, long expectedIntervalNanos) {
    long micros = Math.max(1, Math.min(nanos / 1_000, HIGHEST_MICROS));
    if (expectedIntervalNanos > 0) {
      histogram.recordValueWithExpectedInterval(micros, expectedIntervalNanos / 1_000);
    } else {
      histogram.recordValue(micros);
    }
    session.store().writer().latency(session.id(), new Latency(name, session.phase().key(), Micros.now(), micros,
        expectedIntervalNanos / 1_000, session.runner()));
  }

  synchronized void check(RunSession session) {
    if (budget == null || histogram.getTotalCount() == 0) {
      return;
    }
    long measured = histogram.getValueAtPercentile(percentile);
    if (measured > budget.toNanos() / 1_000) {
      throw new AssertionFailedError(String.format("p%s latency of %s in the %s phase is %.1f ms, over the budget of "
              + "%d ms (%d calls, histogram resolution 0.1%%)", trim(percentile), name, session.phase().key(),
          measured / 1000.0, budget.toMillis(), histogram.getTotalCount()));
    }
  }

  private static String trim(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }
}
