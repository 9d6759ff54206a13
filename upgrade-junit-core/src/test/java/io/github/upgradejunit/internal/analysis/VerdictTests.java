package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.failed;
import static io.github.upgradejunit.internal.analysis.Traces.healthyRun;
import static io.github.upgradejunit.internal.analysis.Traces.replacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every verdict boundary: starting from a zero-impact run, each condition alone lowers the
 * verdict to exactly the level DESIGN section 3 says, with the finding that explains it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerdictTests {

  private static Verdict compute(AnalysisInput input) {
    return Analysis.of(input).service(COMPUTE).verdict();
  }

  private static AnalysisInput down(long from, long to, ErrorClass error) {
    return replacing(healthyRun(), COMPUTE, from, to, t -> failed(COMPUTE, t, error));
  }

  private static List<Finding> capping(Verdict verdict) {
    return verdict.findings().stream().filter(f -> f.limits(Level.ZERO_IMPACT)).toList();
  }

  @Test
  void a_clean_run_is_zero_impact_and_says_why() {
    AnalysisResult result = Analysis.of(healthyRun());
    Verdict verdict = result.service(COMPUTE).verdict();

    assertThat(verdict.level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(List.of(verdict.rolling(), verdict.zeroDowntime(), verdict.zeroImpact()))
        .containsOnly(true);
    assertThat(verdict.findings()).extracting(Finding::text).contains(
        "2 persistent resources intact",
        "5 tests passed",
        "10 of 10 accepted requests honored",
        "2 during-check iterations passed",
        "no failed probe sample from the upgrade start on (900 samples)",
        "availability before 100.00 %, during 100.00 %, after 100.00 %");
    assertThat(verdict.findings()).extracting(Finding::text)
        .anyMatch(t -> t.startsWith("latency during vs before: p50 ")
            && t.endsWith(": no significant degradation"));
    assertThat(result.overall().level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(result.overall().findings()).contains(Finding.info("compute: zero-impact"));
  }

  @Nested
  class Rolling_breaks_when {

    @Test
    void the_upgrade_failed() {
      AnalysisResult result = Analysis.of(
          healthyRun().withWindow(new UpgradeWindow(60 * SECOND, 120 * SECOND, true, "kolla-ansible exited with code 2")));

      assertThat(capping(result.service(COMPUTE).verdict()))
          .containsExactly(new Finding(Level.NONE, "the upgrade failed: kolla-ansible exited with code 2"));
      assertThat(result.overall().level()).isEqualTo(Level.NONE);
    }

    @Test
    void a_persistent_resource_was_affected() {
      Verdict verdict = compute(healthyRun().withResources(
          List.of(new ResourceCounts(COMPUTE, 2, 1, 1, 0, 0))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.NONE, "persistent resources damaged: 1 affected, 0 gone (of 2)"));
    }

    @Test
    void a_persistent_resource_is_gone() {
      Verdict verdict = compute(healthyRun().withResources(
          List.of(new ResourceCounts(COMPUTE, 2, 1, 0, 1, 0))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.NONE, "persistent resources damaged: 0 affected, 1 gone (of 2)"));
    }

    @Test
    void a_persistent_resource_was_never_verified() {
      Verdict verdict = compute(healthyRun().withResources(
          List.of(new ResourceCounts(COMPUTE, 2, 1, 0, 0, 0))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.NONE, "1 of 2 persistent resources never verified"));
    }

    @Test
    void the_service_never_recovered() {
      Verdict verdict = compute(down(140 * SECOND, 150 * SECOND, ErrorClass.CONNECT));

      assertThat(verdict.level()).isEqualTo(Level.NONE);
      assertThat(capping(verdict)).contains(
          new Finding(Level.NONE, "never recovered: failing since T+80.0 s (CONNECT)"));
    }

    @Test
    void an_after_phase_test_failed() {
      Verdict verdict = compute(healthyRun().withTests(
          List.of(new TestCounts(COMPUTE, Phase.AFTER, 2, 1, 0))));

      assertThat(capping(verdict))
          .containsExactly(new Finding(Level.NONE, "1 after-phase test failed"));
    }

    @Test
    void a_before_phase_test_failed() {
      Verdict verdict = compute(healthyRun().withTests(
          List.of(new TestCounts(COMPUTE, Phase.BEFORE, 0, 2, 0))));

      assertThat(capping(verdict))
          .containsExactly(new Finding(Level.NONE, "2 before-phase tests failed"));
    }
  }

  @Nested
  class Zero_downtime_breaks_but_rolling_holds_when {

    @Test
    void one_probe_failed_during_the_upgrade() {
      Verdict verdict = compute(down(90 * SECOND, 90_050 * MS, ErrorClass.CONNECT));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 outage, 100 ms [0 ms, 200 ms], 1 x CONNECT"));
    }

    @Test
    void a_probe_was_answered_5xx() {
      Verdict verdict = compute(down(90 * SECOND, 90_050 * MS, ErrorClass.HTTP_5XX));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 outage, 100 ms [0 ms, 200 ms], 1 x HTTP_5XX"));
    }

    @Test
    void a_probe_failed_in_the_tail_after_the_upgrade() {
      Verdict verdict = compute(down(130 * SECOND, 130_050 * MS, ErrorClass.TIMEOUT));

      assertThat(verdict.level()).isEqualTo(Level.ROLLING);
    }

    @Test
    void an_outage_straddles_the_upgrade_start() {
      Verdict verdict = compute(down(59_800 * MS, 60_200 * MS, ErrorClass.CONNECT));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 outage, 400 ms [300 ms, 500 ms], 4 x CONNECT"));
    }

    @Test
    void a_mutating_request_was_answered_5xx() {
      Verdict verdict = compute(healthyRun().withLedger(
          List.of(new LedgerCounts(COMPUTE, 10, 10, 0, 1))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 mutating request answered 5xx"));
    }

    @Test
    void an_accepted_request_was_lost() {
      Verdict verdict = compute(healthyRun().withLedger(
          List.of(new LedgerCounts(COMPUTE, 10, 9, 1, 0))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 of 10 accepted requests lost"));
    }

    @Test
    void an_accepted_request_was_never_settled() {
      Verdict verdict = compute(healthyRun().withLedger(
          List.of(new LedgerCounts(COMPUTE, 10, 9, 0, 0))));

      assertThat(capping(verdict)).containsExactly(
          new Finding(Level.ROLLING, "1 of 10 accepted requests never settled"));
    }

    @Test
    void a_during_check_iteration_failed() {
      List<Iteration> iterations = new ArrayList<>(healthyRun().iterations());
      iterations.add(new Iteration("canListServers", COMPUTE, 90 * SECOND, 91 * SECOND, false,
          "expected servers but got none"));

      Verdict verdict = compute(healthyRun().withIterations(iterations));

      assertThat(capping(verdict)).containsExactly(new Finding(Level.ROLLING,
          "1 of 3 during-check iterations failed (canListServers x1)"));
    }

    @Test
    void a_during_phase_test_failed() {
      Verdict verdict = compute(healthyRun().withTests(
          List.of(new TestCounts(COMPUTE, Phase.DURING, 0, 1, 0))));

      assertThat(capping(verdict))
          .containsExactly(new Finding(Level.ROLLING, "1 during-phase test failed"));
    }

    @Test
    void the_service_was_never_probed() {
      AnalysisResult result = Analysis.of(healthyRun().withResources(
          List.of(new ResourceCounts("identity", 1, 1, 0, 0, 0))));

      Verdict identity = result.service("identity").verdict();

      assertThat(identity.level()).isEqualTo(Level.ROLLING);
      assertThat(identity.findings()).contains(
          new Finding(Level.ROLLING, "no probe samples: uptime not measured"));
    }
  }

  @Nested
  class Zero_downtime_holds_when {

    @Test
    void an_outage_ended_before_the_upgrade_started() {
      Verdict verdict = compute(down(30 * SECOND, 30_050 * MS, ErrorClass.CONNECT));

      assertThat(verdict.level()).isEqualTo(Level.ZERO_IMPACT);
      assertThat(verdict.findings()).contains(Finding.info(
          "1 outage before the upgrade started, not counted: 100 ms [0 ms, 200 ms]"));
    }
  }

  @Nested
  class Zero_impact_breaks_but_zero_downtime_holds_when {

    @Test
    void latency_degraded_during_the_upgrade() {
      AnalysisInput slow = replacing(healthyRun(), COMPUTE, 60 * SECOND, 120 * SECOND + 1,
          t -> new Sample(COMPUTE, "compute/fresh", t, t, 200 * MS, true, null, null, "r1"));

      Verdict verdict = compute(slow);

      assertThat(verdict.level()).isEqualTo(Level.ZERO_DOWNTIME);
      assertThat(capping(verdict)).singleElement().satisfies(f -> assertThat(f.text())
          .startsWith("latency degraded during the upgrade: p50 ")
          .contains(" -> 200 ms, p99 ")
          .containsPattern("; Mann-Whitney p = [0-9.]+e-[0-9]+, Cliff's delta 1\\.00$"));
    }

    @Test
    void too_few_latency_samples_exist_to_compare() {
      AnalysisInput sparse = replacing(healthyRun(), COMPUTE, 0, 59 * SECOND, t -> null);

      Verdict verdict = compute(sparse);

      assertThat(capping(verdict)).containsExactly(new Finding(Level.ZERO_DOWNTIME,
          "latency not compared: 10 successful samples before and 601 during the upgrade,"
              + " 20 each needed"));
    }
  }

  @Nested
  class The_overall_verdict {

    @Test
    void is_the_lowest_service_verdict_with_one_finding_per_service() {
      AnalysisInput input = Traces.plusSamples(down(90 * SECOND, 90_050 * MS,
          ErrorClass.CONNECT), Traces.healthy("identity", 0, 150 * SECOND, 7));

      Verdict overall = Analysis.of(input).overall();

      assertThat(overall.level()).isEqualTo(Level.ROLLING);
      assertThat(overall.findings()).containsExactly(
          new Finding(Level.ROLLING, "compute: 1 outage, 100 ms [0 ms, 200 ms], 1 x CONNECT"),
          Finding.info("identity: zero-impact"));
    }

    @Test
    void breaks_on_a_failed_test_of_no_service_while_the_services_hold() {
      AnalysisResult result = Analysis.of(healthyRun().withTests(
          List.of(new TestCounts(null, Phase.AFTER, 4, 1, 0))));

      assertThat(result.service(COMPUTE).verdict().level()).isEqualTo(Level.ZERO_IMPACT);
      assertThat(result.overall().level()).isEqualTo(Level.NONE);
      assertThat(capping(result.overall()))
          .containsExactly(new Finding(Level.NONE, "1 after-phase test failed"));
    }

    @Test
    void loses_zero_downtime_on_a_failed_check_of_no_service() {
      AnalysisResult result = Analysis.of(healthyRun().withIterations(List.of(
          new Iteration("cloudWide", null, 70 * SECOND, 71 * SECOND, false, "boom"))));

      assertThat(result.overall().level()).isEqualTo(Level.ROLLING);
    }

    @Test
    void is_at_best_rolling_when_no_service_was_probed() {
      Verdict overall = Analysis.of(AnalysisInput.of(Traces.WINDOW)).overall();

      assertThat(overall.findings()).containsExactly(
          new Finding(Level.ROLLING, "no service was probed: uptime not measured"));
    }

    @Test
    void ignores_leaked_resources_which_fail_the_run_instead() {
      AnalysisResult result = Analysis.of(healthyRun().withResources(List.of(
          new ResourceCounts(COMPUTE, 2, 2, 0, 0, 1), new ResourceCounts(null, 1, 1, 0, 0, 2))));

      assertThat(result.overall().level()).isEqualTo(Level.ZERO_IMPACT);
      assertThat(result.runFailures()).containsExactly(
          "compute: 1 persistent resource leaked", "2 persistent resources leaked");
    }
  }

  @Test
  void findings_that_cap_the_verdict_come_first() {
    Verdict verdict = compute(down(90 * SECOND, 90_050 * MS, ErrorClass.CONNECT)
        .withResources(List.of(new ResourceCounts(COMPUTE, 2, 1, 1, 0, 0))));

    assertThat(verdict.findings()).extracting(Finding::ceiling)
        .startsWith(Level.NONE, Level.ROLLING).isSorted();
  }

  @Test
  void a_verdict_that_contradicts_its_findings_is_rejected() {
    List<Finding> findings = List.of(new Finding(Level.ROLLING, "1 of 10 accepted requests lost"));

    assertThatIllegalArgumentException().isThrownBy(
        () -> new Verdict(COMPUTE, Level.ZERO_IMPACT, true, true, true, findings));
  }
}
