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
      double[] down = tail(n, q, mode, -1);
      double[] up = tail(n, q, mode, +1);
      double[] terms = new double[down.length + 1 + up.length];
      for (int k = 0; k < down.length; k++) {
        terms[down.length - 1 - k] = down[k];
      }
      terms[down.length] = 1;
      System.arraycopy(up, 0, terms, down.length + 1, up.length);
      return new Binomial(mode - down.length, mode + up.length, cumulate(terms));
    }

    /**
     * The terms P(mode + step * i) / P(mode) for i = 1, 2, ... until they become negligible or
     * leave [0, n], from the ratio of consecutive binomial terms.
     */
    private static double[] tail(int n, double q, int mode, int step) {
      double odds = q / (1 - q);
      double[] terms = new double[16];
      int count = 0;
      double term = 1;
      for (int k = mode; step < 0 ? k > 0 : k < n; k += step) {
        term *= step < 0 ? k / ((n - k + 1) * odds) : (n - k) * odds / (k + 1);
        if (term < NEGLIGIBLE) {
          break;
        }
        terms = count < terms.length ? terms : Arrays.copyOf(terms, terms.length * 2);
        terms[count++] = term;
      }
      return Arrays.copyOf(terms, count);
    }

    /** {@code P(B <= j)} for j in {@code [lo, hi]}. */
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
  }
}
