package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps moments of a run to horizontal positions of a chart, and chooses readable tick marks
 * relative to an origin (the upgrade start, so ticks read {@code T+2 min}). All timelines of a report
 * share one scale, so the services line up under each other.
 *
 * @param fromMicros the first moment shown
 * @param toMicros the last moment shown, after {@code fromMicros}
 * @param originMicros the moment ticks count from
 * @param left where {@code fromMicros} is drawn
 * @param width the drawing width
 */
record TimeScale(long fromMicros, long toMicros, long originMicros, double left, double width) {

  private static final long SECOND = 1_000_000L;
  private static final long[] STEPS = {
      1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
      SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
      60 * SECOND, 120 * SECOND, 300 * SECOND, 600 * SECOND, 900 * SECOND, 1800 * SECOND,
      3600 * SECOND, 7200 * SECOND, 3 * 3600 * SECOND, 6 * 3600 * SECOND, 12 * 3600 * SECOND, 24 * 3600 * SECOND};

  TimeScale {
    if (toMicros <= fromMicros) {
      toMicros = fromMicros + SECOND;
    }
  }

  /** The same span drawn elsewhere. */
  TimeScale drawnAt(double newLeft, double newWidth) {
    return new TimeScale(fromMicros, toMicros, originMicros, newLeft, newWidth);
  }

  long spanMicros() {
    return toMicros - fromMicros;
  }

  /** The position of a moment, clamped to the drawing. */
  double x(long micros) {
    double share = (double) (micros - fromMicros) / spanMicros();
    return left + width * Math.max(0, Math.min(1, share));
  }

  /** The width of an interval, at least {@code minimum}. */
  double width(long startMicros, long endMicros, double minimum) {
    return Math.max(minimum, x(endMicros) - x(startMicros));
  }

  /** Tick moments on multiples of a round step from the origin, at most about {@code maxTicks}. */
  List<Long> ticks(int maxTicks) {
    long step = STEPS[STEPS.length - 1];
    for (long candidate : STEPS) {
      if (spanMicros() / candidate <= maxTicks) {
        step = candidate;
        break;
      }
    }
    List<Long> ticks = new ArrayList<>();
    long first = originMicros + Math.floorDiv(fromMicros - originMicros + step - 1, step) * step;
    for (long t = first; t <= toMicros; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** Any moment relative to the origin, as findings write it: {@code T+84.2 s}. */
  String offset(long micros) {
    return Durations.offset(micros, originMicros);
  }

  /** A tick's label: {@code T+2 min}, {@code T-30 s}, {@code T+0}. */
  String label(long micros) {
    long delta = micros - originMicros;
    if (delta == 0) {
      return "T+0";
    }
    String sign = delta < 0 ? "T-" : "T+";
    long abs = Math.abs(delta);
    if (abs % (3600 * SECOND) == 0) {
      return sign + abs / (3600 * SECOND) + " h";
    }
    if (abs % (60 * SECOND) == 0) {
      return sign + abs / (60 * SECOND) + " min";
    }
    if (abs % SECOND == 0) {
      return sign + abs / SECOND + " s";
    }
    return sign + Durations.formatMicros(abs);
  }
}
