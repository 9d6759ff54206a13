package io.github.upgradejunit.internal.report;

/**
 * Latencies counted in logarithmic bins, {@value #BINS_PER_DECADE} per decade from 10 µs to 1000 s:
 * constant memory whatever the number of samples, and fine enough (12 % wide bins) to draw a
 * distribution. The exact percentiles come from the analysis; this only draws their shape.
 */
final class LogHistogram {

  static final int BINS_PER_DECADE = 20;
  private static final double LOWEST_MICROS = 10;
  private static final int DECADES = 8;
  static final int BINS = BINS_PER_DECADE * DECADES;

  private final long[] counts = new long[BINS];
  private long total;

  /** Count one latency. */
  void add(long micros) {
    counts[bin(micros)]++;
    total++;
  }

  static int bin(long micros) {
    if (micros <= LOWEST_MICROS) {
      return 0;
    }
    int bin = (int) (Math.log10(micros / LOWEST_MICROS) * BINS_PER_DECADE);
    return Math.min(BINS - 1, bin);
  }

  /** The lower edge of a bin, in milliseconds. */
  static double lowerMs(int bin) {
    return LOWEST_MICROS * Math.pow(10, (double) bin / BINS_PER_DECADE) / 1000.0;
  }

  long count(int bin) {
    return counts[bin];
  }

  long total() {
    return total;
  }

  /** The first bin with a count, or -1 when empty. */
  int firstUsed() {
    for (int i = 0; i < BINS; i++) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /** The last bin with a count, or -1 when empty. */
  int lastUsed() {
    for (int i = BINS - 1; i >= 0; i--) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  long largestCount() {
    long max = 0;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    return max;
  }
}
