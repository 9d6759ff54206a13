package io.github.upgradejunit.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.analysis.Analysis;
import io.github.upgradejunit.internal.analysis.AnalysisInput;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import io.github.upgradejunit.internal.monitor.FlappingTargets.Truth;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The property-configured HTTP and TCP probes, run by the real scheduler against local targets
 * that go down for known intervals, measure each outage within one probe interval of the truth.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BuiltInProbeFidelityTests {

  private final List<Rows.Sample> recorded = new CopyOnWriteArrayList<>();

  @Test
  void http_and_tcp_outages_are_measured_within_one_probe_interval_of_the_truth() throws Exception {
    try (FlappingTargets.Http web = new FlappingTargets.Http(); FlappingTargets.Tcp ssh = new FlappingTargets.Tcp()) {
      List<Probe> probes = ConfiguredProbes.of(Map.of(
          "upgrade.probe.web.url", web.url(), "upgrade.probe.web.expect", "200",
          "upgrade.probe.web.body", "^healthy$", "upgrade.probe.web.connection", "fresh",
          "upgrade.probe.ssh.tcp", "127.0.0.1:" + ssh.port(), "upgrade.probe.ssh.rate", "5"), Set.of());
      long start = Micros.now();
      try (ProbeScheduler scheduler = scheduler(probes)) {
        scheduler.start();
        Thread.sleep(800);
        web.serverError();
        ssh.down();
        Thread.sleep(1_200);
        web.up();
        Thread.sleep(700);
        ssh.up();
        web.wrongBody();
        Thread.sleep(900);
        web.up();
        Thread.sleep(1_000);
      }
      AnalysisResult result = Analysis.of(input(start));

      assertMeasured(result.service("web").outages(), web.truth(), 100_000);
      assertMeasured(result.service("ssh").outages(), ssh.truth(), 200_000);
    }
  }

  @Test
  void each_probe_keeps_its_own_rate() throws Exception {
    try (FlappingTargets.Tcp target = new FlappingTargets.Tcp()) {
      String at = "127.0.0.1:" + target.port();
      List<Probe> probes = ConfiguredProbes.of(Map.of("upgrade.probe.fast.tcp", at, "upgrade.probe.fast.rate", "20",
          "upgrade.probe.slow.tcp", at, "upgrade.probe.slow.rate", "4"), Set.of());
      long start = Micros.now();
      try (ProbeScheduler scheduler = scheduler(probes)) {
        scheduler.start();
        Thread.sleep(2_000);
      }
      AnalysisResult result = Analysis.of(input(start));

      assertThat(result.service("fast").probeIntervalMs()).isCloseTo(50, org.assertj.core.data.Offset.offset(5.0));
      assertThat(result.service("slow").probeIntervalMs()).isCloseTo(250, org.assertj.core.data.Offset.offset(5.0));
    }
  }

  @Test
  void a_target_that_does_not_resolve_is_an_outage_of_class_dns_not_a_crash() throws Exception {
    List<Probe> probes = ConfiguredProbes.of(Map.of("upgrade.probe.gone.url", "http://no-such-host.invalid/",
        "upgrade.probe.gone-ssh.tcp", "no-such-host.invalid:22"), Set.of());
    try (ProbeScheduler scheduler = scheduler(probes)) {
      scheduler.start();
      Thread.sleep(600);
    }

    assertThat(recorded).isNotEmpty().allSatisfy(s -> {
      assertThat(s.ok()).isFalse();
      assertThat(s.errorClass()).isEqualTo("DNS");
    });
    assertThat(recorded).extracting(Rows.Sample::service).contains("gone", "gone-ssh");
  }

  private ProbeScheduler scheduler(List<Probe> probes) {
    return new ProbeScheduler(probes, 10, Duration.ofSeconds(1), "test", recorded::add);
  }

  private AnalysisInput input(long start) {
    List<Sample> samples = recorded.stream().map(s -> new Sample(s.service(), s.series(), s.intendedAt(),
        s.startedAt(), s.latencyMicros(), s.ok(), s.errorClass(), s.detail(), s.runner())).toList();
    return AnalysisInput.of(new UpgradeWindow(start, Micros.now(), false)).withSamples(samples);
  }

  /** One measured outage per true one, of its class, each edge within one probe interval. */
  private static void assertMeasured(List<Outage> measured, List<Truth> truth, long intervalMicros) {
    assertThat(measured).hasSameSizeAs(truth);
    for (int k = 0; k < truth.size(); k++) {
      Outage o = measured.get(k);
      Truth t = truth.get(k);
      System.out.printf("%s: true [%d, %d] ms, measured [%d, %d] ms (%s)%n", o.service(), 0,
          (t.upMicros() - t.downMicros()) / 1000, (o.startMicros() - t.downMicros()) / 1000,
          (o.endMicros() - t.downMicros()) / 1000, o.errorClass());
      assertThat(o.errorClass()).isEqualTo(t.errorClass());
      assertThat(o.startMicros()).isCloseTo(t.downMicros(), org.assertj.core.data.Offset.offset(intervalMicros));
      assertThat(o.endMicros()).isCloseTo(t.upMicros(), org.assertj.core.data.Offset.offset(intervalMicros));
    }
  }
}
