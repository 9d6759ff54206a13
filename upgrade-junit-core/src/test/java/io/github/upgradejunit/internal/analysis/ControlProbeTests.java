package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.failed;
import static io.github.upgradejunit.internal.analysis.Traces.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ControlProbeTests {

  private static final String CONTROL = "control";

  /** The healthy run with compute down in [80 s, 81 s) and the control probe down in [from, to). */
  private static AnalysisInput run(long controlDownFrom, long controlDownTo) {
    AnalysisInput base = Traces.replacing(Traces.healthyRun(), COMPUTE, 80 * SECOND,
        81 * SECOND, t -> failed(COMPUTE, t, ErrorClass.TIMEOUT));
    return Traces.plusSamples(base, probe(CONTROL, "control/http", 50 * MS, 150 * SECOND, INTERVAL,
            t -> t >= controlDownFrom && t < controlDownTo ? ErrorClass.CONNECT : null))
        .withControlServices(Set.of(CONTROL));
  }

  @Test
  void a_service_outage_overlapping_a_control_outage_is_flagged_tester_side() {
    ServiceAnalysis compute = Analysis.of(run(80_500 * MS, 82 * SECOND)).service(COMPUTE);

    assertThat(compute.outages()).singleElement().extracting(Outage::testerSide).isEqualTo(true);
  }

  @Test
  void a_control_outage_at_another_time_flags_nothing() {
    ServiceAnalysis compute = Analysis.of(run(90 * SECOND, 91 * SECOND)).service(COMPUTE);

    assertThat(compute.outages()).singleElement().extracting(Outage::testerSide).isEqualTo(false);
  }

  @Test
  void a_control_outage_touching_only_the_uncertainty_of_a_service_outage_flags_it() {
    // compute: last good 79.9 s, first failed 80.0 s; control fails only at 79.95 s
    ServiceAnalysis compute = Analysis.of(run(79_950 * MS, 79_960 * MS)).service(COMPUTE);

    assertThat(compute.outages()).singleElement().extracting(Outage::testerSide).isEqualTo(true);
  }

  @Test
  void tester_side_outages_do_not_count_against_zero_downtime() {
    AnalysisResult result = Analysis.of(run(80_500 * MS, 82 * SECOND));
    ServiceAnalysis compute = result.service(COMPUTE);

    assertThat(compute.verdict().level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(compute.countedDowntime().outages()).isZero();
    assertThat(compute.verdict().findings()).contains(
        Finding.info("1 outage not counted, the control probe failed at the same time"
            + " (tester side): 1.0 s [900 ms, 1.1 s]"),
        Finding.info("no outage counted from the upgrade start on (900 samples)"));
  }

  @Test
  void tester_side_outages_count_when_count_tester_side_is_set() {
    AnalysisResult result = Analysis.of(run(80_500 * MS, 82 * SECOND).withCountTesterSide(true));

    assertThat(result.service(COMPUTE).verdict().level()).isEqualTo(Level.ROLLING);
    assertThat(result.service(COMPUTE).countedDowntime().outages()).isEqualTo(1);
  }

  @Test
  void a_control_service_gets_no_verdict_and_does_not_weigh_on_the_overall_one() {
    AnalysisResult result = Analysis.of(run(10 * SECOND, 150 * SECOND));

    assertThat(result.service(CONTROL).control()).isTrue();
    assertThat(result.service(CONTROL).verdict()).isNull();
    assertThat(result.service(CONTROL).outages()).singleElement()
        .extracting(Outage::openAtEnd).isEqualTo(true);
    assertThat(result.overall().findings()).extracting(Finding::text)
        .noneMatch(text -> text.startsWith(CONTROL));
    assertThat(result.services()).extracting(ServiceAnalysis::service)
        .containsExactly(COMPUTE, CONTROL);
  }

  @Test
  void only_outages_of_control_services_flag_others() {
    AnalysisInput input = run(0, 0);
    AnalysisInput twoServices = Traces.plusSamples(input, probe("identity", "identity/fresh", 0,
        150 * SECOND, INTERVAL, t -> t >= 80 * SECOND && t < 82 * SECOND
            ? ErrorClass.CONNECT : null));

    AnalysisResult result = Analysis.of(twoServices);

    assertThat(result.service(COMPUTE).outages()).noneMatch(Outage::testerSide);
    assertThat(result.service("identity").outages()).noneMatch(Outage::testerSide);
    assertThat(List.of(result.service(COMPUTE).verdict().level(),
        result.service("identity").verdict().level()))
        .containsOnly(Level.ROLLING);
  }
}
