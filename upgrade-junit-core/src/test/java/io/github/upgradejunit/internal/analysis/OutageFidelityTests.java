package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fidelity bar of DESIGN section 6 against a simulated open-loop prober: measured downtime
 * within one probe interval of the truth, the truth inside the bounds, no outage of two intervals
 * or more missed, no false outage in a healthy hour.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutageFidelityTests {

  private static final long END = 30 * SECOND;

  /** A down interval {@code [from, to)} of the simulated endpoint. */
  private record Down(long from, long to) {
    boolean covers(long t) {
      return t >= from && t < to;
    }

    double ms() {
      return (to - from) / 1000.0;
    }
  }

  private static List<Outage> measure(List<Down> truth, long... seriesOffsets) {
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < seriesOffsets.length; s++) {
      samples.addAll(probe(COMPUTE, "compute/series" + s, seriesOffsets[s], END, INTERVAL,
          t -> truth.stream().anyMatch(d -> d.covers(t)) ? ErrorClass.CONNECT : null));
    }
    UpgradeWindow window = new UpgradeWindow(0, END, false);
    return Analysis.of(AnalysisInput.of(window).withSamples(samples)).service(COMPUTE).outages();
  }

  private static void assertMeasuredFaithfully(Outage outage, Down truth) {
    assertThat(truth.ms()).as("truth within [lower, upper]")
        .isBetween(outage.lowerMs(), outage.upperMs());
    assertThat(Math.abs(outage.estimateMs() - truth.ms())).as("estimate error")
        .isLessThanOrEqualTo(INTERVAL / 1000.0);
    assertThat(outage.startMicros()).isBetween(truth.from() - INTERVAL, truth.from() + INTERVAL);
    assertThat(outage.endMicros()).isBetween(truth.to() - INTERVAL, truth.to() + INTERVAL);
  }

  @TestFactory
  Stream<DynamicTest> a_known_outage_is_measured_within_one_interval_and_inside_its_bounds() {
    return Stream.of(200L, 1_000L, 5_000L).map(downMs -> DynamicTest.dynamicTest(
        downMs + " ms outage, at every phase offset of the prober",
        () -> knownOutageAtEveryOffset(downMs)));
  }

  private static void knownOutageAtEveryOffset(long downMs) {
    for (long offset = 0; offset < INTERVAL; offset += 5 * MS) {
      Down truth = new Down(10 * SECOND + 37 * MS, 10 * SECOND + 37 * MS + downMs * MS);

      List<Outage> outages = measure(List.of(truth), offset);

      assertThat(outages).as("offset %d us", offset).hasSize(1);
      assertMeasuredFaithfully(outages.get(0), truth);
    }
  }

  @Test
  void a_50_ms_outage_at_10_hz_is_either_missed_or_bounded_correctly() {
    int seen = 0;
    for (long offset = 0; offset < INTERVAL; offset += MS) {
      Down truth = new Down(10 * SECOND, 10 * SECOND + 50 * MS);

      List<Outage> outages = measure(List.of(truth), offset);

      assertThat(outages).hasSizeLessThanOrEqualTo(1);
      if (!outages.isEmpty()) {
        seen++;
        assertMeasuredFaithfully(outages.get(0), truth);
      }
    }
    assertThat(seen).as("a 50 ms outage is caught at half the phase offsets").isEqualTo(50);
  }

  @Test
  void flapping_gives_one_outage_per_down_interval_each_measured_faithfully() {
    List<Down> truth = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      long from = 5 * SECOND + k * 700 * MS + 13 * MS;
      truth.add(new Down(from, from + 300 * MS));
    }

    List<Outage> outages = measure(truth, 0, 50 * MS);

    assertThat(outages).hasSize(truth.size());
    for (int k = 0; k < truth.size(); k++) {
      assertMeasuredFaithfully(outages.get(k), truth.get(k));
    }
  }

  @Test
  void random_outages_against_two_series_at_random_offsets_are_never_missed_and_always_bounded() {
    Random random = new Random(20261125);
    for (int trial = 0; trial < 300; trial++) {
      List<Down> truth = randomOutages(random);
      long[] offsets = {random.nextInt((int) INTERVAL), random.nextInt((int) INTERVAL)};

      List<Outage> outages = measure(truth, offsets);

      assertThat(outages).as("trial %d: %s", trial, truth).hasSize(truth.size());
      for (int k = 0; k < truth.size(); k++) {
        assertMeasuredFaithfully(outages.get(k), truth.get(k));
      }
    }
  }

  /** One to four outages of 2 intervals to 5 s, at least 2 intervals apart, inside 1 s to 29 s. */
  private static List<Down> randomOutages(Random random) {
    List<Down> truth = new ArrayList<>();
    long t = SECOND;
    int count = 1 + random.nextInt(4);
    for (int k = 0; k < count; k++) {
      long from = t + 2 * INTERVAL + random.nextInt((int) (2 * SECOND));
      long length = 2 * INTERVAL + random.nextInt((int) (5 * SECOND - 2 * INTERVAL));
      truth.add(new Down(from, from + length));
      t = from + length;
    }
    return truth;
  }

  @Test
  void a_healthy_hour_at_10_hz_has_no_false_outage() {
    List<Sample> hour = probe(COMPUTE, "compute/fresh", 0, 3600 * SECOND, INTERVAL, t -> null);

    ServiceAnalysis compute = Analysis.of(AnalysisInput.of(new UpgradeWindow(0, 3600 * SECOND,
        false)).withSamples(hour)).service(COMPUTE);

    assertThat(compute.samples()).isEqualTo(36_000);
    assertThat(compute.outages()).isEmpty();
    assertThat(compute.gaps()).isEmpty();
  }
}
