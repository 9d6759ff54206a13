package io.github.upgradejunit.internal.analysis;

import java.util.Locale;

/**
 * The one way durations are written in findings, messages and reports, so that "1.9 s" means the
 * same everywhere: milliseconds below one second (one decimal below 10 ms, where loopback latencies
 * live), seconds with one decimal from one second on.
 */
public final class Durations {

  private Durations() {
  }

  /** A duration given in milliseconds: {@code 0 ms}, {@code 3.4 ms}, {@code 850 ms}, {@code 1.9 s}. */
  public static String format(double ms) {
    if (ms < 0) {
      return "-" + format(-ms);
    }
    if (ms == 0) {
      return "0 ms";
    }
    double tenths = Math.round(ms * 10) / 10.0;
    if (tenths < 10) {
      return String.format(Locale.ROOT, "%.1f ms", tenths);
    }
    long whole = Math.round(ms);
    if (whole < 1000) {
      return whole + " ms";
    }
    return String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /** A duration given in microseconds. */
  public static String formatMicros(long micros) {
    return format(micros / 1000.0);
  }

  /** A moment relative to the upgrade start: {@code T+84.2 s}, {@code T-3.0 s}. */
  public static String offset(long micros, long originMicros) {
    long delta = micros - originMicros;
    return (delta < 0 ? "T-" : "T+") + formatMicros(Math.abs(delta));
  }

  /** A bounded duration: {@code 1.9 s [1.8 s, 2.0 s]}. */
  public static String bounded(double estimateMs, double lowerMs, double upperMs) {
    return format(estimateMs) + " [" + format(lowerMs) + ", " + format(upperMs) + "]";
  }
}
