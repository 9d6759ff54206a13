package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.Arrays;

/**
 * Percentiles of sorted latencies and a distribution-free confidence interval for a quantile from
 * order statistics: the interval {@code [x(l), x(u)]} covers the true q-quantile with probability
 * {@code F(u-1) - F(l-1)}, where F is the Binomial(n, q) distribution function, whatever the
 * latency distribution. It needs no resampling and no seed, and costs O(sqrt n) once sorted.
 */
final class LatencyStatistics {

  /** Binomial terms below this fraction of the mode's are left out of the distribution function. */
  private static final double NEGLIGIBLE = 1e-17;

  private LatencyStatistics() {
  }

  /** The statistics of one phase's successful latencies, sorted ascending, in microseconds. */
  static LatencyStats of(Phase phase, long[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return new LatencyStats(phase, 0, null, null, null, null, null, null);
    }
    int[] ranks = confidenceRanks(n, 0.99, Rules.CONFIDENCE);
    return new LatencyStats(phase, n, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)),
        ms(percentile(sorted, 0.99)), ms(sorted[n - 1]), rankMs(sorted, ranks[0]),
        rankMs(sorted, ranks[1]));
  }

  /** The nearest-rank q-quantile: the {@code ceil(q n)}-th smallest value. */
  static long percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length - 1e-9);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  /**
   * The 1-based ranks {@code {l, u}} of order statistics bounding the q-quantile with at least the
   * given confidence (equal tails); a rank is 0 when n is too small for that bound to exist.
   */
  static int[] confidenceRanks(int n, double q, double confidence) {
    double tail = (1 - confidence) / 2;
    Binomial cdf = Binomial.of(n, q);
    int below = cdf.lo() - 1;
    for (int j = cdf.lo(); j <= cdf.hi() && cdf.at(j) <= tail; j++) {
      below = j;
    }
    int above = cdf.hi();
    for (int j = cdf.lo(); j <= cdf.hi(); j++) {
      if (cdf.at(j) >= 1 - tail) {
        above = j;
        break;
      }
    }
    int lower = below + 1;
    int upper = above + 1;
    return new int[] {lower >= 1 ? lower : 0, upper <= n ? upper : 0};
  }

  private static Double rankMs(long[] sorted, int rank) {
    return rank == 0 ? null : ms(sorted[rank - 1]);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  /**
   * The Binomial(n, q) distribution function on {@code [lo, hi]}, the stretch around the mode
   * outside which the probabilities are negligible; it is 0 below and 1 above. Built from the
   * ratio of consecutive terms, so large n neither overflows nor underflows.
   */
  private record Binomial(int lo, int hi, double[] cumulative) {

    static Binomial of(int n, double q) {
      int mode = (int) Math.min(n, Math.floor((n + 1) * q));
      double odds = q / (1 - q);
      double[] down = new double[16];
      int downCount = 0;
      double term = 1;
      for (int k = mode; k > 0; k--) {
        term = term * k / (n - k + 1) / odds;
        if (term < NEGLIGIBLE) {
          break;
        }
        down = grow(down, downCount);
        down[downCount++] = term;
      }
      double[] up = new double[16];
      int upCount = 0;
      term = 1;
      for (int k = mode; k < n; k++) {
        term = term * (n - k) / (k + 1) * odds;
        if (term < NEGLIGIBLE) {
          break;
        }
        up = grow(up, upCount);
        up[upCount++] = term;
      }
      double[] terms = new double[downCount + 1 + upCount];
      for (int k = 0; k < downCount; k++) {
        terms[downCount - 1 - k] = down[k];
      }
      terms[downCount] = 1;
      System.arraycopy(up, 0, terms, downCount + 1, upCount);
      return new Binomial(mode - downCount, mode + upCount, cumulate(terms));
    }

    /** P(B <= j) for j in [lo, hi]. */
    double at(int j) {
      return cumulative[j - lo];
    }

    private static double[] cumulate(double[] terms) {
      double total = 0;
      for (double t : terms) {
        total += t;
      }
      double[] cumulative = new double[terms.length];
      double sum = 0;
      for (int k = 0; k < terms.length; k++) {
        sum += terms[k];
        cumulative[k] = sum / total;
      }
      return cumulative;
    }

    private static double[] grow(double[] array, int used) {
      return used < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }
  }
}
