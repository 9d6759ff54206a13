package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LatencyStatisticsTests {

  @Test
  void percentiles_use_the_nearest_rank() {
    List<Long> values = new ArrayList<>();
    for (long v = 1; v <= 1000; v++) {
      values.add(v * MS);
    }
    Collections.shuffle(values, new Random(7));
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();

    LatencyStats stats = LatencyStatistics.of(Phase.BEFORE, sorted);

    assertThat(stats.count()).isEqualTo(1000);
    assertThat(stats.p50Ms()).isEqualTo(500.0);
    assertThat(stats.p95Ms()).isEqualTo(950.0);
    assertThat(stats.p99Ms()).isEqualTo(990.0);
    assertThat(stats.maxMs()).isEqualTo(1000.0);
  }

  @Test
  void the_nearest_rank_of_a_small_sample_never_falls_outside_it() {
    assertThat(LatencyStatistics.percentile(new long[] {7}, 0.5)).isEqualTo(7);
    assertThat(LatencyStatistics.percentile(new long[] {1, 2}, 0.5)).isEqualTo(1);
    assertThat(LatencyStatistics.percentile(new long[] {1, 2}, 0.99)).isEqualTo(2);
  }

  @Test
  void the_p99_confidence_ranks_are_those_of_the_binomial_distribution() {
    for (int n : new int[] {400, 1_000, 6_000, 200_000}) {
      int[] ranks = LatencyStatistics.confidenceRanks(n, 0.99, 0.95);

      double[] cdf = binomialCdf(n, 0.99);
      assertThat(cdf[ranks[0] - 1]).as("n=%d: F(l-1) <= 2.5 %%", n).isLessThanOrEqualTo(0.025);
      assertThat(cdf[ranks[0]]).as("n=%d: l is the largest such rank", n).isGreaterThan(0.025);
      assertThat(cdf[ranks[1] - 1]).as("n=%d: F(u-1) >= 97.5 %%", n)
          .isGreaterThanOrEqualTo(0.975);
      assertThat(cdf[ranks[1] - 2]).as("n=%d: u is the smallest such rank", n).isLessThan(0.975);
    }
  }

  /** P(B <= k) for k in [0, n], summed in log space: an independent reference. */
  private static double[] binomialCdf(int n, double q) {
    double[] cdf = new double[n + 1];
    double logTerm = n * Math.log(1 - q);
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      sum += Math.exp(logTerm);
      cdf[k] = sum;
      logTerm += Math.log((double) (n - k) / (k + 1)) + Math.log(q / (1 - q));
    }
    return cdf;
  }

  @Test
  void the_p99_upper_bound_needs_368_samples() {
    assertThat(LatencyStatistics.confidenceRanks(367, 0.99, 0.95)[1]).isZero();
    assertThat(LatencyStatistics.confidenceRanks(368, 0.99, 0.95)[1]).isEqualTo(368);
    assertThat(LatencyStatistics.of(Phase.BEFORE, new long[100]).p99UpperMs()).isNull();
  }

  @Test
  void the_p99_interval_of_an_exponential_latency_covers_the_true_p99_at_the_stated_rate() {
    double meanMs = 10;
    double trueP99 = meanMs * Math.log(100);
    Random random = new Random(99);
    int covered = 0;
    int trials = 1_000;
    for (int trial = 0; trial < trials; trial++) {
      long[] sample = new long[2_000];
      for (int k = 0; k < sample.length; k++) {
        sample[k] = Math.round(-meanMs * 1000 * Math.log(1 - random.nextDouble()));
      }
      Arrays.sort(sample);

      LatencyStats stats = LatencyStatistics.of(Phase.DURING, sample);

      covered += stats.p99LowerMs() <= trueP99 && trueP99 <= stats.p99UpperMs() ? 1 : 0;
    }
    assertThat(covered / (double) trials).isBetween(0.94, 0.99);
  }

  @Test
  void latency_comes_from_successful_samples_only_split_by_phase() {
    UpgradeWindow window = new UpgradeWindow(SECOND, 2 * SECOND, false);
    List<Sample> samples = List.of(
        new Sample(COMPUTE, "compute/fresh", 0, 0, 10 * MS, true, null, null, null),
        new Sample(COMPUTE, "compute/fresh", 100 * MS, 0, 30 * MS, true, null, null, null),
        new Sample(COMPUTE, "compute/fresh", 200 * MS, 0, 9_000 * MS, false, "TIMEOUT", null,
            null),
        new Sample(COMPUTE, "compute/fresh", 1_500 * MS, 0, 50 * MS, true, null, null, null));

    ServiceAnalysis compute = Analysis.of(AnalysisInput.of(window).withSamples(samples))
        .service(COMPUTE);

    // with 2 samples, P(B >= 2) = 0.99^2 = 0.9801 >= 97.5 %: x(2) is the lower bound already
    assertThat(compute.latencyOf(Phase.BEFORE)).isEqualTo(new LatencyStats(Phase.BEFORE, 2,
        10.0, 30.0, 30.0, 30.0, 30.0, null));
    assertThat(compute.latencyOf(Phase.DURING).count()).isEqualTo(1);
    assertThat(compute.latencyOf(Phase.AFTER))
        .isEqualTo(new LatencyStats(Phase.AFTER, 0, null, null, null, null, null, null));
  }
}
