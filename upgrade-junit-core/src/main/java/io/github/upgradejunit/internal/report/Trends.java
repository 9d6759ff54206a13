package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one store side by side, read from the {@code summary.json} each run saved (so old runs
 * are never re-analysed, and a summary of an older schema still shows what it has): per run the
 * overall verdict and expectation, and per service the downtime and the p99 during the upgrade.
 */
final class Trends {

  /** How many runs the trend shows, the newest ones. */
  static final int MAX_RUNS = 30;
  static final int MAX_SERVICES = 8;

  /** One service in one run. */
  record ServicePoint(Double downtimeMs, Double p99Ms, String level) {
  }

  /** One run. */
  record RunPoint(String runId, String start, String level, String expected, Boolean met,
      Map<String, ServicePoint> services) {
  }

  private Trends() {
  }

  /** The newest {@link #MAX_RUNS} runs, oldest first; summaries that do not parse are left out. */
  static List<RunPoint> of(List<String> summaries) {
    List<RunPoint> runs = new ArrayList<>();
    int from = Math.max(0, summaries.size() - MAX_RUNS);
    for (String json : summaries.subList(from, summaries.size())) {
      try {
        runs.add(point(SummaryJson.JSON.readTree(json)));
      } catch (java.io.IOException | RuntimeException unreadable) {
        // a summary written by something else; a trend shows what it can
      }
    }
    return runs;
  }

  private static RunPoint point(JsonNode root) {
    Map<String, ServicePoint> services = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("services").properties()) {
      JsonNode s = e.getValue();
      if (!s.path("control").asBoolean(false)) {
        services.put(e.getKey(), new ServicePoint(number(s.path("downtime").path("totalMs")),
            number(s.path("latency").path("during").path("p99Ms")), text(s.path("verdict").path("level"))));
      }
    }
    JsonNode verdict = root.path("verdict");
    return new RunPoint(text(root.path("runId")), text(root.path("runStart")), text(verdict.path("level")),
        text(verdict.path("expected")), verdict.path("met").isBoolean() ? verdict.path("met").asBoolean() : null,
        services);
  }

  /** The services of the runs, in order of first appearance, at most {@link #MAX_SERVICES}. */
  static List<String> services(List<RunPoint> runs) {
    List<String> names = new ArrayList<>();
    for (RunPoint run : runs) {
      for (String name : run.services().keySet()) {
        if (!names.contains(name) && names.size() < MAX_SERVICES) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
