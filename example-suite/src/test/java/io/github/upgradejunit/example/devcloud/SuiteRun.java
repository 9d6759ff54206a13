package io.github.upgradejunit.example.devcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example suite run through a whole upgrade in a JVM of its own, as a user runs it against
 * their cloud: {@code OS_CLIENT_CONFIG_FILE} and {@code upgrade.cloud} name the cloud,
 * {@code upgrade.command} is the upgrade. What it leaves: its exit code, console, store and report.
 */
final class SuiteRun {

  /** Our probes' deadline on the devcloud; the witness waits as long. */
  static final int DEADLINE_SECONDS = 5;

  final int exitCode;
  final Path directory;
  final JsonNode summary;

  private SuiteRun(int exitCode, Path directory, JsonNode summary) {
    this.exitCode = exitCode;
    this.directory = directory;
    this.summary = summary;
  }

  static Builder in(Path directory, Devcloud cloud) {
    return new Builder(directory, cloud);
  }

  /** The console output of the run. */
  String console() throws IOException {
    return Files.readString(directory.resolve("console.txt"));
  }

  JsonNode service(String name) {
    return summary.path("services").path(name);
  }

  /** Builds and starts a run. */
  static final class Builder {
    private final Path directory;
    private final Devcloud cloud;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(Path directory, Devcloud cloud) {
      this.directory = directory;
      this.cloud = cloud;
      properties.put("upgrade.cloud", Devcloud.MEMBER);
      properties.put("upgrade.openstack.admin.cloud", Devcloud.ADMIN);
      properties.put("upgrade.phase", "all");
      properties.put("upgrade.store", "jdbc:sqlite:" + directory.resolve("upgrade.db"));
      properties.put("upgrade.report.dir", directory.resolve("report").toString());
      properties.put("upgrade.control.port", "0");
      properties.put("upgrade.probe.baseline", "5s");
      properties.put("upgrade.probe.tail", "5s");
      // The devcloud is small: four single-threaded Keystone workers on two cores shared with this
      // JVM, and every identity sample is a Keystone call (a token validation, the default). 2/s
      // leaves it room; the bounds widen to 500 ms, which the outages here (seconds) dwarf.
      properties.put("upgrade.probe.rate", "2");
      // ... and while a Keystone backend restarts, the other one's answers take up to ~2 s here:
      // slow, not down, so the deadline is 5 s rather than 2 s (see docs/real-cloud.md)
      properties.put("upgrade.probe.deadline", DEADLINE_SECONDS + "s");
      // the devcloud boots a server in seconds; one whose build a Keystone restart broke stays in
      // BUILD, and the during check would wait the default 5 minutes for it
      properties.put("upgrade.openstack.server.timeout", "60s");
      properties.put("allure.results.directory", directory.resolve("allure-results").toString());
    }

    Builder with(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** Run to the end (at most ten minutes) and read its summary. */
    SuiteRun run() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add(SuiteMain.class.getName());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(directory.resolve("console.txt").toFile());
      builder.environment().put("OS_CLIENT_CONFIG_FILE", cloud.cloudsYaml.toString());
      builder.environment().remove("OS_CLOUD");
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the example suite did not finish within 10 minutes; see "
            + directory.resolve("console.txt"));
      }
      Path summaryFile = directory.resolve("report/summary.json");
      if (!Files.exists(summaryFile)) {
        throw new AssertionError("the run wrote no summary.json (exit " + process.exitValue() + "):\n"
            + Files.readString(directory.resolve("console.txt")));
      }
      return new SuiteRun(process.exitValue(), directory, new ObjectMapper().readTree(summaryFile.toFile()));
    }
  }
}
