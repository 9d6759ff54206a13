package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.healthyRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The version rules: versions still mixed after the upgrade, and a release other than the one
 * {@code upgrade.expect.release} names, each mean the upgrade was not even rolling. The window of
 * {@link Traces#healthyRun()} is 60 s to 120 s.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionRulesTests {

  private static VersionObservation seen(long seconds, String version, String release,
      String runner) {
    return new VersionObservation(COMPUTE, seconds * SECOND, version, release, runner);
  }

  private static Verdict compute(AnalysisInput input) {
    return Analysis.of(input).service(COMPUTE).verdict();
  }

  private static List<String> capping(Verdict verdict) {
    return verdict.findings().stream().filter(f -> f.limits(Level.ZERO_IMPACT))
        .map(Finding::text).toList();
  }

  @Test
  void versions_still_mixed_after_the_window_mean_not_even_rolling() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(10, "2.30.1", "Zed", "r1"),
        seen(90, "2.31.1", "2023.1 Antelope", "r1"),
        seen(125, "2.30.1", "Zed", "r1"),
        seen(126, "2.31.1", "2023.1 Antelope", "r1")));

    Verdict verdict = compute(input);

    assertThat(verdict.level()).isEqualTo(Level.NONE);
    assertThat(verdict.findings()).contains(new Finding(Level.NONE,
        "versions still mixed after the upgrade: 2.30.1, 2.31.1"));
  }

  @Test
  void the_before_version_is_not_reported_as_mixed() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(10, "2.30.1", "Zed", "r1"),
        seen(90, "2.31.1", "2023.1 Antelope", "r1"),
        seen(130, "2.31.1", "2023.1 Antelope", "r1")));

    Verdict verdict = compute(input);

    assertThat(verdict.level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(capping(verdict)).isEmpty();
  }

  @Test
  void all_observations_equal_give_no_finding() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(10, "2.31.1", null, "r1"), seen(70, "2.31.1", null, "r2"),
        seen(130, "2.31.1", null, "r1"), seen(131, "2.31.1", null, "r2")));

    assertThat(compute(input).level()).isEqualTo(Level.ZERO_IMPACT);
  }

  @Test
  void a_change_just_after_the_window_is_not_mixed() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(10, "2.30.1", null, "r1"), seen(100, "2.30.1", null, "r1"),
        seen(121, "2.31.1", null, "r1")));

    assertThat(capping(compute(input))).isEmpty();
  }

  @Test
  void runners_whose_last_versions_in_the_window_disagree_with_none_seen_after_are_mixed() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(10, "2.30.1", null, "r1"), seen(10, "2.30.1", null, "r2"),
        seen(80, "2.31.1", null, "r1"), seen(90, "2.30.1", null, "r2")));

    assertThat(compute(input).findings()).contains(new Finding(Level.NONE,
        "versions still mixed after the upgrade: 2.31.1, 2.30.1"));
  }

  @Test
  void one_runner_flapping_inside_the_window_is_judged_by_its_last_observation() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        seen(70, "2.30.1", null, "r1"), seen(80, "2.31.1", null, "r1"),
        seen(90, "2.30.1", null, "r1"), seen(100, "2.31.1", null, "r1")));

    assertThat(capping(compute(input))).isEmpty();
  }

  @Test
  void no_version_observations_give_no_finding_even_with_an_expected_release() {
    AnalysisInput input = healthyRun().withExpectedRelease("2023.1");

    assertThat(compute(input).level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(Analysis.of(input).overall().level()).isEqualTo(Level.ZERO_IMPACT);
  }

  @Test
  void the_expected_release_is_met_when_the_last_release_name_contains_it() {
    AnalysisInput input = healthyRun().withExpectedRelease("2023.1").withVersions(List.of(
        seen(10, "2.93", "Zed", "r1"),
        seen(90, "2.95", "2023.1 Antelope or 2023.2 Bobcat", "r1")));

    assertThat(compute(input).level()).isEqualTo(Level.ZERO_IMPACT);
  }

  @Test
  void the_expected_release_may_also_match_the_version_and_ignores_case() {
    AnalysisInput byVersion = healthyRun().withExpectedRelease("2.95")
        .withVersions(List.of(seen(90, "2.95", null, "r1")));
    AnalysisInput byName = healthyRun().withExpectedRelease("antelope")
        .withVersions(List.of(seen(90, "2.95", "2023.1 Antelope", "r1")));

    assertThat(compute(byVersion).level()).isEqualTo(Level.ZERO_IMPACT);
    assertThat(compute(byName).level()).isEqualTo(Level.ZERO_IMPACT);
  }

  @Test
  void an_expected_release_not_reached_means_not_even_rolling() {
    AnalysisInput input = healthyRun().withExpectedRelease("2023.1").withVersions(List.of(
        seen(10, "2.90", "Yoga", "r1"), seen(90, "2.93", "Zed", "r1")));

    Verdict verdict = compute(input);

    assertThat(verdict.level()).isEqualTo(Level.NONE);
    assertThat(capping(verdict))
        .containsExactly("expected release 2023.1, but the last version seen is 2.93 (Zed)");
  }

  @Test
  void an_expected_release_not_reached_fails_the_expectation_with_the_reason() {
    AnalysisInput input = healthyRun().withExpected(Level.ROLLING).withExpectedRelease("2023.1")
        .withVersions(List.of(seen(90, "2.93", null, "r1")));

    Expectation expectation = Analysis.of(input).expectation();

    assertThat(expectation.met()).isFalse();
    assertThat(expectation.message())
        .contains("compute: expected release 2023.1, but the last version seen is 2.93");
  }

  @Test
  void a_service_with_versions_but_no_analysis_of_its_own_caps_the_run() {
    AnalysisInput input = healthyRun().withVersions(List.of(
        new VersionObservation("object-store", 130 * SECOND, "2.30.0", null, "r1"),
        new VersionObservation("object-store", 131 * SECOND, "2.31.0", null, "r2")));

    AnalysisResult result = Analysis.of(input);

    assertThat(result.overall().level()).isEqualTo(Level.NONE);
    assertThat(result.overall().findings()).contains(new Finding(Level.NONE,
        "object-store: versions still mixed after the upgrade: 2.30.0, 2.31.0"));
  }

  @Test
  void the_input_order_of_observations_does_not_matter() {
    List<VersionObservation> observations = new ArrayList<>(List.of(
        seen(125, "2.30.1", null, "r1"), seen(126, "2.31.1", null, "r2"),
        seen(126, "2.32.0", null, "r1")));
    Verdict inOrder = compute(healthyRun().withVersions(observations));
    Collections.reverse(observations);

    assertThat(compute(healthyRun().withVersions(observations))).isEqualTo(inOrder);
  }

  @Test
  void an_input_without_versions_still_builds_with_the_old_constructor() {
    AnalysisInput input = new AnalysisInput(Traces.WINDOW, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), java.util.Set.of(), false, Level.NONE);

    assertThat(input.versions()).isEmpty();
    assertThat(input.expectedRelease()).isNull();
    assertThat(input.withExpectedRelease("  ").expectedRelease()).isNull();
  }
}
