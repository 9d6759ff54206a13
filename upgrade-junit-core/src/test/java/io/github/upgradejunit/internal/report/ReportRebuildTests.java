package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.cli.UpgradeJunitCli;
import io.github.upgradejunit.internal.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --run ID} rebuilds a run's report from the store alone: the same {@code summary.json}
 * as the after phase wrote, but for {@code runEnd} (the after phase writes the report just before it
 * closes the run), and the same HTML sections.
 */
class ReportRebuildTests {

  @TempDir
  static Path directory;
  static String url;
  static SyntheticRun run;
  static JsonNode original;

  @BeforeAll
  static void reportAsTheAfterPhaseDoes() throws Exception {
    url = ReportFixtures.storeUrl(directory);
    try (Store store = Store.open(url)) {
      run = SyntheticRun.realistic("20261125T102400-9d0e", ReportFixtures.CURRENT_START)
          .withWindow(Duration.ofMinutes(2)).writeTo(store, url);
      RunReporter.write(store, run.runId, directory.resolve("original"), ReportFixtures.expecting("zero-downtime"));
      run.close(store, url);
    }
    original = read(directory.resolve("original"));
  }

  @Test
  void theRebuiltSummaryEqualsTheOriginalButForTheRunEnd() throws Exception {
    String output = rebuild("rebuilt", "zero-downtime");

    JsonNode rebuilt = read(directory.resolve("rebuilt"));
    assertThat(output).contains("report of run " + run.runId);
    assertThat(original.get("runEnd").isNull()).isTrue();
    assertThat(rebuilt.get("runEnd").asText()).isEqualTo(SummaryJson.time(run.monitoringEnd() + 5_000_000));
    assertThat(without(rebuilt, "runEnd")).isEqualTo(without(original, "runEnd"));
    assertThat(Files.readString(directory.resolve("rebuilt").resolve("index.html")))
        .contains("<section id=\"verdicts\">", "<svg class=\"timeline\"", run.runId);
  }

  @Test
  void withoutAnExpectationTheRunIsJudgedByTheOneItsReportWasMadeWith() throws Exception {
    rebuild("rebuilt-without-expectation", null);

    JsonNode rebuilt = read(directory.resolve("rebuilt-without-expectation"));
    assertThat(rebuilt.get("verdict").get("expected").asText()).isEqualTo("zero-downtime");
    assertThat(without(rebuilt, "runEnd")).isEqualTo(without(original, "runEnd"));
  }

  @Test
  void withAnotherExpectationOnlyTheExpectationFieldsDiffer() throws Exception {
    rebuild("rebuilt-with-another-expectation", "none");

    JsonNode rebuilt = read(directory.resolve("rebuilt-with-another-expectation"));
    assertThat(rebuilt.get("verdict").get("expected").asText()).isEqualTo("none");
    assertThat(rebuilt.get("verdict").get("met").asBoolean()).isTrue();
    ObjectNode expected = without(original, "runEnd");
    ObjectNode actual = without(rebuilt, "runEnd");
    for (String field : Set.of("expected", "met", "message")) {
      ((ObjectNode) expected.get("verdict")).remove(field);
      ((ObjectNode) actual.get("verdict")).remove(field);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String rebuild(String into, String expectation) {
    String previous = System.getProperty("upgrade.expect");
    if (expectation == null) {
      System.clearProperty("upgrade.expect");
    } else {
      System.setProperty("upgrade.expect", expectation);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      UpgradeJunitCli.run(new String[] {"report", "--run", run.runId, "--store", url, "--dir",
          directory.resolve(into).toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      if (previous == null) {
        System.clearProperty("upgrade.expect");
      } else {
        System.setProperty("upgrade.expect", previous);
      }
    }
  }

  private static JsonNode read(Path reportDirectory) throws Exception {
    return SummaryJson.JSON.readTree(reportDirectory.resolve("summary.json").toFile());
  }

  private static ObjectNode without(JsonNode summary, String field) {
    ObjectNode copy = summary.deepCopy();
    copy.remove(field);
    return copy;
  }
}
