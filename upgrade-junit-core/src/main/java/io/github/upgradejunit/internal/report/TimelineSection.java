package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.ServiceAnalysis;

/**
 * The timelines: the upgrade's steps, then one timeline per service on the same time axis, each
 * followed by close-ups of its longest outages at sample resolution.
 */
final class TimelineSection {

  private TimelineSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"timeline\"><h2>Timeline</h2>");
    out.append("<p class=\"lead\">Time runs left to right across the whole run, the same for every service; "
        + "<span class=\"window-key\">shaded</span> is the upgrade window. Probe samples are grouped into at most ")
        .append(SampleDigest.TIMELINE_BUCKETS).append(" slots per service; hover over a mark for details.</p>");
    out.append("<div class=\"figure\">").append(Legend.page()).append("</div>");
    out.append("<div class=\"figure\">").append(UpgradeOverviewSvg.render(m.timeline(), m.iterationsOf(null)))
        .append("</div>");
    int index = 0;
    for (ServiceAnalysis s : m.services()) {
      out.append("<div class=\"figure service-timeline\">").append(m.timelineSvg(s, "t" + index++ + "-", false))
          .append("</div>");
      closeUps(out, m, s);
    }
    out.append("</section>");
  }

  private static void closeUps(StringBuilder out, ReportModel m, ServiceAnalysis s) {
    var closeUps = m.digest().service(s.service()).closeUps;
    if (closeUps.isEmpty()) {
      return;
    }
    out.append("<div class=\"closeups\"><p class=\"caption\">Close-up at sample resolution: each tick is one probe "
        + "sample (red failed). The true outage lies within the upper bound; the estimate is within one probe "
        + "interval of it.</p>");
    for (SampleDigest.CloseUp c : closeUps) {
      out.append("<div class=\"figure\">").append(OutageCloseUpSvg.render(s.service(), c, m.scale()))
          .append("</div>");
    }
    out.append("</div>");
    if (s.outages().size() > closeUps.size()) {
      out.append("<p class=\"muted small\">Close-ups of the ").append(closeUps.size()).append(" longest of ")
          .append(Html.plural(s.outages().size(), "outage")).append("; all are listed under Outages.</p>");
    }
  }
}
