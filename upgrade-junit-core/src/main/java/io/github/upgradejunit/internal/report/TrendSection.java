package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Trends across the runs of the same store: the verdict of each run, and per service sparklines of
 * downtime and of the p99 during the upgrade, from the summaries the runs saved. This run is marked.
 */
final class TrendSection {

  private static final double SPARK_WIDTH = 220;
  private static final double SPARK_HEIGHT = 40;

  private TrendSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"trends\"><h2>Trends across runs</h2>");
    List<Trends.RunPoint> runs = Trends.of(m.history());
    String current = m.data().run().id();
    if (runs.size() < 2) {
      out.append("<p class=\"muted\">This is the first reported run in this store (").append(escape(m.storeLocation()))
          .append("); trends appear from the second run on.</p></section>");
      return;
    }
    out.append("<p class=\"lead\">The last ").append(runs.size()).append(" runs in this store, oldest first, from the "
        + "summaries they saved. This run is marked.</p>");
    List<String> services = Trends.services(runs);
    out.append("<div class=\"sparks\">").append(verdictStrip(runs, current));
    for (String service : services) {
      out.append(sparkCard(service, runs, current));
    }
    out.append("</div>").append(table(runs, services, current)).append("</section>");
  }

  private static String verdictStrip(List<Trends.RunPoint> runs, String current) {
    StringBuilder out = new StringBuilder("<div class=\"spark-card\"><div class=\"spark-title\">overall verdict</div>"
        + "<div class=\"strip\">");
    for (Trends.RunPoint run : runs) {
      Level level = level(run.level());
      out.append("<span class=\"cell ").append(level == null ? "none" : Palette.levelClass(level))
          .append(run.runId() != null && run.runId().equals(current) ? " current" : "").append("\" title=\"")
          .append(escape(run.runId())).append(": ").append(escape(run.level())).append("\"></span>");
    }
    return out.append("</div></div>").toString();
  }

  private static String sparkCard(String service, List<Trends.RunPoint> runs, String current) {
    return "<div class=\"spark-card\"><div class=\"spark-title\">" + escape(service) + "</div>"
        + spark("downtime", runs, current, p -> p.downtimeMs(), service)
        + spark("p99 during", runs, current, p -> p.p99Ms(), service) + "</div>";
  }

  private static String spark(String what, List<Trends.RunPoint> runs, String current,
      Function<Trends.ServicePoint, Double> value, String service) {
    List<Double> values = new ArrayList<>();
    int currentIndex = -1;
    for (int i = 0; i < runs.size(); i++) {
      Trends.ServicePoint p = runs.get(i).services().get(service);
      values.add(p == null ? null : value.apply(p));
      if (current.equals(runs.get(i).runId())) {
        currentIndex = i;
      }
    }
    double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
    Svg svg = new Svg(SPARK_WIDTH, SPARK_HEIGHT, service + " " + what + " per run", "spark");
    svg.text(0, 10, what, "start", 10, Palette.MUTED);
    Double last = currentIndex >= 0 ? values.get(currentIndex) : null;
    svg.text(SPARK_WIDTH, 10, last == null ? "\u2013" : Durations.format(last), "end", 10, Palette.TEXT, true);
    double top = 16;
    double height = SPARK_HEIGHT - top - 4;
    double step = runs.size() == 1 ? 0 : (SPARK_WIDTH - 8) / (runs.size() - 1);
    svg.line(0, top + height, SPARK_WIDTH, top + height, Palette.GRID, 1);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        continue;
      }
      double x = 4 + i * step;
      double y = top + height - (max <= 0 ? 0 : height * values.get(i) / max);
      points.append(Html.num(x)).append(',').append(Html.num(y)).append(' ');
      svg.circle(x, y, i == currentIndex ? 3.2 : 1.8, i == currentIndex ? Palette.WINDOW_EDGE : Palette.MUTED,
          runs.get(i).runId() + ": " + Durations.format(values.get(i)));
    }
    svg.polyline(points.toString().trim(), Palette.MUTED, 1);
    return svg.close();
  }

  private static String table(List<Trends.RunPoint> runs, List<String> services, String current) {
    List<String> headers = new ArrayList<>(List.of("Run", "Started", "Overall", "Expected"));
    services.forEach(s -> headers.add("#" + s));
    HtmlTable table = new HtmlTable("trends", headers.toArray(String[]::new));
    for (int i = runs.size() - 1; i >= 0; i--) {
      Trends.RunPoint run = runs.get(i);
      List<String> cells = new ArrayList<>();
      cells.add("<code>" + escape(run.runId()) + "</code>" + (current.equals(run.runId())
          ? " <span class=\"tag\">this run</span>" : ""));
      cells.add(escape(run.start() == null ? "" : run.start().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")));
      Level level = level(run.level());
      cells.add(level == null ? escape(run.level()) : VerdictSection.badge(level));
      cells.add(escape(run.expected()) + (run.met() == null ? "" : run.met() ? " \u2013 met" : " \u2013 <span "
          + "class=\"bad-text\">not met</span>"));
      for (String service : services) {
        Trends.ServicePoint p = run.services().get(service);
        cells.add(p == null ? "" : ms(p.downtimeMs()) + " <span class=\"muted\">\u00b7 p99 " + ms(p.p99Ms())
            + "</span>");
      }
      table.rowWithClass(current.equals(run.runId()) ? "current" : null, cells.toArray(String[]::new));
    }
    return "<p class=\"muted small\">Per service: downtime \u00b7 p99 during the upgrade.</p>" + table.close();
  }

  private static String ms(Double value) {
    return value == null ? "\u2013" : Durations.format(value);
  }

  private static Level level(String key) {
    try {
      return key == null ? null : Level.parse(key);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
