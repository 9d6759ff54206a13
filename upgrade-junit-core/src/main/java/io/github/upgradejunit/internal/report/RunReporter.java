package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.analysis.Analysis;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyses a run from the store alone and writes its report: {@code summary.json},
 * {@code index.html} and the console table. Returns the run-level checks the engine reports as
 * tests (one per service verdict, and the expectation).
 */
public final class RunReporter {

  /**
   * One run-level check, reported as a test of the after phase, with what to attach to that test in
   * Allure (see {@link AllureAttachments}).
   */
  public record Check(String id, String name, boolean passed, String message, List<Attachment> attachments) {
  }

  /** A file attached to a check's test result: its name, MIME type, file extension and content. */
  public record Attachment(String name, String mimeType, String extension, byte[] content) {
  }

  /** What the report concluded. */
  public record Outcome(boolean met, List<Check> checks, Path directory) {
  }

  private RunReporter() {
  }

  /** Analyse the run and write every report file into the directory. */
  public static Outcome write(Store store, String runId, Path directory, UpgradeConfiguration config) {
    Level expected = expectation(store, runId, config);
    RunData data = RunData.load(store, runId, expected,
        Boolean.parseBoolean(config.get(CoreKeys.TESTER_SIDE_COUNTS)),
        config.find(CoreKeys.EXPECT_RELEASE).orElse(null));
    AnalysisResult result = Analysis.of(data.input());
    ObjectNode summary = SummaryJson.of(data, result);
    ReportModel model;
    String json;
    try {
      Files.createDirectories(directory);
      json = SummaryJson.JSON.writeValueAsString(summary);
      Files.writeString(directory.resolve("summary.json"), json, StandardCharsets.UTF_8);
      store.saveSummary(runId, json);
      model = ReportModel.of(data, result, summary, store.summaries(), store.location());
      Files.writeString(directory.resolve("index.html"), HtmlReport.render(model), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write summary.json: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report to " + directory + ": " + e.getMessage(), e);
    }
    System.out.print(ConsoleSummary.render(data, result, directory));
    return new Outcome(result.expectation().met() && result.runFailures().isEmpty(),
        checks(result, expected, model, json), directory);
  }

  /**
   * The expectation a run is judged by: the one this call sets ({@code upgrade.expect}), else the
   * one its report was last made with, so that a report made again later (by {@code report --run})
   * judges the run as its after phase did; else the default.
   */
  private static Level expectation(Store store, String runId, UpgradeConfiguration config) {
    if (config.explicitValues().containsKey(CoreKeys.EXPECT.name())) {
      return Level.parse(config.get(CoreKeys.EXPECT));
    }
    return store.summary(runId).flatMap(RunReporter::expectedIn)
        .orElseGet(() -> Level.parse(config.get(CoreKeys.EXPECT)));
  }

  private static Optional<Level> expectedIn(String summaryJson) {
    try {
      JsonNode expected = SummaryJson.JSON.readTree(summaryJson).path("verdict").path("expected");
      return expected.isTextual() ? Optional.of(Level.parse(expected.asText())) : Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty(); // an unreadable old summary: judge by the default
    }
  }

  private static List<Check> checks(AnalysisResult result, Level expected, ReportModel model, String json) {
    List<Check> checks = new ArrayList<>();
    for (ServiceAnalysis s : result.services()) {
      if (s.control()) {
        continue;
      }
      boolean met = s.verdict().level().atLeast(expected);
      String name = s.service() + " verdict: " + s.verdict().level().key();
      String message = met ? name : s.service() + " is " + s.verdict().level().key() + ", expected " + expected.key()
          + ": " + s.verdict().shortfall(expected);
      checks.add(new Check(s.service(), name, met, message, VerdictAttachments.forService(model, s)));
    }
    if (!result.runFailures().isEmpty()) {
      checks.add(new Check("cleanup", "nothing leaked", false, String.join("; ", result.runFailures()), List.of()));
    }
    checks.add(new Check("overall", "overall verdict: " + result.overall().level().key()
        + (expected == Level.NONE ? "" : " (expected " + expected.key() + ")"), result.expectation().met(),
        result.expectation().message(), VerdictAttachments.forRun(model, json)));
    return checks;
  }
}
