package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.event;
import static io.github.upgradejunit.internal.analysis.Traces.failed;
import static io.github.upgradejunit.internal.analysis.Traces.healthyRun;
import static io.github.upgradejunit.internal.analysis.Traces.replacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.Phase;
import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalysisTests {

  private static AnalysisInput eventfulRun() {
    return replacing(healthyRun(), COMPUTE, 80 * SECOND, 81 * SECOND,
        t -> failed(COMPUTE, t, ErrorClass.HTTP_5XX))
        .withEvents(List.of(Traces.stepStarted(75 * SECOND, "nova", "ctl1", "restart nova-api"),
            Traces.stepFinished(85 * SECOND, "nova", "ctl1", "restart nova-api")))
        .withExpected(Level.ZERO_DOWNTIME);
  }

  @Test
  void the_result_serializes_to_json_as_it_is() throws Exception {
    ObjectMapper json = new ObjectMapper();

    JsonNode tree = json.readTree(json.writeValueAsString(Analysis.of(eventfulRun())));

    JsonNode compute = tree.path("services").get(0);
    assertThat(compute.path("service").asText()).isEqualTo(COMPUTE);
    assertThat(compute.path("outages").get(0).path("steps").get(0).asText())
        .isEqualTo("restart nova-api ctl1");
    assertThat(compute.path("outages").get(0).path("upperMs").asDouble()).isEqualTo(1100.0);
    assertThat(compute.path("verdict").path("level").asText()).isEqualTo("ROLLING");
    assertThat(compute.path("latency").get(0).path("p99UpperMs").isNumber()).isTrue();
    assertThat(tree.path("expectation").path("met").asBoolean()).isFalse();
    assertThat(tree.path("steps").get(0).path("finished").asBoolean()).isTrue();
  }

  @Test
  void the_json_has_exactly_the_record_components_and_nothing_else() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(json.writeValueAsString(Analysis.of(eventfulRun())));
    JsonNode compute = tree.path("services").get(0);

    assertThat(compute.fieldNames()).toIterable().containsExactly(components(ServiceAnalysis.class));
    assertThat(compute.path("outages").get(0).fieldNames()).toIterable()
        .containsExactly(components(Outage.class));
    assertThat(tree.path("overall").fieldNames()).toIterable()
        .containsExactly(components(Verdict.class));
    assertThat(tree.fieldNames()).toIterable().containsExactly(components(AnalysisResult.class));
  }

  private static String[] components(Class<? extends Record> type) {
    return java.util.Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).toArray(String[]::new);
  }

  @Test
  void the_same_input_gives_the_same_result_whatever_the_order_of_samples() {
    AnalysisInput input = eventfulRun();
    List<Sample> shuffled = new ArrayList<>(input.samples());
    Collections.shuffle(shuffled, new Random(5));

    assertThat(Analysis.of(input.withSamples(shuffled))).isEqualTo(Analysis.of(input));
  }

  @Test
  void a_sample_at_either_end_of_the_window_belongs_to_the_during_phase() {
    UpgradeWindow window = new UpgradeWindow(SECOND, 2 * SECOND, false);

    assertThat(window.phaseOf(SECOND - 1)).isEqualTo(Phase.BEFORE);
    assertThat(window.phaseOf(SECOND)).isEqualTo(Phase.DURING);
    assertThat(window.phaseOf(2 * SECOND)).isEqualTo(Phase.DURING);
    assertThat(window.phaseOf(2 * SECOND + 1)).isEqualTo(Phase.AFTER);
  }

  @Test
  void the_window_is_read_from_the_first_start_and_the_first_end_after_it() {
    List<Event> events = List.of(event(5 * SECOND, Event.UPGRADE_STARTED),
        event(9 * SECOND, Event.UPGRADE_FINISHED), event(12 * SECOND, Event.UPGRADE_FAILED));

    assertThat(UpgradeWindow.fromEvents(events, 99 * SECOND))
        .isEqualTo(new UpgradeWindow(5 * SECOND, 9 * SECOND, false));
  }

  @Test
  void a_window_closed_by_upgrade_failed_is_failed_for_the_reason_the_event_gives() {
    List<Event> events = List.of(event(5 * SECOND, Event.UPGRADE_STARTED),
        new Event(7 * SECOND, Event.UPGRADE_FAILED, null, null, null, "the upgrade command exited with code 2"));

    assertThat(UpgradeWindow.fromEvents(events, 99 * SECOND))
        .isEqualTo(new UpgradeWindow(5 * SECOND, 7 * SECOND, true, "the upgrade command exited with code 2"));
  }

  @Test
  void an_upgrade_that_never_finished_or_never_started_counts_as_failed() {
    assertThat(UpgradeWindow.fromEvents(List.of(event(5 * SECOND, Event.UPGRADE_STARTED)),
        99 * SECOND)).isEqualTo(new UpgradeWindow(5 * SECOND, 99 * SECOND, true, "it never finished"));
    assertThat(UpgradeWindow.fromEvents(List.of(), 99 * SECOND))
        .isEqualTo(new UpgradeWindow(99 * SECOND, 99 * SECOND, true, "it never started"));
  }

  @Test
  void inputs_that_make_no_sense_are_rejected_with_a_reason() {
    assertThatIllegalArgumentException().isThrownBy(() -> new UpgradeWindow(2, 1, false))
        .withMessageContaining("ends before it starts");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LedgerCounts(COMPUTE, -1, 0, 0, 0))
        .withMessageContaining("must not be negative");
  }

  @Test
  void a_failed_sample_without_an_error_class_is_classed_other_and_a_good_one_has_none() {
    Sample bad = new Sample(COMPUTE, "compute/fresh", 0, 0, 0, false, null, "?", null);
    Sample good = new Sample(COMPUTE, "compute/fresh", 0, 0, 0, true, "HTTP_5XX", null, null);

    assertThat(bad.errorClass()).isEqualTo("OTHER");
    assertThat(good.errorClass()).isNull();
  }

  @Test
  void counts_of_one_subject_given_in_several_records_are_summed() {
    AnalysisResult result = Analysis.of(healthyRun().withLedger(List.of(
        new LedgerCounts(COMPUTE, 4, 4, 0, 0), new LedgerCounts(COMPUTE, 6, 5, 1, 2))));

    assertThat(result.service(COMPUTE).ledger()).isEqualTo(new LedgerCounts(COMPUTE, 10, 9, 1, 2));
  }

  @Test
  void a_service_with_200_thousand_samples_per_phase_is_analysed() {
    List<Sample> samples = new ArrayList<>();
    Random random = new Random(11);
    for (long t = 0; t < 600_000L * 100 * MS; t += 100 * MS) {
      samples.add(new Sample(COMPUTE, "compute/fresh", t, t,
          Math.round(20 * MS * Math.exp(0.3 * random.nextGaussian())), true, null, null, "r1"));
    }
    UpgradeWindow window = new UpgradeWindow(20_000 * SECOND, 40_000 * SECOND, false);

    ServiceAnalysis compute =
        Analysis.of(AnalysisInput.of(window).withSamples(samples)).service(COMPUTE);

    assertThat(compute.latencyComparison().beforeCount()).isEqualTo(200_000);
    assertThat(compute.latencyComparison().degraded()).isFalse();
    assertThat(compute.verdict().level()).isEqualTo(Level.ZERO_IMPACT);
  }
}
