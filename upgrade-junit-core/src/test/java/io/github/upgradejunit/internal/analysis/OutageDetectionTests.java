package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.failed;
import static io.github.upgradejunit.internal.analysis.Traces.ok;
import static io.github.upgradejunit.internal.analysis.Traces.probe;
import static io.github.upgradejunit.internal.analysis.Traces.probeDown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutageDetectionTests {

  private static final UpgradeWindow WINDOW = new UpgradeWindow(0, 10 * SECOND, false);

  private static ServiceAnalysis analyse(List<Sample> samples) {
    return Analysis.of(AnalysisInput.of(WINDOW).withSamples(samples)).service(COMPUTE);
  }

  @Test
  void a_healthy_trace_has_no_outage() {
    ServiceAnalysis compute = analyse(probeDown(COMPUTE, 0, 10 * SECOND, INTERVAL, 0, 0, null));

    assertThat(compute.outages()).isEmpty();
    assertThat(compute.downtime()).isEqualTo(new Downtime(0, 0, 0, 0));
  }

  @Test
  void an_outage_opens_on_the_first_failed_sample_and_closes_on_the_first_good_one() {
    // samples every 100 ms; those at 300, 400 and 500 ms fail
    List<Sample> trace =
        probeDown(COMPUTE, 0, SECOND, INTERVAL, 250 * MS, 550 * MS, ErrorClass.CONNECT);

    Outage outage = analyse(trace).outages().get(0);

    assertThat(analyse(trace).outages()).hasSize(1);
    assertThat(outage.errorClass()).isEqualTo("CONNECT");
    assertThat(outage.firstFailedMicros()).isEqualTo(300 * MS);
    assertThat(outage.lastFailedMicros()).isEqualTo(500 * MS);
    assertThat(outage.precedingMicros()).isEqualTo(200 * MS);
    assertThat(outage.followingMicros()).isEqualTo(600 * MS);
    assertThat(outage.failedSamples()).isEqualTo(3);
    assertThat(outage.openAtEnd()).isFalse();
    assertThat(outage.censored()).isFalse();
  }

  @Test
  void bounds_span_the_failed_samples_and_the_neighbouring_good_ones_and_the_estimate_is_their_midpoint() {
    List<Sample> trace =
        probeDown(COMPUTE, 0, SECOND, INTERVAL, 250 * MS, 550 * MS, ErrorClass.CONNECT);

    Outage outage = analyse(trace).outages().get(0);

    assertThat(outage.lowerMs()).isEqualTo(200.0);
    assertThat(outage.upperMs()).isEqualTo(400.0);
    assertThat(outage.estimateMs()).isEqualTo(300.0);
    assertThat(outage.startMicros()).isEqualTo(250 * MS);
    assertThat(outage.endMicros()).isEqualTo(550 * MS);
  }

  @Test
  void a_single_failed_sample_is_an_outage_with_a_zero_lower_bound() {
    List<Sample> trace = List.of(ok(COMPUTE, 0), ok(COMPUTE, 100 * MS),
        failed(COMPUTE, 200 * MS, ErrorClass.TIMEOUT), ok(COMPUTE, 300 * MS));

    Outage outage = analyse(trace).outages().get(0);

    assertThat(outage.lowerMs()).isZero();
    assertThat(outage.upperMs()).isEqualTo(200.0);
    assertThat(outage.estimateMs()).isEqualTo(100.0);
  }

  @Test
  void a_change_of_error_class_inside_a_failure_run_starts_a_new_outage() {
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 0, SECOND, INTERVAL,
        t -> t >= 300 * MS && t < 500 * MS ? ErrorClass.CONNECT
            : t >= 500 * MS && t < 700 * MS ? ErrorClass.HTTP_5XX : null);

    List<Outage> outages = analyse(trace).outages();

    assertThat(outages).extracting(Outage::errorClass).containsExactly("CONNECT", "HTTP_5XX");
    assertThat(outages.get(0).followingMicros()).isEqualTo(500 * MS);
    assertThat(outages.get(1).precedingMicros()).isEqualTo(400 * MS);
    assertThat(outages.get(1).followingMicros()).isEqualTo(700 * MS);
  }

  @Test
  void outages_that_touch_are_one_stretch_of_downtime_whose_bounds_come_from_its_outer_edges() {
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 0, SECOND, INTERVAL,
        t -> t >= 300 * MS && t < 500 * MS ? ErrorClass.CONNECT
            : t >= 500 * MS && t < 700 * MS ? ErrorClass.HTTP_5XX : null);

    ServiceAnalysis compute = analyse(trace);

    // failed 300..600 ms, good at 200 and 700 ms: the same bounds as one outage of one class
    assertThat(compute.outages()).hasSize(2);
    assertThat(compute.downtime()).isEqualTo(new Downtime(2, 400, 300, 500));
  }

  @Test
  void the_series_of_a_service_are_merged_by_intended_start() {
    List<Sample> trace = new ArrayList<>(probe(COMPUTE, "compute/fresh", 0, SECOND, INTERVAL,
        t -> t >= 300 * MS && t < 420 * MS ? ErrorClass.CONNECT : null));
    trace.addAll(probe(COMPUTE, "compute/keepalive", 50 * MS, SECOND, INTERVAL,
        t -> t >= 300 * MS && t < 420 * MS ? ErrorClass.CONNECT : null));

    Outage outage = analyse(trace).outages().get(0);

    assertThat(analyse(trace).outages()).hasSize(1);
    assertThat(outage.firstFailedMicros()).isEqualTo(300 * MS);
    assertThat(outage.lastFailedMicros()).isEqualTo(400 * MS);
    assertThat(outage.precedingMicros()).isEqualTo(250 * MS);
    assertThat(outage.followingMicros()).isEqualTo(450 * MS);
    assertThat(outage.failedSamples()).isEqualTo(3);
    assertThat(outage.series()).containsExactly("compute/fresh", "compute/keepalive");
  }

  @Test
  void an_outage_still_failing_when_the_data_ends_is_open_and_censored() {
    List<Sample> trace =
        probeDown(COMPUTE, 0, SECOND, INTERVAL, 750 * MS, SECOND, ErrorClass.CONNECT);

    Outage outage = analyse(trace).outages().get(0);

    assertThat(outage.openAtEnd()).isTrue();
    assertThat(outage.censored()).isTrue();
    assertThat(outage.followingMicros()).isEqualTo(900 * MS + INTERVAL);
  }

  @Test
  void an_outage_already_failing_when_the_data_starts_is_censored_but_not_open() {
    List<Sample> trace = probeDown(COMPUTE, 0, SECOND, INTERVAL, 0, 250 * MS, ErrorClass.DNS);

    Outage outage = analyse(trace).outages().get(0);

    assertThat(outage.openAtEnd()).isFalse();
    assertThat(outage.censored()).isTrue();
    assertThat(outage.precedingMicros()).isEqualTo(-INTERVAL);
    assertThat(outage.lowerMs()).isEqualTo(200.0);
    assertThat(outage.upperMs()).isEqualTo(400.0);
  }

  @Test
  void an_outage_carries_the_first_failed_samples_detail_and_phase() {
    UpgradeWindow window = new UpgradeWindow(500 * MS, 600 * MS, false);
    List<Sample> trace = List.of(ok(COMPUTE, 0), failed(COMPUTE, 100 * MS, ErrorClass.TLS),
        failed(COMPUTE, 200 * MS, ErrorClass.TLS), ok(COMPUTE, 300 * MS));

    Outage outage = Analysis.of(AnalysisInput.of(window).withSamples(trace)).service(COMPUTE)
        .outages().get(0);

    assertThat(outage.detail()).isEqualTo("TLS at " + 100 * MS);
    assertThat(outage.phase()).isEqualTo(Phase.BEFORE);
  }

  @Test
  void samples_failures_and_5xx_answers_are_counted_per_service() {
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 0, SECOND, INTERVAL,
        t -> t == 300 * MS ? ErrorClass.HTTP_5XX : t == 600 * MS ? ErrorClass.CONNECT : null);

    ServiceAnalysis compute = analyse(trace);

    assertThat(compute.samples()).isEqualTo(10);
    assertThat(compute.failedSamples()).isEqualTo(2);
    assertThat(compute.http5xxSamples()).isEqualTo(1);
  }

  @Test
  void downtime_sums_the_estimates_and_both_bounds() {
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 0, 2 * SECOND, INTERVAL,
        t -> t >= 300 * MS && t < 600 * MS || t >= SECOND && t < 1100 * MS
            ? ErrorClass.CONNECT : null);

    ServiceAnalysis compute = analyse(trace);

    assertThat(compute.downtime()).isEqualTo(new Downtime(2, 300 + 100, 200 + 0, 400 + 200));
    assertThat(compute.downtime().text()).isEqualTo("400 ms [200 ms, 600 ms]");
  }

  @Test
  void the_observed_probe_interval_is_the_median_spacing_within_each_series() {
    List<Sample> trace = new ArrayList<>();
    long t = 0;
    for (int k = 0; k < 50; k++) {
      trace.add(ok(COMPUTE, t));
      t += k % 10 == 9 ? 180 * MS : 100 * MS; // a late tick now and then
    }
    trace.addAll(probe(COMPUTE, "compute/keepalive", 0, 5 * SECOND, 200 * MS, x -> null));

    ServiceAnalysis compute = analyse(trace);

    assertThat(compute.series()).extracting(SeriesStats::series, SeriesStats::medianIntervalMs)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("compute/fresh", 100.0),
            org.assertj.core.groups.Tuple.tuple("compute/keepalive", 200.0));
    assertThat(compute.probeIntervalMs()).isEqualTo(100.0);
  }

  @Test
  void availability_is_the_share_of_good_samples_per_phase() {
    UpgradeWindow window = new UpgradeWindow(SECOND, 2 * SECOND, false);
    List<Sample> trace = probe(COMPUTE, "compute/fresh", 0, 3 * SECOND, INTERVAL,
        t -> t >= 1500 * MS && t < 1700 * MS ? ErrorClass.CONNECT : null);

    List<PhaseAvailability> availability = Analysis.of(AnalysisInput.of(window)
        .withSamples(trace)).service(COMPUTE).availability();

    assertThat(availability).containsExactly(
        PhaseAvailability.of(Phase.BEFORE, 10, 0),
        PhaseAvailability.of(Phase.DURING, 11, 2),
        PhaseAvailability.of(Phase.AFTER, 9, 0));
    assertThat(availability.get(1).availabilityPercent()).isCloseTo(81.818, within(0.001));
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
