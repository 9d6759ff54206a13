package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.LatencyStats;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.ResourceCounts;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import java.nio.file.Path;
import java.util.Comparator;

/** The table printed at the end of an invocation: one line per service, then the overall verdict. */
final class ConsoleSummary {

  private ConsoleSummary() {
  }

  static String render(RunData data, AnalysisResult result, Path report) {
    StringBuilder out = new StringBuilder();
    String rule = "-".repeat(118);
    out.append('\n').append(rule).append('\n');
    out.append(String.format(" Upgrade JUnit  run %s%n", data.run().id()));
    out.append(rule).append('\n');
    out.append(String.format(" %-14s %-14s %-24s %-26s %-17s %-9s %-7s%n", "service", "verdict", "downtime [bounds]",
        "worst outage", "p99 before/during", "resources", "ledger"));
    for (ServiceAnalysis s : result.services()) {
      out.append(String.format(" %-14s %-14s %-24s %-26s %-17s %-9s %-7s%n", s.service(),
          s.control() ? "(control)" : s.verdict().level().key(), s.downtime().text(), worst(s), p99(s),
          resources(s.resources()), s.ledger().accepted() == 0 ? "-"
              : s.ledger().honored() + "/" + s.ledger().accepted()));
    }
    out.append(rule).append('\n');
    out.append(String.format(" overall: %s    expected: %s -> %s%n", result.overall().level().key(),
        result.expectation().expected().key(), result.expectation().met() ? "MET" : "NOT MET"));
    if (!result.expectation().met()) {
      out.append(' ').append(result.expectation().message().replace("\n", "\n ")).append('\n');
      out.append(" everything that fell short of zero-impact:\n");
      for (ServiceAnalysis s : result.services()) {
        if (!s.control() && !s.verdict().zeroImpact()) {
          out.append("   ").append(s.service()).append(": ").append(s.verdict().shortfall(Level.ZERO_IMPACT)).append('\n');
        }
      }
    }
    result.runFailures().forEach(f -> out.append(" ! ").append(f).append('\n'));
    out.append(" report: ").append(report.resolve("index.html")).append('\n');
    out.append(rule).append('\n');
    return out.toString();
  }

  private static String worst(ServiceAnalysis s) {
    return s.outages().stream().max(Comparator.comparingDouble(Outage::estimateMs))
        .map(o -> Durations.format(o.estimateMs()) + " " + o.errorClass() + " @" + o.stepLabel())
        .map(text -> text.length() > 26 ? text.substring(0, 25) + "~" : text)
        .orElse("-");
  }

  private static String p99(ServiceAnalysis s) {
    return ms(s, Phase.BEFORE) + "/" + ms(s, Phase.DURING);
  }

  private static String ms(ServiceAnalysis s, Phase phase) {
    return s.latency().stream().filter(l -> l.phase() == phase).findFirst().map(LatencyStats::p99Ms)
        .map(v -> Durations.format(v)).orElse("-");
  }

  private static String resources(ResourceCounts r) {
    return r.created() == 0 ? "-" : r.intact() + "/" + r.created() + " ok";
  }
}
