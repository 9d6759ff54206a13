package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.LatencyStats;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.VantagePoint;
import io.github.upgradejunit.internal.analysis.Verdict;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import java.util.Comparator;
import java.util.List;

/**
 * {@code summary.json}, schema version {@value #SCHEMA_VERSION}: the machine-readable verdict, documented
 * field by field in docs/report.md. Fields are only ever added; a change of meaning bumps the version.
 */
final class SummaryJson {

  static final int SCHEMA_VERSION = 1;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {
  }

  static ObjectNode of(RunData data, AnalysisResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("runId", data.run().id());
    root.put("runStart", time(data.run().createdAt()));
    putTime(root, "runEnd", data.run().closedAt());
    boolean started = data.events().stream().anyMatch(e -> "upgrade-started".equals(e.type()));
    root.put("upgradeStart", started ? time(result.window().startMicros()) : null);
    root.put("upgradeEnd", started ? time(result.window().endMicros()) : null);
    root.put("upgradeFailed", result.window().failed());
    root.put("upgradeFailure", result.window().failure());
    ArrayNode runners = root.putArray("runners");
    data.phases().stream().map(Rows.PhaseRecord::runner).distinct().sorted().forEach(runners::add);
    ArrayNode steps = root.putArray("steps");
    result.steps().forEach(s -> steps.addObject().put("name", s.label()).put("service", s.service())
        .put("host", s.host()).put("start", time(s.startMicros())).put("end", time(s.endMicros())));
    ObjectNode services = root.putObject("services");
    for (ServiceAnalysis s : result.services()) {
      services.set(s.service(), service(s, data));
    }
    root.set("resources", resources(data.resources()));
    root.set("requests", requests(data.ledger()));
    root.set("tests", tests(data.tests()));
    Verdict overall = result.overall();
    ObjectNode verdict = root.putObject("verdict");
    verdict.put("rolling", overall.rolling()).put("zeroDowntime", overall.zeroDowntime())
        .put("zeroImpact", overall.zeroImpact()).put("level", overall.level().key())
        .put("expected", result.expectation().expected().key()).put("met", result.expectation().met())
        .put("message", result.expectation().message());
    ArrayNode evidence = verdict.putArray("evidence");
    overall.findings().forEach(f -> evidence.add(f.text()));
    return root;
  }

  private static ObjectNode service(ServiceAnalysis s, RunData data) {
    ObjectNode node = JSON.createObjectNode();
    node.put("control", s.control());
    if (s.verdict() != null) {
      node.putObject("verdict").put("rolling", s.verdict().rolling()).put("zeroDowntime", s.verdict().zeroDowntime())
          .put("zeroImpact", s.verdict().zeroImpact()).put("level", s.verdict().level().key())
          .set("evidence", JSON.valueToTree(s.verdict().findings().stream().map(f -> f.text()).toList()));
    }
    node.putObject("downtime").put("totalMs", round(s.downtime().estimateMs()))
        .put("lowerMs", round(s.downtime().lowerMs())).put("upperMs", round(s.downtime().upperMs()))
        .put("probeIntervalMs", round(s.probeIntervalMs()));
    ArrayNode outages = node.putArray("outages");
    for (Outage o : s.outages()) {
      outages.addObject().put("start", time(o.startMicros())).put("end", time(o.endMicros()))
          .put("durationMs", round(o.estimateMs())).put("lowerMs", round(o.lowerMs())).put("upperMs", round(o.upperMs()))
          .put("errorClass", o.errorClass()).put("step", o.stepLabel()).put("failedSamples", o.failedSamples())
          .put("recovered", !o.openAtEnd()).put("testerSide", o.testerSide()).put("detail", o.detail());
    }
    node.set("vantagePoints", vantagePoints(s));
    ArrayNode gaps = node.putArray("monitoringGaps");
    s.gaps().forEach(g -> gaps.addObject().put("start", time(g.startMicros())).put("end", time(g.endMicros()))
        .put("durationMs", round(g.durationMs())));
    node.putObject("probes").put("samples", s.samples()).put("failed", s.failedSamples())
        .put("http5xx", s.http5xxSamples());
    ObjectNode availability = node.putObject("availability");
    s.availability().forEach(a -> availability.put(a.phase().key(), a.availabilityPercent()));
    ObjectNode latency = node.putObject("latency");
    for (LatencyStats l : s.latency()) {
      latency.putObject(l.phase().key()).put("count", l.count()).put("p50Ms", l.p50Ms()).put("p95Ms", l.p95Ms())
          .put("p99Ms", l.p99Ms()).put("maxMs", l.maxMs()).put("p99LowerMs", l.p99LowerMs())
          .put("p99UpperMs", l.p99UpperMs());
    }
    var c = s.latencyComparison();
    node.putObject("latencyChange").put("tested", c.tested()).put("p", c.p()).put("cliffsDelta", c.cliffsDelta())
        .put("degraded", c.degraded());
    ArrayNode checks = node.putArray("duringChecks");
    s.checks().forEach(k -> checks.addObject().put("check", k.checkId()).put("iterations", k.iterations())
        .put("failed", k.failed()).put("firstError", k.firstError()));
    List<Rows.Version> versions = data.versions().stream().filter(v -> v.service().equals(s.service())).toList();
    ObjectNode v = node.putObject("versions");
    v.put("before", versions.isEmpty() ? null : label(versions.get(0)));
    v.put("after", versions.isEmpty() ? null : label(versions.get(versions.size() - 1)));
    return node;
  }

  /** Per runner: its own outages and who else saw them; empty when one runner probed the service. */
  private static ArrayNode vantagePoints(ServiceAnalysis s) {
    ArrayNode points = JSON.createArrayNode();
    for (VantagePoint v : s.vantagePoints()) {
      ObjectNode point = points.addObject().put("runner", v.runner()).put("samples", v.samples())
          .put("failed", v.failedSamples());
      point.putObject("downtime").put("totalMs", round(v.downtime().estimateMs()))
          .put("lowerMs", round(v.downtime().lowerMs())).put("upperMs", round(v.downtime().upperMs()));
      ArrayNode outages = point.putArray("outages");
      for (VantagePoint.Sighting sighting : v.outages()) {
        Outage o = sighting.outage();
        ObjectNode outage = outages.addObject().put("start", time(o.startMicros())).put("end", time(o.endMicros()))
            .put("durationMs", round(o.estimateMs())).put("lowerMs", round(o.lowerMs()))
            .put("upperMs", round(o.upperMs())).put("errorClass", o.errorClass())
            .put("failedSamples", o.failedSamples()).put("everyVantagePoint", sighting.everyVantagePoint());
        sighting.seenBy().forEach(outage.putArray("seenBy")::add);
      }
    }
    return points;
  }

  private static String label(Rows.Version v) {
    return v.version() + (v.releaseName() == null ? "" : " (" + v.releaseName() + ")");
  }

  private static ObjectNode resources(List<RunData.ResourceView> resources) {
    ObjectNode node = JSON.createObjectNode();
    node.put("created", resources.stream().filter(r -> r.id() != null).count());
    node.put("intact", resources.stream().filter(r -> "intact".equals(r.verdict())).count());
    node.put("affected", resources.stream().filter(r -> "affected".equals(r.verdict())).count());
    node.put("gone", resources.stream().filter(r -> "gone".equals(r.verdict())).count());
    node.put("leaked", resources.stream().filter(r -> "leaked".equals(r.state())).count());
    ArrayNode list = node.putArray("items");
    resources.forEach(r -> list.addObject().put("name", r.name()).put("service", r.service()).put("type", r.type())
        .put("id", r.id()).put("state", r.state()).put("verdict", r.verdict()).put("details", r.details()));
    return node;
  }

  private static ObjectNode requests(List<Rows.LedgerEntry> ledger) {
    ObjectNode node = JSON.createObjectNode();
    node.put("accepted", ledger.stream().filter(e -> "ACCEPTED".equals(e.answer())).count());
    node.put("honored", ledger.stream().filter(e -> "HONORED".equals(e.fate())).count());
    node.put("lost", ledger.stream().filter(e -> "ACCEPTED".equals(e.answer()) && "LOST".equals(e.fate())).count());
    node.put("rejected5xx", ledger.stream().filter(e -> "REJECTED_5XX".equals(e.answer())).count());
    return node;
  }

  private static ObjectNode tests(List<Rows.TestResult> tests) {
    ObjectNode node = JSON.createObjectNode();
    node.put("passed", tests.stream().filter(t -> "SUCCESSFUL".equals(t.status())).count());
    node.put("failed", tests.stream().filter(t -> "FAILED".equals(t.status())).count());
    node.put("skipped", tests.stream().filter(t -> "SKIPPED".equals(t.status()) || "ABORTED".equals(t.status())).count());
    ArrayNode failures = node.putArray("failures");
    tests.stream().filter(t -> "FAILED".equals(t.status())).sorted(Comparator.comparing(Rows.TestResult::startedAt))
        .forEach(t -> failures.addObject().put("phase", t.phase()).put("test", t.displayName())
            .put("message", firstLine(t.error())));
    return node;
  }

  static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static String time(long micros) {
    return Micros.toInstant(micros).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }

  private static void putTime(ObjectNode node, String field, Long micros) {
    node.put(field, micros == null ? null : time(micros));
  }

  private static double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
