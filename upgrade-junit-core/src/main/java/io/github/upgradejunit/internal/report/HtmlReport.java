package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.Expectation;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.Rules;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The self-contained {@code index.html}: one file with inline CSS and SVG, no script and no
 * network (it opens from a CI artifact, an e-mail or a USB stick, and prints). Its size is bounded
 * whatever the number of samples: timelines are downsampled and long lists are capped, with the
 * complete data in {@code summary.json}.
 */
final class HtmlReport {

  private HtmlReport() {
  }

  static String render(ReportModel m) {
    StringBuilder out = new StringBuilder(256 * 1024);
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escape("Upgrade report " + m.data().run().id() + ": "
            + levelText(m.result().overall().level()))).append("</title><style>").append(ReportStyle.CSS)
        .append("</style></head><body><main id=\"top\">");
    header(out, m);
    navigation(out);
    VerdictSection.render(out, m);
    TimelineSection.render(out, m);
    OutageSection.render(out, m);
    LatencySection.render(out, m);
    ResourceSection.render(out, m);
    LedgerSection.render(out, m);
    VersionSection.render(out, m);
    TestSection.render(out, m);
    TrendSection.render(out, m);
    footer(out, m);
    return out.append("</main></body></html>\n").toString();
  }

  private static String levelText(Level level) {
    return level == Level.NONE ? "not rolling" : level.key();
  }

  private static void header(StringBuilder out, ReportModel m) {
    Expectation e = m.result().expectation();
    out.append("<header class=\"run\"><div class=\"eyebrow\">Upgrade JUnit \u00b7 upgrade report</div>")
        .append("<h1>Run <code>").append(escape(m.data().run().id())).append("</code></h1>")
        .append("<div class=\"headline\"><span class=\"label\">Overall verdict</span> ")
        .append(VerdictSection.badge(m.result().overall().level()).replace("badge", "badge large"))
        .append("<span class=\"label\">Expected</span> ");
    if (e.expected() == Level.NONE) {
      out.append("<span class=\"muted\">nothing (upgrade.expect not set)</span>");
    } else {
      out.append("<strong>").append(e.expected().key()).append("</strong> ")
          .append(e.met() ? "<span class=\"badge good\">met</span>" : "<span class=\"badge bad\">not met</span>");
    }
    out.append("</div>");
    if (!e.met()) {
      out.append("<div class=\"callout bad\"><pre>").append(escape(e.message())).append("</pre></div>");
    }
    if (!m.result().runFailures().isEmpty()) {
      out.append("<div class=\"callout bad\"><strong>The run failed whatever the verdict:</strong><ul>");
      m.result().runFailures().forEach(f -> out.append("<li>").append(escape(f)).append("</li>"));
      out.append("</ul></div>");
    }
    facts(out, m);
    out.append("</header>");
  }

  private static void facts(StringBuilder out, ReportModel m) {
    Rows.Run run = m.data().run();
    out.append("<dl class=\"facts\">");
    fact(out, "Run started", Html.clock(run.createdAt()) + " UTC");
    if (run.closedAt() != null) {
      fact(out, "Run ended", Html.clock(run.closedAt()) + " UTC");
    }
    fact(out, "Monitoring", monitoring(m));
    fact(out, "Upgrade window", window(m));
    fact(out, "Upgrade steps", Html.count(m.result().steps().size()));
    long measured = m.services().stream().filter(s -> !s.control()).count();
    fact(out, "Services", measured + (measured == m.services().size() ? "" : " + "
        + (m.services().size() - measured) + " control"));
    fact(out, "Probe samples", Html.count(m.services().stream().mapToLong(ServiceAnalysis::samples).sum()));
    fact(out, "Runners", runners(m));
    fact(out, "Store", m.storeLocation());
    out.append("</dl>");
  }

  private static void fact(StringBuilder out, String name, String value) {
    out.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd></div>");
  }

  /** From the first to the last probe sample. */
  private static String monitoring(ReportModel m) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Sample s : m.data().input().samples()) {
      first = Math.min(first, s.intendedMicros());
      last = Math.max(last, s.intendedMicros());
    }
    if (first > last) {
      return "no probe samples";
    }
    return Html.clock(first).substring(11) + " \u2013 " + Html.clock(last).substring(11) + " UTC ("
        + Durations.formatMicros(last - first) + ")";
  }

  private static String window(ReportModel m) {
    if (!m.timeline().upgradeStarted()) {
      return "the upgrade never started";
    }
    long start = m.result().window().startMicros();
    long end = m.result().window().endMicros();
    return Html.clock(start).substring(11) + " \u2013 " + Html.clock(end).substring(11) + " UTC ("
        + Durations.formatMicros(end - start) + (m.result().window().failed() ? ", FAILED" : "") + ")";
  }

  private static String runners(ReportModel m) {
    Set<String> runners = new LinkedHashSet<>();
    for (Rows.PhaseRecord p : m.data().phases()) {
      runners.add(p.runner() + " (" + p.phase() + ")");
    }
    return runners.isEmpty() ? "none recorded" : String.join(", ", runners);
  }

  private static void navigation(StringBuilder out) {
    out.append("<nav class=\"toc\">");
    String[][] links = {{"verdicts", "Verdicts"}, {"timeline", "Timeline"}, {"outages", "Outages"},
        {"latency", "Latency"}, {"resources", "Resources"}, {"ledger", "Ledger"}, {"versions", "Versions"},
        {"tests", "Tests"}, {"trends", "Trends"}, {"method", "How to read"}};
    for (String[] link : links) {
      out.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
    }
    out.append("</nav>");
  }

  /** The median probe interval of the probed services. */
  private static double typicalProbeIntervalMs(ReportModel m) {
    double[] intervals = m.services().stream().filter(s -> s.samples() > 1)
        .mapToDouble(ServiceAnalysis::probeIntervalMs).sorted().toArray();
    return intervals.length == 0 ? Rules.DEFAULT_INTERVAL_MICROS / 1000.0 : intervals[intervals.length / 2];
  }

  private static void footer(StringBuilder out, ReportModel m) {
    double interval = typicalProbeIntervalMs(m);
    out.append("<footer id=\"method\"><h2>How to read this report</h2>")
        .append("<p><strong>Resolution.</strong> Downtime is measured by background probes: each service is ")
        .append("probed open-loop, one request every ").append(Durations.format(interval))
        .append(" per series (the observed spacing; each timeline names its own). A probe sees the API at the moment ")
        .append("it is sent, so an outage's true length lies between its <em>lower bound</em> (first to last failed ")
        .append("sample) and its <em>upper bound</em> (last good sample before to first good sample after). The ")
        .append("<em>estimate</em> is their midpoint and is within one probe interval of the truth. An outage shorter ")
        .append("than one interval can go unseen; one of two intervals or more never does.</p>")
        .append("<p><strong>Latency.</strong> Successful samples only; nearest-rank percentiles; the p99 has a ")
        .append("distribution-free 95 % confidence interval from order statistics. Zero-impact needs no significant ")
        .append("degradation during versus before (one-sided Mann-Whitney U with Cliff's \u03b4 as the effect size).")
        .append("</p><p><strong>Timelines</strong> group samples into ").append(SampleDigest.TIMELINE_BUCKETS)
        .append(" slots per service and during-check iterations into ").append(CheckTicks.SLOTS)
        .append(" slots. Times are UTC; T+ counts from upgrade-started. Long tables are capped; <code>summary.json")
        .append("</code> beside this page has every outage and finding in machine-readable form (schema version ")
        .append(SummaryJson.SCHEMA_VERSION).append(").</p>")
        .append("<p class=\"muted small\">Generated by Upgrade JUnit at ").append(Html.clock(Micros.now()))
        .append(" UTC from the store ").append(escape(m.storeLocation()))
        .append(". <a href=\"#top\">Back to top</a></p></footer>");
  }
}
