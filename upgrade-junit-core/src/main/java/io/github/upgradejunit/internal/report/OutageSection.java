package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.MonitoringGap;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.VantagePoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Every outage with its bounds, error class and the upgrade step it began in, and every monitoring
 * gap. A flapping service lists its first {@value #MAX_ROWS} outages; summary.json has them all.
 * When several runners probed a service, its outages are those every vantage point saw, and a
 * second table shows each vantage point: its outages, and which runners saw each.
 */
final class OutageSection {

  static final int MAX_ROWS = 100;

  private OutageSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"outages\"><h2>Outages</h2>");
    long total = m.services().stream().mapToLong(s -> s.outages().size()).sum();
    if (total == 0) {
      out.append("<p class=\"ok-note\">No probe failed: no outage in any service.</p>");
    } else {
      out.append("<p class=\"lead\">Start and end are estimates midway between the samples around each edge; the "
          + "true duration lies within the bounds. Times are relative to the upgrade start (hover for UTC).</p>");
      out.append(outageTable(m));
    }
    vantagePoints(out, m);
    gaps(out, m);
    out.append("</section>");
  }

  private static void vantagePoints(StringBuilder out, ReportModel m) {
    if (m.services().stream().allMatch(s -> s.vantagePoints().isEmpty())) {
      return;
    }
    out.append("<h3>Vantage points</h3><p class=\"lead\">Several runners probed the same services. The outages "
        + "above are those <em>every</em> vantage point saw: outages of the service. An outage only some saw "
        + "points at the network between those runners and the service (or at the runners), and is not counted "
        + "as downtime.</p>");
    HtmlTable summary = new HtmlTable("vantage-points", "Service", "Runner", "#Samples", "#Failed", "#Outages",
        "#Downtime", "#Seen only here");
    for (ServiceAnalysis s : m.services()) {
      for (VantagePoint v : s.vantagePoints()) {
        summary.row(escape(s.service()), escape(v.runner()), Html.count(v.samples()), Html.count(v.failedSamples()),
            Html.count(v.outages().size()), Durations.format(v.downtime().estimateMs()), Html.count(v.partial().size()));
      }
    }
    out.append(summary.close());
    HtmlTable partial = new HtmlTable("partial-outages", "Service", "Runner", "Start", "End", "#Duration",
        "#Bounds", "Error", "Seen by", "Not seen by");
    int rows = 0;
    for (ServiceAnalysis s : m.services()) {
      List<String> runners = s.vantagePoints().stream().map(VantagePoint::runner).toList();
      for (VantagePoint v : s.vantagePoints()) {
        for (VantagePoint.Sighting p : v.partial()) {
          if (rows++ < MAX_ROWS) {
            Outage o = p.outage();
            partial.row(escape(s.service()), escape(v.runner()), moment(m, o.startMicros()), moment(m, o.endMicros()),
                "<strong>" + Durations.format(o.estimateMs()) + "</strong>",
                Durations.format(o.lowerMs()) + " \u2013 " + Durations.format(o.upperMs()),
                "<code>" + escape(o.errorClass()) + "</code>", escape(String.join(", ", p.seenBy())),
                escape(String.join(", ", runners.stream().filter(r -> !p.seenBy().contains(r)).toList())));
          }
        }
      }
    }
    if (rows > 0) {
      out.append("<h3>Outages seen from only some vantage points</h3>").append(partial.close());
    }
  }

  private static String outageTable(ReportModel m) {
    HtmlTable table = new HtmlTable("outages", "Service", "Start", "End", "#Duration", "#Bounds", "Error",
        "Step", "#Failed samples", "Phase", "Tester-side", "Notes");
    for (ServiceAnalysis s : m.services()) {
      List<Outage> outages = s.outages();
      for (Outage o : outages.subList(0, Math.min(MAX_ROWS, outages.size()))) {
        table.rowWithClass(o.testerSide() ? "muted-row" : null, escape(s.service()), moment(m, o.startMicros()),
            moment(m, o.endMicros()), "<strong>" + Durations.format(o.estimateMs()) + "</strong>",
            Durations.format(o.lowerMs()) + " \u2013 " + Durations.format(o.upperMs()),
            "<code>" + escape(o.errorClass()) + "</code>", escape(o.stepLabel()), Html.count(o.failedSamples()),
            o.phase().key(), o.testerSide() ? "<span class=\"tag\">yes</span>" : "no", notes(o));
      }
      if (outages.size() > MAX_ROWS) {
        table.note(escape(s.service()) + ": " + Html.count(outages.size() - MAX_ROWS)
            + " more outages, listed in summary.json");
      }
    }
    return table.close();
  }

  private static String moment(ReportModel m, long micros) {
    return "<span title=\"" + Html.clockMillis(micros) + " UTC\">" + escape(m.offset(micros)) + "</span>";
  }

  private static String notes(Outage o) {
    List<String> notes = new ArrayList<>();
    if (o.openAtEnd()) {
      notes.add("<span class=\"tag bad\">never recovered</span>");
    }
    if (o.censored()) {
      notes.add("<span class=\"tag\" title=\"an edge touches the start or end of the data or a monitoring gap; "
          + "the outage may be longer\">censored</span>");
    }
    if (o.detail() != null && !o.detail().isBlank()) {
      notes.add("<span class=\"detail\">" + escape(Html.shorten(o.detail(), 120)) + "</span>");
    }
    return String.join(" ", notes);
  }

  private static void gaps(StringBuilder out, ReportModel m) {
    long total = m.services().stream().mapToLong(s -> s.gaps().size()).sum();
    if (total == 0) {
      return;
    }
    out.append("<h3>Monitoring gaps</h3><p class=\"lead\">Stretches without any sample: neither up nor down. "
        + "A gap inside the upgrade window means zero-downtime cannot be proven.</p>");
    HtmlTable table = new HtmlTable("gaps", "Service", "From", "To", "#Length");
    for (ServiceAnalysis s : m.services()) {
      for (MonitoringGap g : s.gaps().subList(0, Math.min(MAX_ROWS, s.gaps().size()))) {
        table.row(escape(s.service()), moment(m, g.startMicros()), moment(m, g.endMicros()),
            Durations.format(g.durationMs()));
      }
    }
    out.append(table.close());
  }
}
