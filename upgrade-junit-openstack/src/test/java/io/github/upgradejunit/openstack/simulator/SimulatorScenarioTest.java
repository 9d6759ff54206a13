package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Scenario files: the built-ins load, and every malformed file fails early and says where. */
class SimulatorScenarioTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @TestFactory
  Stream<DynamicTest> builtinScenariosLoadAndTakeFifteenToThirtySeconds() {
    return Scenario.builtinNames().stream().map(name ->
        DynamicTest.dynamicTest(name, () -> checkBuiltin(name)));
  }

  private static void checkBuiltin(String name) {
    Scenario scenario = Scenario.builtin(name);
    assertThat(scenario.name()).isEqualTo(name);
    assertThat(scenario.source()).startsWith("classpath:");
    assertThat(scenario.description()).isNotBlank();
    assertThat(scenario.estimatedDuration()).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(30));
    assertThat(Scenario.resolve(name).stepNames()).isEqualTo(scenario.stepNames());
  }

  @Test
  void yamlScenariosWorkAndStepsGetGeneratedNames() throws IOException {
    Path file = write("mine.yaml", String.join("\n",
        "description: my upgrade",
        "steps:",
        "  - type: restart",
        "    service: compute",
        "    backend: 1",
        "    outageMs: 100",
        "  - type: latency",
        "    service: swift",
        "    factor: 5",
        "    durationMs: 10",
        "  - {type: rolling-restart, service: identity, drain: true, outageMs: 10, gapMs: 5}",
        "  - {type: version, service: compute, version: '2.95', name: bump nova}",
        "  - {type: lose-server, server: web}",
        "  - {type: drop-creates, percent: 25, durationMs: 10}",
        "  - {type: pause, ms: 10}",
        ""));
    Scenario scenario = Scenario.load(file);
    assertThat(scenario.name()).isEqualTo("mine");
    assertThat(scenario.stepNames()).containsExactly("restart compute backend 1",
        "latency x5 on object-store", "drained rolling restart of identity", "bump nova",
        "lose server 'web'", "drop 25% of compute creates", "pause 10 ms");
  }

  private static final List<String[]> MALFORMED = List.of(
      new String[] {"{\"steps\":[{\"type\":\"pause\",\"ms\":1},{\"type\":\"reboot\",\"service\":\"compute\"}]}",
          "step 2 ('reboot compute'): unknown step type 'reboot'"},
      new String[] {"{\"steps\":[{\"type\":\"restart\",\"service\":\"compute\",\"name\":\"nova down\"}]}",
          "step 1 ('nova down'): field 'backend' is required"},
      new String[] {"{\"steps\":[{\"type\":\"outage\",\"service\":\"compute\",\"durationMs\":\"long\"}]}",
          "step 1 ('outage compute'): field 'durationMs' must be a whole number of milliseconds >= 0"},
      new String[] {"{\"steps\":[{\"type\":\"pause\",\"ms\":5,\"msec\":5}]}",
          "step 1 ('pause'): unknown field 'msec'"},
      new String[] {"{\"steps\":[{\"type\":\"latency\",\"service\":\"cinder\",\"factor\":2,\"durationMs\":1}]}",
          "step 1 ('latency cinder'): unknown service 'cinder'"},
      new String[] {"{\"steps\":[{\"type\":\"drop-creates\",\"percent\":150,\"durationMs\":1}]}",
          "step 1 ('drop-creates'): field 'percent' must be 1..100"},
      new String[] {"{\"steps\":[{\"type\":\"version\",\"service\":\"compute\",\"version\":\"zed\"}]}",
          "step 1 ('version compute'): not a Nova microversion"},
      new String[] {"{\"steps\":[]}", ": \"steps\" must be a non-empty list"},
      new String[] {"{\"step\":[]}", ": unknown top-level field 'step'"});

  @TestFactory
  Stream<DynamicTest> malformedScenariosNameFileStepAndProblem() {
    return MALFORMED.stream().map(c -> DynamicTest.dynamicTest(c[1], () -> {
      Path file = write("broken.json", c[0]);
      assertThatThrownBy(() -> Scenario.load(file))
          .isInstanceOf(ScenarioException.class)
          .hasMessageStartingWith("Scenario " + file)
          .hasMessageContaining(c[1]);
    }));
  }

  @Test
  void invalidJsonReportsLineAndColumn() throws IOException {
    Path file = write("syntax.json", "{\n  \"steps\": [\n    {\"type\": \"pause\" \"ms\": 1}\n  ]\n}\n");
    assertThatThrownBy(() -> Scenario.load(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid JSON at line 3");
  }

  @Test
  void theExceptionCarriesTheStepForTools() throws IOException {
    Path file = write("typed.json", "{\"steps\":[{\"type\":\"pause\",\"ms\":1},"
        + "{\"type\":\"restart\",\"service\":\"compute\",\"backend\":0,\"name\":\"bad backend\"}]}");
    assertThatThrownBy(() -> Scenario.load(file)).isInstanceOfSatisfying(ScenarioException.class, e -> {
      assertThat(e.source()).isEqualTo(file.toString());
      assertThat(e.stepNumber()).isEqualTo(2);
      assertThat(e.stepName()).isEqualTo("bad backend");
      assertThat(e.getMessage()).contains("field 'backend' must be a whole number >= 1, got 0");
    });
  }

  @Test
  void stepsThatDoNotFitTheSimulatorFailBeforeAnythingStarts() throws IOException {
    Path tooFar = write("far.json", "{\"steps\":[{\"type\":\"restart\",\"service\":\"compute\","
        + "\"backend\":3}]}");
    Path topology = write("topology.json", "{\"backends\":{\"compute\":2},"
        + "\"steps\":[{\"type\":\"pause\",\"ms\":1}]}");
    try (OpenStackSimulator cloud = OpenStackSimulator.start()) {
      assertThatThrownBy(() -> new SimulatorDriver(cloud, Scenario.load(tooFar)))
          .isInstanceOf(ScenarioException.class)
          .hasMessage("Scenario " + tooFar + ", step 1 ('restart compute backend 3'): compute has "
              + "1 backend(s) in this simulator, so backend 3 does not exist");
      assertThatThrownBy(() -> new SimulatorDriver(cloud, Scenario.load(topology)))
          .isInstanceOf(ScenarioException.class)
          .hasMessageContaining("written for 2 compute backend(s), but the simulator has 1");
      assertThat(cloud.truth().steps()).isEmpty();
    }
  }

  @Test
  void unknownBuiltinsAndMissingFilesAreExplained() {
    assertThatThrownBy(() -> Scenario.resolve("no-such-scenario"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("neither a readable file nor a built-in scenario");
  }
}
