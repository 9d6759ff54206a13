package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.probeDown;
import static io.github.upgradejunit.internal.analysis.Traces.stepFinished;
import static io.github.upgradejunit.internal.analysis.Traces.stepStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StepAttributionTests {

  private static final UpgradeWindow WINDOW = new UpgradeWindow(SECOND, 20 * SECOND, false);

  /** The outage of a trace down in [5.05 s, 6.05 s): last good 5.0 s, first failed 5.1 s. */
  private static Outage outageWith(Event... events) {
    List<Sample> trace = probeDown(COMPUTE, 0, 30 * SECOND, INTERVAL, 5_050 * MS, 6_050 * MS,
        ErrorClass.CONNECT);
    AnalysisResult result = Analysis.of(AnalysisInput.of(WINDOW).withSamples(trace)
        .withEvents(List.of(events)));
    return result.service(COMPUTE).outages().get(0);
  }

  @Test
  void an_outage_names_the_step_running_when_it_began() {
    Outage outage = outageWith(stepStarted(4 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(8 * SECOND, "nova", "ctl1", "restart nova-api"));

    assertThat(outage.steps()).containsExactly("restart nova-api ctl1");
    assertThat(outage.stepLabel()).isEqualTo("restart nova-api ctl1");
  }

  @Test
  void an_outage_outside_any_step_names_none() {
    Outage outage = outageWith(stepStarted(2 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(3 * SECOND, "nova", "ctl1", "restart nova-api"));

    assertThat(outage.steps()).isEmpty();
    assertThat(outage.stepLabel()).isEqualTo("-");
  }

  @Test
  void overlapping_steps_are_all_named_in_order_of_start() {
    Outage outage = outageWith(stepStarted(4 * SECOND, "nova", "ctl2", "restart nova-api"),
        stepStarted(3 * SECOND, "keystone", "ctl1", "migrate keystone db"),
        stepFinished(9 * SECOND, "nova", "ctl2", "restart nova-api"));

    assertThat(outage.steps()).containsExactly("migrate keystone db ctl1",
        "restart nova-api ctl2");
    assertThat(outage.stepLabel()).isEqualTo("migrate keystone db ctl1, restart nova-api ctl2");
  }

  @Test
  void a_step_that_began_between_the_last_good_and_the_first_failed_sample_is_named() {
    Outage outage = outageWith(stepStarted(5_060 * MS, "nova", "ctl1", "restart nova-api"),
        stepFinished(7 * SECOND, "nova", "ctl1", "restart nova-api"));

    assertThat(outage.steps()).containsExactly("restart nova-api ctl1");
  }

  @Test
  void a_step_that_finished_before_the_last_good_sample_is_not_named() {
    Outage outage = outageWith(stepStarted(4 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(4_990 * MS, "nova", "ctl1", "restart nova-api"));

    assertThat(outage.steps()).isEmpty();
  }

  @Test
  void a_step_never_finished_runs_until_the_end_of_the_window() {
    StepTimeline timeline = StepTimeline.of(
        List.of(stepStarted(4 * SECOND, "nova", "ctl1", "restart nova-api")), WINDOW);

    assertThat(timeline.steps()).containsExactly(new UpgradeStep("restart nova-api ctl1", "nova",
        "ctl1", 4 * SECOND, 20 * SECOND, false));
  }

  @Test
  void a_finish_closes_the_start_with_the_same_service_host_and_step() {
    StepTimeline timeline = StepTimeline.of(List.of(
        stepStarted(2 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepStarted(3 * SECOND, "nova", "ctl2", "restart nova-api"),
        stepFinished(4 * SECOND, "nova", "ctl2", "restart nova-api"),
        stepFinished(5 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(6 * SECOND, "nova", "ctl3", "restart nova-api")), WINDOW);

    assertThat(timeline.steps()).containsExactly(
        new UpgradeStep("restart nova-api ctl1", "nova", "ctl1", 2 * SECOND, 5 * SECOND, true),
        new UpgradeStep("restart nova-api ctl2", "nova", "ctl2", 3 * SECOND, 4 * SECOND, true));
  }

  @Test
  void a_label_is_the_step_name_followed_by_the_host_unless_the_name_has_it() {
    assertThat(StepTimeline.label(stepStarted(0, "nova", "ctl1", "restart nova-api")))
        .isEqualTo("restart nova-api ctl1");
    assertThat(StepTimeline.label(stepStarted(0, "nova", "ctl1", "restart nova-api on ctl1")))
        .isEqualTo("restart nova-api on ctl1");
    assertThat(StepTimeline.label(stepStarted(0, "nova", null, null))).isEqualTo("nova");
    assertThat(StepTimeline.label(stepStarted(0, null, null, " "))).isEqualTo("step");
  }

  @Test
  void the_steps_are_part_of_the_result_for_the_timeline() {
    AnalysisResult result = Analysis.of(AnalysisInput.of(WINDOW).withEvents(List.of(
        stepStarted(2 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(3 * SECOND, "nova", "ctl1", "restart nova-api"))));

    assertThat(result.steps()).extracting(UpgradeStep::label)
        .containsExactly("restart nova-api ctl1");
  }
}
