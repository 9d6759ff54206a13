package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.UpgradeStep;
import io.github.upgradejunit.internal.store.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run's own timeline above the services': the upgrade window with its start and end, every
 * upgrade step (coloured by the service it works on), and the iterations of during checks that
 * belong to no single service. Consecutive steps of one name (a rolling restart over several hosts)
 * get one label over them and their hosts inside the bars, so a long upgrade stays legible. It uses
 * the same scale as the service timelines, so a step lines up with the outages it caused.
 */
final class UpgradeOverviewSvg {

  private static final double STEP_ROW = 17;
  private static final int MAX_ROWS = 8;
  private static final double TOP = 40;
  private static final double GROUP_ROW = 15;
  private static final double CHAR = 5.6;

  /** Consecutive steps with the same name and service. */
  record Group(String name, String service, List<UpgradeStep> steps) {
  }

  private UpgradeOverviewSvg() {
  }

  static String render(TimelineSvg.Run run, List<Rows.Iteration> runWideIterations) {
    TimeScale scale = run.scale().drawnAt(TimelineSvg.LEFT, TimelineSvg.WIDTH - TimelineSvg.LEFT - TimelineSvg.RIGHT);
    TimelineSvg.Run drawn = run.drawnAt(scale);
    List<List<UpgradeStep>> rows = StepRows.pack(run.steps(), scale, MAX_ROWS);
    List<Group> groups = groups(run.steps());
    boolean grouped = groups.stream().anyMatch(g -> g.steps().size() > 1);
    double stepsTop = TOP + (grouped ? GROUP_ROW : 0);
    double stepsHeight = Math.max(1, rows.size()) * STEP_ROW;
    double checks = runWideIterations.isEmpty() ? 0 : 14;
    double bottom = stepsTop + stepsHeight + checks + 4;
    Svg svg = new Svg(TimelineSvg.WIDTH, bottom + 22, "Upgrade timeline", "timeline overview");
    svg.text(0, 14, "Upgrade", "start", 13, Palette.TEXT, true);
    svg.text(TimelineSvg.WIDTH - TimelineSvg.RIGHT, 14, windowText(run), "end", 11, Palette.MUTED);
    TimeAxis.window(svg, drawn, TOP - 4, bottom);
    TimeAxis.ticks(svg, scale, TOP - 10, TOP - 4, bottom, bottom + 14);
    svg.text(TimelineSvg.LEFT - 8, stepsTop + stepsHeight / 2 + 4, run.steps().isEmpty() ? "no steps recorded"
        : "upgrade steps", "end", 11, Palette.MUTED);
    if (grouped) {
      groupLabels(svg, groups, scale, TOP + 10, run);
    }
    for (int row = 0; row < rows.size(); row++) {
      List<UpgradeStep> inRow = rows.get(row);
      for (int i = 0; i < inRow.size(); i++) {
        double limit = i + 1 < inRow.size() ? scale.x(inRow.get(i + 1).startMicros()) : scale.left() + scale.width();
        UpgradeStep step = inRow.get(i);
        boolean inGroup = groupOf(groups, step).steps().size() > 1;
        drawStep(svg, step, scale, stepsTop + row * STEP_ROW, run.colour(step.service()), limit, inGroup);
      }
    }
    if (!runWideIterations.isEmpty()) {
      double y = stepsTop + stepsHeight + 2;
      svg.text(TimelineSvg.LEFT - 8, y + 9, "run-wide checks", "end", 11, Palette.MUTED);
      CheckTicks.draw(svg, runWideIterations, scale, y + 1, 9);
    }
    return svg.close();
  }

  private static String windowText(TimelineSvg.Run run) {
    if (!run.upgradeStarted()) {
      return "the upgrade never started";
    }
    long start = run.window().startMicros();
    long end = run.window().endMicros();
    return "window " + Html.clock(start).substring(11) + " to " + Html.clock(end).substring(11) + " UTC, "
        + Durations.formatMicros(end - start) + (run.window().failed() ? ", FAILED" : "") + " \u00b7 "
        + Html.plural(run.steps().size(), "step");
  }

  /** The step's name without its host: {@code restart nova-api} of {@code restart nova-api ctl1}. */
  static String name(UpgradeStep step) {
    String suffix = " " + step.host();
    return step.host() != null && step.label().endsWith(suffix)
        ? step.label().substring(0, step.label().length() - suffix.length()) : step.label();
  }

  /** The steps, in order of start, grouped where consecutive ones share name and service. */
  static List<Group> groups(List<UpgradeStep> steps) {
    List<Group> groups = new ArrayList<>();
    for (UpgradeStep step : steps) {
      Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null && last.name().equals(name(step)) && Objects.equals(last.service(), step.service())) {
        last.steps().add(step);
      } else {
        List<UpgradeStep> members = new ArrayList<>();
        members.add(step);
        groups.add(new Group(name(step), step.service(), members));
      }
    }
    return groups;
  }

  private static Group groupOf(List<Group> groups, UpgradeStep step) {
    return groups.stream().filter(g -> g.steps().contains(step)).findFirst().orElseThrow();
  }

  private static void groupLabels(Svg svg, List<Group> groups, TimeScale scale, double y, TimelineSvg.Run run) {
    for (Group g : groups) {
      if (g.steps().size() < 2) {
        continue;
      }
      double x1 = scale.x(g.steps().get(0).startMicros());
      double x2 = scale.x(g.steps().stream().mapToLong(UpgradeStep::endMicros).max().orElseThrow());
      int fits = (int) ((x2 - x1) / CHAR);
      if (fits >= 4) {
        svg.line(x1, y + 3, x2, y + 3, run.colour(g.service()), 1);
        svg.text(x1, y, Html.shorten(g.name(), fits), "start", 10, run.colour(g.service()), true);
      }
    }
  }

  /**
   * A step's bar, labelled inside when the label fits (just the host when a group label names the
   * step), else beside it when there is room before {@code limit}.
   */
  private static void drawStep(Svg svg, UpgradeStep step, TimeScale scale, double y, String colour, double limit,
      boolean inGroup) {
    double x = scale.x(step.startMicros());
    double w = scale.width(step.startMicros(), step.endMicros(), 2);
    svg.rect(x, y + 1, w, STEP_ROW - 4, colour, StepRows.tooltip(step, scale));
    String label = inGroup && step.host() != null && step.label().length() * CHAR + 6 > w ? step.host() : step.label();
    double labelWidth = label.length() * CHAR;
    if (labelWidth + 6 <= w) {
      svg.text(x + 3, y + 11, label, "start", 9.5, "#ffffff");
    } else if (x + w + labelWidth + 8 <= limit) {
      svg.text(x + w + 3, y + 11, label, "start", 9.5, colour);
    } else if (w > 36) {
      svg.text(x + 3, y + 11, Html.shorten(label, (int) ((w - 6) / CHAR)), "start", 9.5, "#ffffff");
    }
  }
}
