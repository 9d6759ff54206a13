package io.github.upgradejunit.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The demo's promise, checked automatically: for the {@code rolling-compute-outage} scenario the
 * measured compute outage in {@code summary.json} lies within one probe interval of the one the
 * simulator recorded in {@code truth.json}, and identity and object-store show no downtime.
 */
class DemoFidelityTests {

  @TempDir
  Path directory;

  @UpgradeTest(services = "compute")
  static class ServersAreListed {
    @DuringUpgrade(every = "1s")
    void serversCanBeListed(Nova nova) {
      // may fail while compute is down; the probes measure that, this run only needs a window
      try {
        nova.servers();
      } catch (OpenStackException expectedDuringTheOutage) {
        // recorded by the monitor, not by this check
      }
    }
  }

  @Test
  void theMeasuredComputeOutageIsWithinOneProbeIntervalOfTheTruth() throws Exception {
    Path report = directory.resolve("report");
    EngineTestKit.engine(new UpgradeTestEngine())
        .configurationParameter("upgrade.phase", "all")
        .configurationParameter("upgrade.cloud", "simulator")
        .configurationParameter("upgrade.scenario", "rolling-compute-outage")
        .configurationParameter("upgrade.store", "jdbc:sqlite:" + directory.resolve("store.db"))
        .configurationParameter("upgrade.report.dir", report.toString())
        .configurationParameter("upgrade.control.port", "0")
        .configurationParameter("upgrade.probe.baseline", "1s")
        .configurationParameter("upgrade.probe.tail", "1s")
        .selectors(selectClass(ServersAreListed.class))
        .execute()
        .testEvents().assertStatistics(s -> s.failed(0));

    ObjectMapper json = new ObjectMapper();
    JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
    JsonNode truth = json.readTree(report.resolve("truth.json").toFile());
    JsonNode trueOutage = truth.get("outages").get(0);
    assertThat(truth.get("outages")).hasSize(1);
    assertThat(trueOutage.get("service").asText()).isEqualTo("compute");

    JsonNode compute = summary.at("/services/compute");
    double interval = compute.at("/downtime/probeIntervalMs").asDouble();
    assertThat(compute.get("outages")).hasSize(1);
    assertThat(compute.at("/downtime/totalMs").asDouble())
        .isBetween(trueOutage.get("durationMs").asDouble() - interval, trueOutage.get("durationMs").asDouble() + interval);
    assertThat(trueOutage.get("durationMs").asDouble())
        .isBetween(compute.at("/downtime/lowerMs").asDouble(), compute.at("/downtime/upperMs").asDouble());
    assertThat(summary.at("/services/identity/downtime/totalMs").asDouble()).isZero();
    assertThat(summary.at("/services/object-store/downtime/totalMs").asDouble()).isZero();
    assertThat(summary.at("/verdict/rolling").asBoolean()).isTrue();
    assertThat(summary.at("/services/compute/verdict/zeroDowntime").asBoolean()).isFalse();
  }
}
