package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.Outage;
import java.util.ArrayList;
import java.util.List;

/**
 * How an outage is drawn, so its resolution stays visible: a light band with whisker caps spans the
 * upper bound (last good sample before to first good sample after), a solid band the estimate, and
 * a dark bar inside it the lower bound (first to last failed sample). Outages closer together than
 * two pixels are drawn as one cluster, which keeps a flapping service's timeline bounded.
 */
final class OutageMarks {

  /** Outages drawn as one mark. */
  record Cluster(List<Outage> outages, double left, double right) {
  }

  private OutageMarks() {
  }

  /** The outages, in time order, grouped where their marks would touch. */
  static List<Cluster> cluster(List<Outage> outages, TimeScale scale) {
    List<Cluster> clusters = new ArrayList<>();
    List<Outage> current = new ArrayList<>();
    double left = 0;
    double right = Double.NEGATIVE_INFINITY;
    for (Outage o : outages) {
      double x1 = scale.x(o.precedingMicros());
      double x2 = Math.max(x1 + 2, scale.x(o.followingMicros()));
      if (!current.isEmpty() && x1 > right + 2) {
        clusters.add(new Cluster(current, left, right));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        left = x1;
        right = x2;
      }
      current.add(o);
      right = Math.max(right, x2);
    }
    if (!current.isEmpty()) {
      clusters.add(new Cluster(current, left, right));
    }
    return clusters;
  }

  /** Draw a cluster in the lane at {@code y}; with {@code label}, its duration beside it. */
  static void draw(Svg svg, Cluster c, TimeScale scale, double y, double height, boolean label) {
    Outage first = c.outages().get(0);
    Outage last = c.outages().get(c.outages().size() - 1);
    double mid = y + height / 2;
    String tip = tooltip(c, scale);
    svg.rect(c.left(), mid - 4, c.right() - c.left(), 8, Palette.RED_LIGHT, tip);
    svg.line(c.left(), mid - 7, c.left(), mid + 7, Palette.RED, 1);
    svg.line(c.right(), mid - 7, c.right(), mid + 7, Palette.RED, 1);
    double x1 = scale.x(first.startMicros());
    svg.rect(x1, mid - 6, Math.max(2, scale.x(last.endMicros()) - x1), 12, Palette.RED, tip);
    for (Outage o : c.outages()) {
      double lower = scale.x(o.lastFailedMicros()) - scale.x(o.firstFailedMicros());
      if (lower >= 1) {
        svg.rect(scale.x(o.firstFailedMicros()), mid - 1.5, lower, 3, Palette.RED_DARK);
      }
    }
    if (label) {
      double estimate = c.outages().stream().mapToDouble(Outage::estimateMs).sum();
      svg.text(c.right() + 4, mid + 4, Durations.format(estimate), "start", 10, Palette.RED, true);
    }
  }

  private static String tooltip(Cluster c, TimeScale scale) {
    if (c.outages().size() == 1) {
      Outage o = c.outages().get(0);
      return "outage " + Durations.bounded(o.estimateMs(), o.lowerMs(), o.upperMs()) + ", " + o.errorClass()
          + ", " + scale.offset(o.startMicros()) + " to " + scale.offset(o.endMicros()) + ", step " + o.stepLabel()
          + ", " + Html.plural(o.failedSamples(), "failed sample");
    }
    double estimate = c.outages().stream().mapToDouble(Outage::estimateMs).sum();
    return c.outages().size() + " outages, " + Durations.format(estimate) + " in total, from "
        + scale.offset(c.outages().get(0).startMicros());
  }
}
