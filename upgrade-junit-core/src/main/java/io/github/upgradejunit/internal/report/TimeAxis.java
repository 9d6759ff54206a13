package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import java.util.List;

/**
 * What every timeline draws behind its lanes: the shaded upgrade window with its edges, and the
 * time ticks, relative to the upgrade start above and as UTC clock time below.
 */
final class TimeAxis {

  private TimeAxis() {
  }

  /** The upgrade window, shaded from {@code top} to {@code bottom}. */
  static void window(Svg svg, TimelineSvg.Run run, double top, double bottom) {
    if (!run.upgradeStarted()) {
      return;
    }
    TimeScale scale = run.scale();
    long start = run.window().startMicros();
    long end = run.window().endMicros();
    double x1 = scale.x(start);
    double x2 = scale.x(end);
    svg.rect(x1, top, Math.max(1, x2 - x1), bottom - top, Palette.WINDOW,
        "upgrade window: " + Durations.formatMicros(end - start) + (run.window().failed() ? ", failed" : ""));
    svg.line(x1, top, x1, bottom, Palette.WINDOW_EDGE, 1, "4,3");
    svg.line(x2, top, x2, bottom, run.window().failed() ? Palette.RED : Palette.WINDOW_EDGE, 1, "4,3");
  }

  /**
   * Tick lines from {@code lineTop} to {@code lineBottom}, with the offset from the origin at
   * {@code labelTop} and the clock time at {@code clockY}.
   */
  static void ticks(Svg svg, TimeScale scale, double labelTop, double lineTop, double lineBottom, double clockY) {
    int maxTicks = (int) Math.max(2, scale.width() / 95);
    List<Long> ticks = scale.ticks(maxTicks);
    boolean subSecond = ticks.size() > 1 && (ticks.get(1) - ticks.get(0)) % 1_000_000 != 0;
    for (long t : ticks) {
      double x = scale.x(t);
      svg.line(x, lineTop, x, lineBottom, Palette.GRID, 0.6, "1,2");
      svg.text(x, labelTop, scale.label(t), "middle", 10, t == scale.originMicros() ? Palette.WINDOW_EDGE
          : Palette.MUTED);
      svg.text(x, clockY, subSecond ? Html.clockMillis(t) : Html.clock(t).substring(11), "middle", 9, Palette.MUTED);
    }
    svg.line(scale.left(), lineBottom, scale.left() + scale.width(), lineBottom, Palette.GRID, 1);
  }
}
