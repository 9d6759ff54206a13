package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MonitoringGapTests {

  private static final UpgradeWindow WINDOW = new UpgradeWindow(0, 60 * SECOND, false);

  /** A 10 Hz trace over the window with no samples in {@code [from, to)}. */
  private static List<Sample> withHole(long from, long to, LongFunction<ErrorClass> state) {
    return probe(COMPUTE, "compute/fresh", 0, 60 * SECOND, INTERVAL, state).stream()
        .filter(s -> s.intendedMicros() < from || s.intendedMicros() >= to).toList();
  }

  private static ServiceAnalysis analyse(List<Sample> samples) {
    return Analysis.of(AnalysisInput.of(WINDOW).withSamples(samples)).service(COMPUTE);
  }

  @Test
  void a_stretch_without_samples_longer_than_three_intervals_is_a_gap_and_not_an_outage() {
    ServiceAnalysis compute = analyse(withHole(10 * SECOND, 20 * SECOND, t -> null));

    assertThat(compute.gaps()).containsExactly(
        new MonitoringGap(COMPUTE, 9_900 * MS, 20 * SECOND, 10_100.0));
    assertThat(compute.outages()).isEmpty();
  }

  @Test
  void three_missing_samples_make_a_gap_but_two_do_not() {
    // two missing: spacing 300 ms = 3 intervals, not longer
    assertThat(analyse(withHole(SECOND, 1_200 * MS, t -> null)).gaps()).isEmpty();
    // three missing: spacing 400 ms
    assertThat(analyse(withHole(SECOND, 1_300 * MS, t -> null)).gaps()).hasSize(1);
  }

  @Test
  void a_gap_counts_neither_as_uptime_nor_as_downtime() {
    ServiceAnalysis compute = analyse(withHole(10 * SECOND, 20 * SECOND, t -> null));

    assertThat(compute.samples()).as("no sample invented").isEqualTo(500);
    assertThat(compute.availability().get(1).samples()).isEqualTo(500);
    assertThat(compute.downtime().estimateMs()).isZero();
  }

  @Test
  void a_failure_run_interrupted_by_a_gap_becomes_two_censored_outages() {
    List<Sample> trace = withHole(10 * SECOND, 20 * SECOND,
        t -> t >= 5 * SECOND && t < 22 * SECOND ? ErrorClass.CONNECT : null);

    List<Outage> outages = analyse(trace).outages();

    assertThat(outages).hasSize(2);
    assertThat(outages).allMatch(Outage::censored).noneMatch(Outage::openAtEnd);
    assertThat(outages.get(0).lastFailedMicros()).isEqualTo(9_900 * MS);
    assertThat(outages.get(0).followingMicros()).isEqualTo(10 * SECOND);
    assertThat(outages.get(1).firstFailedMicros()).isEqualTo(20 * SECOND);
    assertThat(outages.get(1).precedingMicros()).isEqualTo(19_900 * MS);
  }

  @Test
  void the_part_of_the_window_before_the_first_and_after_the_last_sample_is_a_gap() {
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 10 * SECOND, 50 * SECOND, INTERVAL,
        t -> null);

    assertThat(analyse(trace).gaps()).containsExactly(
        new MonitoringGap(COMPUTE, 0, 10 * SECOND, 10_000.0),
        new MonitoringGap(COMPUTE, 49_900 * MS, 60 * SECOND, 10_100.0));
  }

  @Test
  void a_gap_during_the_upgrade_denies_zero_downtime_because_uptime_is_not_proven() {
    AnalysisInput run = Traces.replacing(Traces.healthyRun(), COMPUTE, 70 * SECOND,
        80 * SECOND, t -> null);

    Verdict verdict = Analysis.of(run).service(COMPUTE).verdict();

    assertThat(verdict.level()).isEqualTo(Level.ROLLING);
    assertThat(verdict.findings().get(0)).isEqualTo(new Finding(Level.ROLLING,
        "1 monitoring gap (10.1 s) during the upgrade, from T+9.9 s: uptime not proven"));
  }

  @Test
  void a_gap_outside_the_upgrade_window_is_only_reported() {
    AnalysisInput run = Traces.replacing(Traces.healthyRun(), COMPUTE, 10 * SECOND,
        20 * SECOND, t -> null);

    Verdict verdict = Analysis.of(run).service(COMPUTE).verdict();

    assertThat(verdict.level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(verdict.findings())
        .contains(Finding.info("1 monitoring gap outside the upgrade window (10.1 s)"));
  }
}
