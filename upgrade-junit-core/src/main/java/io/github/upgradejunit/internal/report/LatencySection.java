package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.LatencyComparison;
import io.github.upgradejunit.internal.analysis.LatencyStats;
import io.github.upgradejunit.internal.analysis.PhaseAvailability;
import io.github.upgradejunit.internal.analysis.Rules;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import java.util.Locale;

/**
 * Latency and availability per service and phase: the exact percentiles from the analysis (p99 with
 * its confidence interval), the shape of each phase's distribution, and the during-versus-before
 * test that decides zero-impact.
 */
final class LatencySection {

  private LatencySection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"latency\"><h2>Latency and availability per phase</h2>");
    out.append("<p class=\"lead\">Successful probe samples only: a failed request measures a timeout, not the "
        + "service. Percentiles are nearest-rank; the p99 comes with a distribution-free 95 % confidence "
        + "interval. The histograms share one logarithmic axis per service; the red mark is the p99.</p>");
    for (ServiceAnalysis s : m.services()) {
      service(out, s, m.digest().service(s.service()));
    }
    out.append("</section>");
  }

  private static void service(StringBuilder out, ServiceAnalysis s, SampleDigest.ServiceDigest digest) {
    out.append("<div class=\"latency-service\"><h3>").append(escape(s.service()))
        .append(s.control() ? " <span class=\"muted\">(control probe)</span>" : "").append("</h3>");
    LatencyCharts.Range range = LatencyCharts.Range.of(digest.latencyByPhase);
    out.append("<div class=\"grid2\"><div>").append(table(s, digest, range)).append(comparison(s))
        .append("</div><div class=\"figure\">").append(LatencyCharts.cdf(s.service(), digest.latencyByPhase, range))
        .append("</div></div></div>");
  }

  private static String table(ServiceAnalysis s, SampleDigest.ServiceDigest digest, LatencyCharts.Range range) {
    HtmlTable table = new HtmlTable("latency", "Phase", "#Samples", "#Availability", "#p50", "#p95",
        "#p99 [95 % CI]", "#max", "Distribution");
    for (Phase phase : Phase.values()) {
      LatencyStats l = LatencyCharts.of(s.latency(), phase);
      PhaseAvailability a = s.availability().stream().filter(x -> x.phase() == phase).findFirst().orElse(null);
      table.row("<span class=\"phase p" + phase.ordinal() + "\">" + phase.key() + "</span>",
          a == null ? "" : Html.count(a.samples()), availability(a), ms(l.p50Ms()), ms(l.p95Ms()), p99(l),
          ms(l.maxMs()), LatencyCharts.histogram(digest.latencyByPhase[phase.ordinal()], range, l, phase));
    }
    return table.close();
  }

  private static String availability(PhaseAvailability a) {
    if (a == null || a.availabilityPercent() == null) {
      return "<span class=\"muted\">n/a</span>";
    }
    String css = a.failed() == 0 ? "good-text" : "bad-text";
    return "<span class=\"" + css + "\" title=\"" + Html.count(a.failed()) + " of " + Html.count(a.samples())
        + " samples failed\">" + Html.percent(a.availabilityPercent()) + "</span>";
  }

  private static String ms(Double value) {
    return value == null ? "<span class=\"muted\">\u2013</span>" : Durations.format(value);
  }

  private static String p99(LatencyStats l) {
    if (l.p99Ms() == null) {
      return ms(null);
    }
    String ci = "[" + (l.p99LowerMs() == null ? "?" : Durations.format(l.p99LowerMs())) + ", "
        + (l.p99UpperMs() == null ? "?" : Durations.format(l.p99UpperMs())) + "]";
    String why = l.p99UpperMs() == null ? " title=\"the upper bound needs at least 368 samples\"" : "";
    return "<strong>" + Durations.format(l.p99Ms()) + "</strong> <span class=\"muted\"" + why + ">" + ci + "</span>";
  }

  private static String comparison(ServiceAnalysis s) {
    LatencyComparison c = s.latencyComparison();
    if (!c.tested()) {
      return "<p class=\"compare\">During vs before: <strong>not compared</strong> \u2013 "
          + Html.count(c.beforeCount()) + " successful samples before and " + Html.count(c.duringCount())
          + " during the upgrade; " + Rules.MIN_LATENCY_SAMPLES + " each are needed.</p>";
    }
    String outcome = c.degraded() ? "<span class=\"bad-text\"><strong>degraded</strong></span>"
        : "<span class=\"good-text\"><strong>no significant degradation</strong></span>";
    String negligible = !c.degraded() && c.p() != null && c.p() < Rules.SIGNIFICANCE
        ? " (significant but negligible)" : "";
    return "<p class=\"compare\">During vs before: " + outcome + negligible + " \u2013 one-sided Mann-Whitney U, "
        + "p = " + Html.pValue(c.p()) + ", Cliff's \u03b4 = "
        + String.format(Locale.ROOT, "%.3f", c.cliffsDelta()) + " (degraded means p &lt; " + Rules.SIGNIFICANCE
        + " and \u03b4 \u2265 " + Rules.MIN_CLIFFS_DELTA + ").</p>";
  }
}
