package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.analysis.Finding;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict table, the report's headline: per service and overall, whether the upgrade was
 * rolling, zero-downtime and zero-impact, with the findings behind it. A finding that caps the
 * verdict is marked with the level it caps at, so every cross in the table has its reason beside it.
 */
final class VerdictSection {

  private static final String CHECK = "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" "
      + "role=\"img\" aria-label=\"yes\"><path d=\"M3 8.5l3.2 3.2L13 4.8\" fill=\"none\" stroke=\"" + Palette.GREEN
      + "\" stroke-width=\"2.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>";
  private static final String CROSS = "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" "
      + "role=\"img\" aria-label=\"no\"><path d=\"M4.5 4.5l7 7M11.5 4.5l-7 7\" fill=\"none\" stroke=\"" + Palette.RED
      + "\" stroke-width=\"2.2\" stroke-linecap=\"round\"/></svg>";

  private VerdictSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"verdicts\"><h2>Verdicts</h2>");
    out.append("<p class=\"lead\">The three upgrade classes OpenStack once defined as governance tags, each "
        + "requiring the one before it. Every cross is explained by the findings beside it.</p>");
    HtmlTable table = new HtmlTable("verdicts", "Service", "Verdict", "Rolling", "Zero-downtime", "Zero-impact",
        "Evidence");
    for (ServiceAnalysis s : m.services()) {
      if (s.control()) {
        table.rowWithClass("control", escape(s.service()), "<span class=\"muted\">control probe</span>", "", "", "",
            "<span class=\"muted\">Tells tester-side trouble apart; no verdict of its own.</span>");
      } else {
        table.row(escape(s.service()), badge(s.verdict().level()), mark(s.verdict().rolling()),
            mark(s.verdict().zeroDowntime()), mark(s.verdict().zeroImpact()), findings(s.verdict()));
      }
    }
    Verdict overall = m.result().overall();
    table.rowWithClass("overall", "<strong>overall</strong>", badge(overall.level()), mark(overall.rolling()),
        mark(overall.zeroDowntime()), mark(overall.zeroImpact()), findings(overall));
    out.append(table.close()).append("</section>");
  }

  /** A coloured badge with the level's name. */
  static String badge(Level level) {
    String text = level == Level.NONE ? "not rolling" : level.key();
    return "<span class=\"badge " + Palette.levelClass(level) + "\">" + text + "</span>";
  }

  static String mark(boolean yes) {
    return "<span class=\"mark " + (yes ? "yes\">" + CHECK : "no\">" + CROSS) + "</span>";
  }

  /** The findings that cap the verdict as a list, each with its cap; the rest as one muted line. */
  private static String findings(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    List<Finding> caps = verdict.findings().stream().filter(f -> f.limits(Level.ZERO_IMPACT)).toList();
    if (!caps.isEmpty()) {
      out.append("<ul class=\"findings\">");
      for (Finding f : caps) {
        out.append("<li class=\"").append(f.ceiling() == Level.NONE ? "breaks-rolling" : "caps").append("\">")
            .append(escape(f.text())).append(" <span class=\"cap\">").append(cap(f.ceiling())).append("</span></li>");
      }
      out.append("</ul>");
    }
    String evidence = verdict.findings().stream().filter(f -> !f.limits(Level.ZERO_IMPACT))
        .map(f -> escape(f.text())).collect(Collectors.joining(" \u00b7 "));
    if (!evidence.isEmpty()) {
      out.append("<p class=\"evidence\">").append(evidence).append("</p>");
    }
    return out.toString();
  }

  private static String cap(Level ceiling) {
    return ceiling == Level.NONE ? "not rolling" : "at most " + ceiling.key();
  }
}
