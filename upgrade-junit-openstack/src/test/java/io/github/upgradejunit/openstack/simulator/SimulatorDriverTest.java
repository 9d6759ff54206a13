package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.openstack.simulator.GroundTruth.Outage;
import io.github.upgradejunit.openstack.simulator.Prober.FailureWindow;
import io.github.upgradejunit.openstack.simulator.RecordingControl.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver plays scenarios, reports them like a deployment tool, and its truth is exact. */
class SimulatorDriverTest {

  private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

  @TempDir
  Path dir;

  private Scenario scenario(String json) throws Exception {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, json);
    return Scenario.load(file);
  }

  @Test
  void aProbeSeesTheOutageTheTruthRecords() throws Exception {
    Scenario scenario = scenario("{\"name\":\"nova-blip\",\"steps\":["
        + "{\"type\":\"pause\",\"ms\":400},"
        + "{\"type\":\"outage\",\"service\":\"compute\",\"durationMs\":1500},"
        + "{\"type\":\"pause\",\"ms\":400}]}");
    RecordingControl control = new RecordingControl();
    try (OpenStackSimulator cloud = OpenStackSimulator.start()) {
      SimulatorDriver driver = new SimulatorDriver(cloud, scenario);
      List<FailureWindow> seen;
      try (Prober prober = new Prober(cloud.baseUrl(SimulatedService.COMPUTE) + "/", PROBE_INTERVAL)) {
        driver.drive(control);
        Thread.sleep(100);
        prober.close();
        seen = prober.failureWindows();
      }

      assertThat(seen).singleElement().satisfies(window ->
          assertThat(window.duration()).isBetween(Duration.ofMillis(1400), Duration.ofMillis(1600)));
      Outage truth = driver.truth().outages().get(0);
      assertThat(driver.truth().outages()).hasSize(1);
      assertThat(truth.service()).isEqualTo(SimulatedService.COMPUTE);
      assertThat(truth.backend()).isNull();
      assertThat(truth.step()).isEqualTo("outage of compute");
      assertThat(truth.duration().orElseThrow()).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1600));
      assertThat(Duration.between(truth.start(), seen.get(0).start()).abs())
          .isLessThanOrEqualTo(PROBE_INTERVAL.multipliedBy(3));
      assertThat(Duration.between(truth.end(), seen.get(0).end()).abs())
          .isLessThanOrEqualTo(PROBE_INTERVAL.multipliedBy(3));

      Path truthFile = dir.resolve("report/truth.json");
      driver.writeTruth(truthFile);
      JsonNode json = RawHttp.JSON.readTree(truthFile.toFile());
      assertThat(json.get("scenario").asText()).isEqualTo("nova-blip");
      assertThat(json.at("/outages/0/service").asText()).isEqualTo("compute");
      assertThat(json.at("/outages/0/backend").isNull()).isTrue();
      assertThat(json.at("/outages/0/partial").asBoolean()).isFalse();
      assertThat(json.at("/outages/0/durationMs").asLong()).isBetween(1500L, 1600L);
      assertThat(json.at("/outages/0/start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(Instant.parse(json.at("/outages/0/start").asText()))
          .isEqualTo(truth.start().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
    assertThat(control.events).containsExactly(
        new Event("upgrade-started", null, null, null),
        new Event("step-started", "compute", "sim-ctl1", "outage of compute"),
        new Event("step-finished", "compute", "sim-ctl1", "outage of compute"),
        new Event("upgrade-finished", null, null, null));
  }

  @Test
  void aRefusedOutageClosesThePortAndIsRecordedAsSuch() throws Exception {
    Scenario scenario = scenario("{\"steps\":[{\"type\":\"pause\",\"ms\":200},"
        + "{\"type\":\"outage\",\"service\":\"object-store\",\"durationMs\":1000,\"mode\":\"refused\"},"
        + "{\"type\":\"pause\",\"ms\":200}]}");
    try (OpenStackSimulator cloud = OpenStackSimulator.start()) {
      SimulatorDriver driver = new SimulatorDriver(cloud, scenario);
      List<Prober.Sample> samples;
      List<Prober.FailureWindow> windows;
      try (Prober prober = new Prober(cloud.baseUrl(SimulatedService.OBJECT_STORE) + "/healthcheck",
          PROBE_INTERVAL)) {
        driver.drive(new RecordingControl());
        prober.close();
        samples = prober.samples();
        windows = prober.failureWindows();
      }
      // what the prober saw agrees with the recorded truth (closing and reopening a port takes a
      // little longer than the nominal second on a loaded machine; the truth records that too)
      Duration truth = driver.truth().outages().get(0).duration().orElseThrow();
      assertThat(windows).singleElement().satisfies(w ->
          assertThat(w.duration()).isBetween(truth.minus(PROBE_INTERVAL.multipliedBy(2)),
              truth.plus(PROBE_INTERVAL.multipliedBy(2))));
      // a request on a kept-alive connection at the moment the port closes is cut (IOException);
      // after that, every new connection is refused
      List<String> failures = samples.stream().filter(s -> !s.ok()).map(Prober.Sample::outcome).toList();
      assertThat(failures).allMatch(o -> o.equals("ConnectException") || o.equals("IOException"));
      assertThat(failures.subList(2, failures.size())).containsOnly("ConnectException");
      assertThat(driver.truth().outages()).singleElement().satisfies(o -> {
        assertThat(o.failure()).isEqualTo("connection-refused");
        assertThat(o.duration().orElseThrow()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1150));
      });
      assertThat(RawHttp.get(cloud.baseUrl(SimulatedService.OBJECT_STORE) + "/healthcheck").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void theZeroDowntimeScenarioFailsNoRequestAndUpgradesEveryBackend() throws Exception {
    Scenario scenario = Scenario.builtin("zero-downtime");
    try (OpenStackSimulator cloud = OpenStackSimulator.builder().backendsFor(scenario).start()) {
      String token = RawHttp.token(cloud);
      SimulatorDriver driver = new SimulatorDriver(cloud, scenario);
      RecordingControl control = new RecordingControl();
      try (Prober identity = new Prober(cloud.authUrl(), Duration.ofMillis(25));
          Prober compute = new Prober(cloud.computeUrl() + "/flavors", Duration.ofMillis(25),
              "X-Auth-Token", token);
          Prober objects = new Prober(cloud.objectStoreUrl(), Duration.ofMillis(25),
              "X-Auth-Token", token)) {
        driver.drive(control);
        identity.close();
        compute.close();
        objects.close();
        for (Prober prober : List.of(identity, compute, objects)) {
          assertThat(prober.samples()).hasSizeGreaterThan(300).allMatch(Prober.Sample::ok);
        }
      }
      GroundTruth truth = driver.truth();
      assertThat(truth.outages()).isEmpty();
      assertThat(truth.finalVersions().get(SimulatedService.COMPUTE)).containsExactly("2.95", "2.95");
      assertThat(truth.finalVersions().get(SimulatedService.OBJECT_STORE))
          .containsExactly("2.31.1", "2.31.1");
      assertThat(truth.versions()).extracting(v -> v.service() + "/" + v.backend() + ":" + v.to())
          .containsExactly("object-store/1:2.31.1", "object-store/2:2.31.1",
              "compute/1:2.95", "compute/2:2.95");
      assertThat(control.events).filteredOn(e -> e.type().equals("step-started"))
          .extracting(Event::host).containsExactly("sim-ctl1", "sim-ctl2", "sim-ctl1",
              "sim-ctl2", "sim-ctl1", "sim-ctl2");
    }
  }

  @Test
  void theBrokenUpgradeScenarioRecordsEveryFault() throws Exception {
    Scenario scenario = Scenario.builtin("broken-upgrade");
    try (OpenStackSimulator cloud = OpenStackSimulator.builder().backendsFor(scenario)
        .maxServersPerProject(200).start()) {
      String token = RawHttp.token(cloud);
      createServer(cloud, token, "persistent-web");
      RawHttp.method("PUT", cloud.objectStoreUrl() + "/persistent", null, "X-Auth-Token", token);
      RawHttp.method("PUT", cloud.objectStoreUrl() + "/persistent/blob", "precious", "X-Auth-Token", token);

      SimulatorDriver driver = new SimulatorDriver(cloud, scenario);
      Thread creator = new Thread(() -> {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
          try {
            createServer(cloud, token, "during-" + i);
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          } catch (RuntimeException e) {
            // the compute API is down for a while in this scenario
          }
        }
      });
      creator.start();
      try {
        driver.drive(new RecordingControl());
      } finally {
        creator.interrupt();
        creator.join();
      }

      GroundTruth truth = driver.truth();
      assertThat(truth.wholeServiceOutages()).singleElement().satisfies(o -> {
        assertThat(o.service()).isEqualTo(SimulatedService.COMPUTE);
        assertThat(o.duration().orElseThrow()).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1650));
      });
      assertThat(truth.outages()).filteredOn(Outage::partial).singleElement().satisfies(o -> {
        assertThat(o.service()).isEqualTo(SimulatedService.IDENTITY);
        assertThat(o.backend()).isEqualTo(2);
      });
      assertThat(truth.faults()).extracting(GroundTruth.Fault::type).contains("drop-creates",
          "dropped-create", "lose-server", "corrupt-object", "latency", "version-left-behind");
      assertThat(truth.faults()).filteredOn(f -> f.type().equals("lose-server"))
          .extracting(GroundTruth.Fault::target).containsExactly("persistent-web");
      assertThat(truth.faults()).filteredOn(f -> f.type().equals("corrupt-object"))
          .extracting(GroundTruth.Fault::target).containsExactly("persistent/blob");
      assertThat(truth.faults()).filteredOn(f -> f.type().equals("version-left-behind"))
          .singleElement().satisfies(f -> assertThat(f.service()).isEqualTo(SimulatedService.OBJECT_STORE));
      assertThat(RawHttp.get(cloud.objectStoreUrl() + "/persistent/blob", "X-Auth-Token", token).body())
          .isNotEqualTo("precious");
      assertThat(truth.toJson()).contains("\"type\" : \"dropped-create\"");
    }
  }

  private static void createServer(OpenStackSimulator cloud, String token, String name) {
    RawHttp.post(cloud.computeUrl() + "/servers", "{\"server\":{\"name\":\"" + name
        + "\",\"imageRef\":\"" + ComputeStore.IMAGES.get(0).id() + "\",\"flavorRef\":\"1\"}}",
        "X-Auth-Token", token);
  }
}
