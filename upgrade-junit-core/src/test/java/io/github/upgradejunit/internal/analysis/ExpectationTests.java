package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.failed;
import static io.github.upgradejunit.internal.analysis.Traces.healthyRun;
import static io.github.upgradejunit.internal.analysis.Traces.replacing;
import static io.github.upgradejunit.internal.analysis.Traces.stepFinished;
import static io.github.upgradejunit.internal.analysis.Traces.stepStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExpectationTests {

  /** Two 700 ms bursts of 5xx while nova-api restarts on ctl1: a rolling upgrade. */
  private static AnalysisInput twoBurstsOf5xx() {
    AnalysisInput input = healthyRun();
    for (long burst : new long[] {70 * SECOND, 80 * SECOND}) {
      input = replacing(input, COMPUTE, burst, burst + 700 * MS,
          t -> failed(COMPUTE, t, ErrorClass.HTTP_5XX));
    }
    return input.withEvents(List.of(stepStarted(65 * SECOND, "nova", "ctl1", "restart nova-api"),
        stepFinished(85 * SECOND, "nova", "ctl1", "restart nova-api")));
  }

  @Test
  void an_unmet_expectation_lists_the_evidence_per_service() {
    Expectation expectation =
        Analysis.of(twoBurstsOf5xx().withExpected(Level.ZERO_DOWNTIME)).expectation();

    assertThat(expectation.met()).isFalse();
    assertThat(expectation.measured()).isEqualTo(Level.ROLLING);
    assertThat(expectation.message()).isEqualTo(
        "expected a zero-downtime upgrade, but it was only rolling:\n"
            + "  compute: 2 outages, 1.4 s [1.2 s, 1.6 s] during step 'restart nova-api ctl1',"
            + " 14 x HTTP_5XX");
  }

  @Test
  void a_met_expectation_says_what_was_measured() {
    Expectation expectation =
        Analysis.of(healthyRun().withExpected(Level.ZERO_DOWNTIME)).expectation();

    assertThat(expectation).isEqualTo(new Expectation(Level.ZERO_DOWNTIME, Level.ZERO_IMPACT,
        true, "expected a zero-downtime upgrade: met, measured zero-impact"));
  }

  @Test
  void a_rolling_expectation_is_met_by_a_rolling_upgrade_with_outages() {
    Expectation expectation =
        Analysis.of(twoBurstsOf5xx().withExpected(Level.ROLLING)).expectation();

    assertThat(expectation.met()).isTrue();
  }

  @Test
  void no_expectation_is_always_met() {
    Expectation expectation = Analysis.of(twoBurstsOf5xx()).expectation();

    assertThat(expectation).isEqualTo(new Expectation(Level.NONE, Level.ROLLING, true,
        "no upgrade level expected; measured rolling"));
  }

  @Test
  void the_message_lists_only_what_falls_short_of_the_expected_level() {
    AnalysisInput slowAndBroken = replacing(twoBurstsOf5xx(), COMPUTE, 90 * SECOND, 120 * SECOND,
        t -> new Sample(COMPUTE, "compute/fresh", t, t, 200 * MS, true, null, null, "r1"));

    String zeroDowntime = Analysis.of(slowAndBroken.withExpected(Level.ZERO_DOWNTIME))
        .expectation().message();
    String zeroImpact = Analysis.of(slowAndBroken.withExpected(Level.ZERO_IMPACT))
        .expectation().message();

    assertThat(zeroDowntime).doesNotContain("latency");
    assertThat(zeroImpact).contains("14 x HTTP_5XX, latency degraded during the upgrade");
  }

  @Test
  void a_failed_upgrade_is_not_even_rolling_and_the_run_line_says_so() {
    AnalysisInput failed = healthyRun().withExpected(Level.ROLLING)
        .withWindow(new UpgradeWindow(60 * SECOND, 120 * SECOND, true, "the upgrade command exited with code 2"));

    Expectation expectation = Analysis.of(failed).expectation();

    assertThat(expectation.message()).isEqualTo(
        "expected a rolling upgrade, but it was not even rolling:\n"
            + "  compute: the upgrade failed: the upgrade command exited with code 2\n"
            + "  run: the upgrade failed: the upgrade command exited with code 2");
  }

  @Test
  void every_service_that_falls_short_gets_its_own_line() {
    AnalysisInput input = Traces.plusSamples(twoBurstsOf5xx(),
        Traces.probeDown("identity", 0, 150 * SECOND, 100 * MS, 100 * SECOND, 101 * SECOND,
            ErrorClass.HTTP_401));

    String message = Analysis.of(input.withExpected(Level.ZERO_DOWNTIME)).expectation().message();

    assertThat(message.lines()).hasSize(3).element(2).isEqualTo(
        "  identity: 1 outage, 1.0 s [900 ms, 1.1 s], 10 x HTTP_401");
  }

  @Test
  void levels_parse_from_the_names_of_upgrade_expect() {
    assertThat(Level.parse("zero-downtime")).isEqualTo(Level.ZERO_DOWNTIME);
    assertThat(Level.parse(" ZERO_IMPACT ")).isEqualTo(Level.ZERO_IMPACT);
    assertThat(Level.parse("Rolling")).isEqualTo(Level.ROLLING);
    assertThat(Level.ZERO_DOWNTIME.key()).isEqualTo("zero-downtime");
    assertThatIllegalArgumentException().isThrownBy(() -> Level.parse("zero-outage"))
        .withMessage("upgrade.expect: 'zero-outage' is not one of none, rolling, zero-downtime,"
            + " zero-impact");
  }
}
