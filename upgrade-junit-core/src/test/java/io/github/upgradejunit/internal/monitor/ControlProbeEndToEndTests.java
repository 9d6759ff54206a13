package io.github.upgradejunit.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.analysis.Analysis;
import io.github.upgradejunit.internal.analysis.AnalysisInput;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Finding;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The probe named control, configured by {@code upgrade.probe.control.url} alone: when it fails
 * while a cloud probe fails, that outage is tester-side and does not count against the verdict,
 * unless {@code upgrade.probe.tester-side.counts=true}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ControlProbeEndToEndTests {

  /** Samples of a run in which the cloud's API and the control both fail for a second. */
  private static final List<Rows.Sample> RECORDED = new CopyOnWriteArrayList<>();
  private static long start;
  private static long end;

  @BeforeAll
  static void probeACloudAndAControlThatFailTogether() throws Exception {
    try (FlappingTargets.Http cloud = new FlappingTargets.Http();
        FlappingTargets.Http outside = new FlappingTargets.Http()) {
      List<Probe> probes = probes(cloud.url(), outside.url());
      start = Micros.now();
      try (ProbeScheduler scheduler = new ProbeScheduler(probes, 10,
          Duration.ofSeconds(1), "test", RECORDED::add)) {
        scheduler.start();
        Thread.sleep(600);
        outside.serverError();
        cloud.serverError();
        Thread.sleep(1_000);
        cloud.up();
        outside.up();
        Thread.sleep(600);
      }
      end = Micros.now(); // before the servers stop: their shutdown is no part of the run
    }
  }

  private static List<Probe> probes(String cloud, String control) {
    return UpgradeConfiguration.of(Map.of("upgrade.probe.api.url", cloud, "upgrade.probe.control.url", control),
        Map.of(), CoreKeys.ALL).configuredProbes();
  }

  private static AnalysisResult analysed(Map<String, String> settings) {
    boolean count = Boolean.parseBoolean(UpgradeConfiguration.of(settings, Map.of(), CoreKeys.ALL)
        .get(CoreKeys.TESTER_SIDE_COUNTS));
    Set<String> control = RECORDED.stream().filter(Rows.Sample::control).map(Rows.Sample::service)
        .collect(Collectors.toSet());
    List<Sample> samples = RECORDED.stream().map(s -> new Sample(s.service(), s.series(), s.intendedAt(),
        s.startedAt(), s.latencyMicros(), s.ok(), s.errorClass(), s.detail(), s.runner())).toList();
    return Analysis.of(AnalysisInput.of(new UpgradeWindow(start, end, false)).withSamples(samples)
        .withControlServices(control).withCountTesterSide(count));
  }

  /** The verdict's findings about outages (the verdict may also carry timing findings, e.g. a gap on a busy host). */
  private static List<Finding> outageFindings(AnalysisResult result) {
    return result.service("api").verdict().findings().stream().filter(f -> f.text().matches("1 outage.*")).toList();
  }

  @Test
  void the_probe_named_control_is_a_control_probe() {
    assertThat(probes("http://127.0.0.1:1/", "http://127.0.0.1:2/"))
        .extracting(Probe::service, Probe::control)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("api", false),
            org.assertj.core.groups.Tuple.tuple("control", true));
  }

  @Test
  void a_cloud_outage_during_a_control_failure_is_flagged_tester_side_and_not_counted() {
    AnalysisResult result = analysed(Map.of());

    assertThat(result.service("api").outages()).singleElement().extracting(Outage::testerSide).isEqualTo(true);
    assertThat(result.service("api").countedDowntime().outages()).isZero();
    assertThat(outageFindings(result)).singleElement().satisfies(f -> {
      assertThat(f.ceiling()).isEqualTo(Level.ZERO_IMPACT); // information only
      assertThat(f.text()).startsWith("1 outage not counted, the control probe failed at the same time (tester side)");
    });
    assertThat(result.service("control").verdict()).isNull();
  }

  @Test
  void it_counts_when_the_user_says_so() {
    AnalysisResult result = analysed(Map.of("upgrade.probe.tester-side.counts", "true"));

    assertThat(result.service("api").outages()).singleElement().extracting(Outage::testerSide).isEqualTo(true);
    assertThat(result.service("api").countedDowntime().outages()).isEqualTo(1);
    assertThat(outageFindings(result)).singleElement().satisfies(f -> {
      assertThat(f.ceiling()).isEqualTo(Level.ROLLING); // it breaks zero-downtime
      assertThat(f.text()).startsWith("1 outage, ");
    });
    assertThat(result.service("api").verdict().level()).isEqualTo(Level.ROLLING);
  }
}
