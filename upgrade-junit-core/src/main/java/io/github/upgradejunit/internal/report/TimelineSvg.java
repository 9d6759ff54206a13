package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.MonitoringGap;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.UpgradeStep;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import io.github.upgradejunit.internal.store.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of one service as an SVG: x is time across the run (shared by every service), and
 * lanes below each other show the upgrade steps, probe availability (samples downsampled into
 * buckets, coloured by the share that failed), outages with their bounds, mean latency, and the
 * iterations of the service's during checks. The upgrade window is shaded behind all lanes, and
 * monitoring gaps are hatched. The same document is inlined in the page and attached to Allure.
 */
final class TimelineSvg {

  static final double WIDTH = 1000;
  static final double LEFT = 124;
  static final double RIGHT = 16;
  static final int MAX_CHECK_ROWS = 5;
  private static final int MAX_STEP_ROWS = 3;
  private static final double STEP_ROW = 12;
  private static final double PROBES = 22;
  private static final double OUTAGES = 22;
  private static final double LATENCY = 40;
  private static final double CHECK_ROW = 11;
  private static final double GAP = 8;
  private static final double TOP = 40;

  /**
   * What the timelines of a run share: the scale, the window, the steps, and the services in report
   * order, which give each service's steps the same colour on every timeline.
   */
  record Run(TimeScale scale, UpgradeWindow window, boolean upgradeStarted, List<UpgradeStep> steps,
      List<String> services) {

    /** The same run drawn on another scale. */
    Run drawnAt(TimeScale newScale) {
      return new Run(newScale, window, upgradeStarted, steps, services);
    }

    /** The colour of a service's steps; steps of no service are dark grey. */
    String colour(String service) {
      int i = services.indexOf(service);
      return i < 0 ? Palette.NO_SERVICE : Palette.SERVICES[i % Palette.SERVICES.length];
    }
  }

  private final Run run;
  private final ServiceAnalysis service;
  private final SampleDigest.ServiceDigest digest;
  private final Map<String, List<Rows.Iteration>> checks;
  private final List<List<UpgradeStep>> stepRows;
  private final String patternId;
  private Svg svg;

  private TimelineSvg(Run run, ServiceAnalysis service, SampleDigest.ServiceDigest digest,
      List<Rows.Iteration> iterations, String patternId) {
    this.run = run.drawnAt(run.scale().drawnAt(LEFT, WIDTH - LEFT - RIGHT));
    this.service = service;
    this.digest = digest;
    this.checks = byCheck(iterations);
    this.stepRows = StepRows.pack(run.steps(), this.run.scale(), MAX_STEP_ROWS);
    this.patternId = patternId;
  }

  /**
   * The service's timeline. {@code iterations} are the service's during-check iterations;
   * {@code idPrefix} keeps the ids of several inline SVGs apart; a standalone document carries its
   * own legend.
   */
  static String render(Run run, ServiceAnalysis service, SampleDigest.ServiceDigest digest,
      List<Rows.Iteration> iterations, String idPrefix, boolean standalone) {
    return new TimelineSvg(run, service, digest, iterations, idPrefix + "hatch").draw(standalone);
  }

  private static Map<String, List<Rows.Iteration>> byCheck(List<Rows.Iteration> iterations) {
    Map<String, List<Rows.Iteration>> byCheck = new LinkedHashMap<>();
    for (Rows.Iteration i : iterations) {
      byCheck.computeIfAbsent(i.checkId(), k -> new ArrayList<>()).add(i);
    }
    return byCheck;
  }

  private double stepsHeight() {
    return Math.max(1, stepRows.size()) * STEP_ROW;
  }

  private int checkRows() {
    return Math.min(MAX_CHECK_ROWS, checks.size());
  }

  private double lanesBottom() {
    double checksHeight = checkRows() == 0 ? 0 : GAP + checkRows() * CHECK_ROW;
    return TOP + stepsHeight() + GAP + PROBES + GAP + OUTAGES + GAP + LATENCY + checksHeight;
  }

  private String draw(boolean standalone) {
    double height = lanesBottom() + 22 + (standalone ? 26 : 0);
    svg = new Svg(WIDTH, height, "Timeline of " + service.service(), "timeline");
    svg.hatchPattern(patternId, Palette.GAP);
    title();
    double bottom = lanesBottom();
    TimeAxis.window(svg, run, TOP - 4, bottom);
    TimeAxis.ticks(svg, run.scale(), TOP - 10, TOP - 4, bottom, bottom + 14);
    double y = TOP;
    y = steps(y) + GAP;
    y = probes(y) + GAP;
    y = outages(y) + GAP;
    y = latency(y);
    if (checkRows() > 0) {
      checks(y + GAP);
    }
    if (standalone) {
      Legend.timeline(svg, 8, height - 12, patternId);
    }
    return svg.close();
  }

  private void title() {
    svg.text(0, 14, service.service() + (service.control() ? " (control probe)" : ""), "start", 13, Palette.TEXT,
        true);
    String summary = service.outages().isEmpty() ? "no outage"
        : Html.plural(service.outages().size(), "outage") + ", downtime " + service.downtime().text();
    svg.text(WIDTH - RIGHT, 14, summary + " \u00b7 " + Html.count(service.samples()) + " probe samples, every "
        + Durations.format(service.probeIntervalMs()), "end", 11, Palette.MUTED);
  }

  private void laneLabel(double y, double height, String label) {
    svg.text(LEFT - 8, y + height / 2 + 4, label, "end", 11, Palette.MUTED);
  }

  private double steps(double y) {
    laneLabel(y, stepsHeight(), "upgrade steps");
    for (int row = 0; row < stepRows.size(); row++) {
      for (UpgradeStep step : stepRows.get(row)) {
        boolean own = service.service().equals(step.service());
        double x = run.scale().x(step.startMicros());
        double w = run.scale().width(step.startMicros(), step.endMicros(), 2);
        svg.rect(x, y + row * STEP_ROW + 1, w, STEP_ROW - 3, own ? run.colour(step.service()) : "#d8dee4",
            StepRows.tooltip(step, run.scale()));
        if (own && w > step.label().length() * 5.2 + 6) {
          svg.text(x + 3, y + row * STEP_ROW + 8.5, step.label(), "start", 8.5, "#ffffff");
        }
      }
    }
    return y + stepsHeight();
  }

  private double probes(double y) {
    laneLabel(y, PROBES, "probes");
    Buckets b = digest.timeline;
    int start = 0;
    while (start < b.size()) {
      String colour = colour(b, start);
      int end = start;
      int samples = b.samples(start);
      int failed = b.failed(start);
      while (end + 1 < b.size() && colour.equals(colour(b, end + 1))) {
        end++;
        samples += b.samples(end);
        failed += b.failed(end);
      }
      if (samples > 0) {
        drawBucketRun(y, b, start, end, colour, samples, failed);
      }
      start = end + 1;
    }
    for (MonitoringGap gap : service.gaps()) {
      svg.rect(run.scale().x(gap.startMicros()), y, run.scale().width(gap.startMicros(), gap.endMicros(), 2), PROBES,
          "url(#" + patternId + ")", "monitoring gap of " + Durations.format(gap.durationMs())
              + ": nothing was observed, neither up nor down");
    }
    return y + PROBES;
  }

  private static String colour(Buckets b, int bucket) {
    return b.samples(bucket) == 0 ? "none" : Palette.failureShare(b.samples(bucket), b.failed(bucket));
  }

  private void drawBucketRun(double y, Buckets b, int start, int end, String colour, int samples, int failed) {
    long from = b.startMicros(start);
    long to = b.endMicros(end);
    String tip = run.scale().offset(from) + " to " + run.scale().offset(to) + ": "
        + (failed == 0 ? Html.count(samples) + " samples, all ok" : Html.count(failed) + " of " + Html.count(samples)
        + " samples failed");
    svg.rect(run.scale().x(from), y, run.scale().width(from, to, 1), PROBES, colour, tip);
  }

  private double outages(double y) {
    laneLabel(y, OUTAGES, "outages");
    svg.line(LEFT, y + OUTAGES / 2, WIDTH - RIGHT, y + OUTAGES / 2, Palette.FAINT, 1);
    List<OutageMarks.Cluster> clusters = OutageMarks.cluster(service.outages(), run.scale());
    for (int i = 0; i < clusters.size(); i++) {
      OutageMarks.Cluster c = clusters.get(i);
      double room = i + 1 < clusters.size() ? clusters.get(i + 1).left() - c.right() : WIDTH - RIGHT - c.right();
      OutageMarks.draw(svg, c, run.scale(), y, OUTAGES, clusters.size() <= 12 && room > 60);
    }
    return y + OUTAGES;
  }

  private double latency(double y) {
    laneLabel(y, LATENCY, "latency (mean)");
    Buckets b = digest.timeline;
    double max = 0;
    for (int i = 0; i < b.size(); i++) {
      max = Math.max(max, b.meanLatencyMs(i));
    }
    svg.line(LEFT, y + LATENCY, WIDTH - RIGHT, y + LATENCY, Palette.GRID, 1);
    if (max <= 0) {
      svg.text(LEFT + 4, y + LATENCY / 2 + 4, "no successful samples", "start", 10, Palette.MUTED);
      return y + LATENCY;
    }
    double top = niceCeiling(max);
    svg.line(LEFT, y, WIDTH - RIGHT, y, Palette.FAINT, 1, "2,3");
    svg.text(LEFT + 3, y + 9, Durations.format(top), "start", 9, Palette.MUTED);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < b.size(); i++) {
      double mean = b.meanLatencyMs(i);
      if (mean < 0) {
        svg.polyline(points.toString().trim(), Palette.LATENCY, 1.3);
        points.setLength(0);
        continue;
      }
      double x = run.scale().x((b.startMicros(i) + b.endMicros(i)) / 2);
      points.append(Html.num(x)).append(',').append(Html.num(y + LATENCY - LATENCY * mean / top)).append(' ');
    }
    svg.polyline(points.toString().trim(), Palette.LATENCY, 1.3);
    return y + LATENCY;
  }

  /** A round number at or above {@code value}: 1, 2 or 5 times a power of ten. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= value) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private void checks(double y) {
    List<String> ids = new ArrayList<>(checks.keySet());
    for (int row = 0; row < checkRows(); row++) {
      boolean merged = row == MAX_CHECK_ROWS - 1 && ids.size() > MAX_CHECK_ROWS;
      List<Rows.Iteration> iterations = merged ? rest(ids.subList(row, ids.size())) : checks.get(ids.get(row));
      String label = merged ? (ids.size() - row) + " more checks" : checkName(ids.get(row));
      double rowY = y + row * CHECK_ROW;
      laneLabel(rowY, CHECK_ROW, Html.shorten(label, 22));
      CheckTicks.draw(svg, iterations, run.scale(), rowY + 1.5, CHECK_ROW - 3);
    }
  }

  private List<Rows.Iteration> rest(List<String> ids) {
    List<Rows.Iteration> all = new ArrayList<>();
    ids.forEach(id -> all.addAll(checks.get(id)));
    return all;
  }

  /** {@code canListServers} from {@code com.example.ComputeTests#canListServers}. */
  static String checkName(String checkId) {
    int cut = Math.max(checkId.lastIndexOf('#'), checkId.lastIndexOf('.'));
    String name = cut >= 0 && cut + 1 < checkId.length() ? checkId.substring(cut + 1) : checkId;
    return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
  }
}
