package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.Outage;
import java.util.List;

/**
 * A close-up of one outage at sample resolution: every probe sample around it as a tick (green ok,
 * red failed), and below them the three intervals the report states: the upper bound (last good to
 * first good sample), the estimate, and the lower bound (first to last failed sample). It shows a
 * reader why an outage is reported as {@code 2.0 s [1.9 s, 2.1 s]} and not to the millisecond.
 */
final class OutageCloseUpSvg {

  static final double WIDTH = 600;
  private static final double LEFT = 84;
  private static final double RIGHT = 52;
  private static final double SAMPLES_TOP = 36;
  private static final double SAMPLES = 22;
  private static final double ROW = 15;

  private OutageCloseUpSvg() {
  }

  static String render(String service, SampleDigest.CloseUp closeUp, TimeScale run) {
    Outage o = closeUp.outage();
    TimeScale scale = new TimeScale(closeUp.fromMicros(), closeUp.toMicros(), o.startMicros(), LEFT,
        WIDTH - LEFT - RIGHT);
    double boundsTop = SAMPLES_TOP + SAMPLES + 8;
    double axis = boundsTop + 3 * ROW + 4;
    Svg svg = new Svg(WIDTH, axis + 16, "Outage of " + service + " at " + run.offset(o.startMicros()), "closeup");
    svg.text(0, 13, Html.shorten(service + " \u00b7 " + run.offset(o.startMicros()) + " \u00b7 " + o.errorClass(), 70),
        "start", 11.5, Palette.TEXT, true);
    svg.text(0, 27, Html.shorten("step " + o.stepLabel() + " \u00b7 " + Html.plural(o.failedSamples(),
        "failed sample"), 88), "start", 10, Palette.MUTED);
    samples(svg, closeUp.buckets(), scale);
    double y = boundsTop;
    bound(svg, scale, y, "upper bound", o.precedingMicros(), o.followingMicros(), o.upperMs(), Palette.RED_LIGHT);
    bound(svg, scale, y + ROW, "estimate", o.startMicros(), o.endMicros(), o.estimateMs(), Palette.RED);
    bound(svg, scale, y + 2 * ROW, "lower bound", o.firstFailedMicros(), o.lastFailedMicros(), o.lowerMs(),
        Palette.RED_DARK);
    axis(svg, scale, axis);
    return svg.close();
  }

  private static void samples(Svg svg, Buckets buckets, TimeScale scale) {
    svg.text(LEFT - 6, SAMPLES_TOP + SAMPLES / 2 + 4, "samples", "end", 10, Palette.MUTED);
    svg.line(LEFT, SAMPLES_TOP + SAMPLES, LEFT + scale.width(), SAMPLES_TOP + SAMPLES, Palette.GRID, 1);
    double slot = scale.width() / buckets.size();
    double tick = Math.max(1.5, Math.min(4, slot * 0.8));
    for (int i = 0; i < buckets.size(); i++) {
      if (buckets.samples(i) == 0) {
        continue;
      }
      double x = scale.x((buckets.startMicros(i) + buckets.endMicros(i)) / 2) - tick / 2;
      String colour = buckets.failed(i) > 0 ? Palette.RED : Palette.GREEN_BAR;
      double height = buckets.failed(i) > 0 ? SAMPLES : SAMPLES * 0.6;
      svg.rect(x, SAMPLES_TOP + SAMPLES - height, tick, height, colour);
    }
  }

  private static void bound(Svg svg, TimeScale scale, double y, String label, long from, long to, double ms,
      String colour) {
    svg.text(LEFT - 6, y + 9, label, "end", 10, Palette.MUTED);
    double x1 = scale.x(from);
    double x2 = Math.max(x1 + 1.5, scale.x(to));
    svg.rect(x1, y + 2, x2 - x1, 9, colour);
    svg.line(x1, y, x1, y + 13, Palette.RED, 0.8);
    svg.line(x2, y, x2, y + 13, Palette.RED, 0.8);
    svg.text(x2 + 5, y + 10, Durations.format(ms), "start", 10, Palette.TEXT);
  }

  private static void axis(Svg svg, TimeScale scale, double y) {
    List<Long> ticks = scale.ticks(5);
    for (long t : ticks) {
      double x = scale.x(t);
      svg.line(x, SAMPLES_TOP - 4, x, y - 2, Palette.GRID, 0.6, "1,2");
      long delta = t - scale.originMicros();
      String label = delta == 0 ? "0" : (delta < 0 ? "\u2212" : "+") + Durations.formatMicros(Math.abs(delta));
      svg.text(x, y + 10, label, "middle", 9, Palette.MUTED);
    }
  }
}
