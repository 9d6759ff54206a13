package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone mode: options, banner, clouds.yaml and the {@code /_simulator} control API. */
class SimulatorStandaloneTest {

  @TempDir
  Path dir;

  @Test
  void optionsAreParsedAndBadOnesExplained() {
    SimulatorMain.Options options = SimulatorMain.parse(new String[] {"--port", "5000",
        "--scenario", "zero-downtime", "--clouds-yaml", "c.yaml", "--truth", "t.json", "--play"});
    assertThat(options.port()).isEqualTo(5000);
    assertThat(options.scenario()).isEqualTo("zero-downtime");
    assertThat(options.cloudsYaml()).isEqualTo(Path.of("c.yaml"));
    assertThat(options.play()).isTrue();
    assertThat(SimulatorMain.parse(new String[0]).scenario()).isEqualTo("rolling-compute-outage");

    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--prot", "1"}))
        .hasMessage("unknown option '--prot'");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
        .hasMessage("option --port needs a value");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port", "http"}))
        .hasMessageContaining("--port must be a port number");
  }

  @Test
  void playsOnRequestOnceAtATimeAndServesTheTruth() throws Exception {
    Path scenarioFile = dir.resolve("short.yaml");
    Files.writeString(scenarioFile, "name: short\nsteps:\n"
        + "  - {type: pause, ms: 300}\n"
        + "  - {type: restart, service: compute, backend: 1, outageMs: 300, version: '2.95'}\n");
    Path cloudsYaml = dir.resolve("clouds.yaml");
    Path truthFile = dir.resolve("truth.json");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SimulatorMain.Options options = SimulatorMain.parse(new String[] {"--scenario",
        scenarioFile.toString(), "--clouds-yaml", cloudsYaml.toString(), "--truth",
        truthFile.toString()});

    try (OpenStackSimulator cloud = SimulatorMain.start(options, Scenario.resolve(options.scenario()),
        new PrintStream(console, true, StandardCharsets.UTF_8))) {
      String banner = console.toString(StandardCharsets.UTF_8);
      assertThat(banner).contains(cloud.authUrl(), cloud.computeUrl(), "curl -X POST");
      assertThat(Files.readString(cloudsYaml)).contains("auth_url: \"" + cloud.authUrl() + "\"");

      String control = cloud.baseUrl(SimulatedService.IDENTITY) + "/_simulator";
      assertThat(RawHttp.post(control + "/play", "").statusCode()).isEqualTo(202);
      assertThat(RawHttp.post(control + "/play", "").statusCode()).isEqualTo(409);
      assertThat(RawHttp.json(RawHttp.get(control + "/status")).get("playing").asBoolean()).isTrue();
      assertThat(RawHttp.get(control + "/play").statusCode()).isEqualTo(405);
      assertThat(RawHttp.get(control + "/nothing").statusCode()).isEqualTo(404);

      await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(truthFile));
      JsonNode truth = RawHttp.json(RawHttp.get(control + "/truth"));
      assertThat(truth.get("scenario").asText()).isEqualTo("short");
      assertThat(truth.at("/outages/0/service").asText()).isEqualTo("compute");
      assertThat(truth.at("/versions/0/to").asText()).isEqualTo("2.95");
      assertThat(RawHttp.JSON.readTree(truthFile.toFile()).get("scenario").asText()).isEqualTo("short");
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("upgrade-started", "step-started  service=compute host=sim-ctl1", "upgrade-finished");

      assertThat(RawHttp.post(control + "/play", "").statusCode()).isEqualTo(202);
    }
  }
}
