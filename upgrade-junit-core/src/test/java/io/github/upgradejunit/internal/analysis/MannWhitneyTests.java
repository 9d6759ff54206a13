package io.github.upgradejunit.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MannWhitneyTests {

  private static final int LARGE = 200_000;

  /** {@code n} lognormal latencies around 20 ms, scaled by {@code factor}, sorted. */
  private static long[] lognormal(int n, double factor, long seed) {
    Random random = new Random(seed);
    long[] sample = new long[n];
    for (int k = 0; k < n; k++) {
      sample[k] = Math.round(factor * 20_000 * Math.exp(0.5 * random.nextGaussian()));
    }
    Arrays.sort(sample);
    return sample;
  }

  @Test
  void a_hand_computed_example_with_ties() {
    // combined: 10 20 30 30 | 30 40 50; ranks of 30 are 3, 4, 5 -> 4 each
    // R(during) = 4 + 6 + 7 = 17; U = 17 - 3 * 4 / 2 = 11 of 12 pairs
    // var = 4 * 3 / 12 * (8 - (27 - 3) / (7 * 6)) = 7.428571; z = (11 - 6 - 0.5) / 2.725541
    LatencyComparison c = MannWhitney.test(new long[] {10, 20, 30, 30}, new long[] {30, 40, 50});

    assertThat(c.u()).isEqualTo(11.0);
    assertThat(c.z()).isCloseTo(1.651049, within(1e-6));
    assertThat(c.p()).isCloseTo(0.0493643, within(1e-6));
    assertThat(c.cliffsDelta()).isCloseTo(10.0 / 12, within(1e-12));
  }

  @Test
  void a_hand_computed_example_without_ties() {
    // during {4, 5} beats before {1, 2, 3} in all 6 pairs; var = 6 / 12 * 6 = 3
    LatencyComparison c = MannWhitney.test(new long[] {1, 2, 3}, new long[] {4, 5});

    assertThat(c.u()).isEqualTo(6.0);
    assertThat(c.z()).isCloseTo(2.5 / Math.sqrt(3), within(1e-12));
    assertThat(c.p()).isCloseTo(0.0744573, within(1e-6));
    assertThat(c.cliffsDelta()).isEqualTo(1.0);
  }

  @Test
  void u_from_ranks_equals_u_from_counting_pairs() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      long[] before = random.longs(1 + random.nextInt(40), 0, 15).sorted().toArray();
      long[] during = random.longs(1 + random.nextInt(40), 0, 15).sorted().toArray();

      double pairs = 0;
      for (long d : during) {
        for (long b : before) {
          pairs += d > b ? 1 : d == b ? 0.5 : 0;
        }
      }

      assertThat(MannWhitney.test(before, during).u()).isEqualTo(pairs);
    }
  }

  @Test
  void two_large_samples_of_one_distribution_are_not_significant() {
    LatencyComparison c = MannWhitney.compare(lognormal(LARGE, 1, 1), lognormal(LARGE, 1, 2));

    assertThat(c.tested()).isTrue();
    assertThat(c.p()).isGreaterThan(Rules.SIGNIFICANCE);
    assertThat(Math.abs(c.cliffsDelta())).isLessThan(0.01);
    assertThat(c.degraded()).isFalse();
  }

  @Test
  void a_large_sample_shifted_by_a_third_is_significant_and_degraded() {
    LatencyComparison c = MannWhitney.compare(lognormal(LARGE, 1, 1), lognormal(LARGE, 1.33, 2));

    assertThat(c.p()).isLessThan(1e-100);
    assertThat(c.cliffsDelta()).isGreaterThan(Rules.MIN_CLIFFS_DELTA);
    assertThat(c.degraded()).isTrue();
  }

  @Test
  void a_tiny_shift_over_many_samples_is_significant_but_negligible() {
    LatencyComparison c = MannWhitney.compare(lognormal(LARGE, 1, 1), lognormal(LARGE, 1.03, 2));

    assertThat(c.p()).isLessThan(Rules.SIGNIFICANCE);
    assertThat(c.cliffsDelta()).isBetween(0.0, Rules.MIN_CLIFFS_DELTA);
    assertThat(c.degraded()).isFalse();
  }

  @Test
  void faster_answers_during_the_upgrade_are_no_degradation() {
    LatencyComparison c = MannWhitney.compare(lognormal(5_000, 1, 1), lognormal(5_000, 0.7, 2));

    assertThat(c.p()).isGreaterThan(0.99);
    assertThat(c.cliffsDelta()).isNegative();
    assertThat(c.degraded()).isFalse();
  }

  @Test
  void identical_constant_samples_give_no_evidence() {
    long[] constant = new long[50];
    Arrays.fill(constant, 20_000);

    LatencyComparison c = MannWhitney.compare(constant, constant);

    assertThat(c.p()).isEqualTo(1.0);
    assertThat(c.cliffsDelta()).isZero();
    assertThat(c.degraded()).isFalse();
  }

  @Test
  void fewer_samples_than_the_minimum_are_not_tested() {
    LatencyComparison c = MannWhitney.compare(lognormal(19, 1, 1), lognormal(500, 3, 2));

    assertThat(c).isEqualTo(LatencyComparison.untested(19, 500));
  }

  @Test
  void the_normal_upper_tail_is_accurate() {
    assertThat(Normal.upperTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Normal.upperTail(1.959963985)).isCloseTo(0.025, within(1e-8));
    assertThat(Normal.upperTail(-1.959963985)).isCloseTo(0.975, within(1e-8));
    assertThat(Normal.upperTail(2.326347874)).isCloseTo(0.01, within(1e-8));
    assertThat(Normal.upperTail(5) / 2.866515719e-7).isCloseTo(1, within(1e-6));
  }
}
