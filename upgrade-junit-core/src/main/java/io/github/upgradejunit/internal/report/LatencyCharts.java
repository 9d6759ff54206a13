package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.LatencyStats;
import java.util.List;

/**
 * The shape of a service's latency per phase, from its log-binned histograms: a small histogram per
 * phase (with the p99 marked) and one chart with the three cumulative distributions over each other
 * on a logarithmic axis, where a shift during the upgrade shows as the during curve moving right.
 * All three share the service's bin range, so they compare at a glance.
 */
final class LatencyCharts {

  static final double CDF_WIDTH = 470;
  private static final double CDF_HEIGHT = 178;
  private static final double CDF_LEFT = 38;
  private static final double CDF_TOP = 26;
  private static final double CDF_PLOT = 118;
  private static final double MINI_WIDTH = 160;
  private static final double MINI_HEIGHT = 28;

  /** The bins the charts of one service show. */
  record Range(int first, int last) {
    static Range of(LogHistogram[] phases) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (LogHistogram h : phases) {
        if (h.total() > 0) {
          first = Math.min(first, h.firstUsed());
          last = Math.max(last, h.lastUsed());
        }
      }
      return last < 0 ? null : new Range(Math.max(0, first - 1), Math.min(LogHistogram.BINS - 1, last + 1));
    }

    int bins() {
      return last - first + 1;
    }

    /** Where a latency lies, as a share of the range's width. */
    double share(double ms) {
      double bin = Math.log10(ms * 1000 / 10) * LogHistogram.BINS_PER_DECADE;
      return Math.max(0, Math.min(1, (bin - first) / bins()));
    }
  }

  private LatencyCharts() {
  }

  /** A phase's histogram, bars scaled to its own largest bin, with its p99 as a red mark. */
  static String histogram(LogHistogram h, Range range, LatencyStats stats, Phase phase) {
    Svg svg = new Svg(MINI_WIDTH, MINI_HEIGHT, "Latency histogram " + phase.key(), "mini");
    svg.line(0, MINI_HEIGHT - 0.5, MINI_WIDTH, MINI_HEIGHT - 0.5, Palette.GRID, 1);
    if (h.total() == 0 || range == null) {
      return svg.close();
    }
    double barWidth = MINI_WIDTH / range.bins();
    double largest = h.largestCount();
    for (int bin = range.first(); bin <= range.last(); bin++) {
      double height = (MINI_HEIGHT - 3) * h.count(bin) / largest;
      if (h.count(bin) > 0) {
        svg.rect((bin - range.first()) * barWidth, MINI_HEIGHT - 1 - Math.max(1, height), Math.max(0.8, barWidth - 0.4),
            Math.max(1, height), Palette.PHASES[phase.ordinal()]);
      }
    }
    if (stats.p99Ms() != null) {
      double x = range.share(stats.p99Ms()) * MINI_WIDTH;
      svg.line(x, 0, x, MINI_HEIGHT, Palette.RED, 1.2);
    }
    return svg.close();
  }

  /** The cumulative distributions of the phases, over each other. */
  static String cdf(String service, LogHistogram[] phases, Range range) {
    Svg svg = new Svg(CDF_WIDTH, CDF_HEIGHT, "Latency distribution of " + service + " per phase", "cdf");
    double plotWidth = CDF_WIDTH - CDF_LEFT - 12;
    legend(svg, phases);
    grid(svg, range, plotWidth);
    if (range == null) {
      return svg.close();
    }
    for (Phase phase : Phase.values()) {
      LogHistogram h = phases[phase.ordinal()];
      if (h.total() > 0) {
        svg.polyline(cdfPoints(h, range, plotWidth), Palette.PHASES[phase.ordinal()], phase == Phase.DURING ? 2 : 1.6);
      }
    }
    return svg.close();
  }

  private static void legend(Svg svg, LogHistogram[] phases) {
    svg.text(0, 12, "share of successful requests at or below a latency", "start", 10, Palette.MUTED);
    double x = CDF_WIDTH - 12;
    for (int p = Phase.values().length - 1; p >= 0; p--) {
      String label = Phase.values()[p].key() + (phases[p].total() == 0 ? " (none)" : "");
      x -= label.length() * 5.6 + 10;
      svg.rect(x, 4, 12, 3, Palette.PHASES[p]);
      svg.text(x + 15, 9, label, "start", 10, Palette.TEXT);
      x -= 14;
    }
  }

  private static void grid(Svg svg, Range range, double plotWidth) {
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = CDF_TOP + CDF_PLOT * (1 - pct / 100.0);
      svg.line(CDF_LEFT, y, CDF_LEFT + plotWidth, y, pct == 0 ? Palette.GRID : Palette.FAINT, 1);
      svg.text(CDF_LEFT - 5, y + 3.5, pct + " %", "end", 9, Palette.MUTED);
    }
    if (range == null) {
      svg.text(CDF_LEFT + plotWidth / 2, CDF_TOP + CDF_PLOT / 2, "no successful samples", "middle", 11, Palette.MUTED);
      return;
    }
    boolean fewDecades = range.bins() <= 2.5 * LogHistogram.BINS_PER_DECADE;
    for (double decade = 0.01; decade <= 1_000_000; decade *= 10) {
      for (int multiple : new int[] {1, 2, 5}) {
        double ms = decade * multiple;
        double share = range.share(ms);
        if (share > 0 && share < 1 && (multiple == 1 || fewDecades)) {
          double x = CDF_LEFT + share * plotWidth;
          svg.line(x, CDF_TOP, x, CDF_TOP + CDF_PLOT, multiple == 1 ? Palette.GRID : Palette.FAINT, 1);
          svg.text(x, CDF_TOP + CDF_PLOT + 13, Durations.format(ms), "middle", 9, Palette.MUTED);
        }
      }
    }
    svg.text(CDF_LEFT + plotWidth, CDF_TOP + CDF_PLOT + 26, "latency (log scale)", "end", 9, Palette.MUTED);
  }

  private static String cdfPoints(LogHistogram h, Range range, double plotWidth) {
    StringBuilder points = new StringBuilder();
    double binWidth = plotWidth / range.bins();
    long cumulative = 0;
    double lastY = CDF_TOP + CDF_PLOT;
    points.append(Html.num(CDF_LEFT)).append(',').append(Html.num(lastY));
    for (int bin = range.first(); bin <= range.last(); bin++) {
      cumulative += h.count(bin);
      double x = CDF_LEFT + (bin - range.first() + 1) * binWidth;
      double y = CDF_TOP + CDF_PLOT * (1 - (double) cumulative / h.total());
      if (y != lastY) {
        points.append(' ').append(Html.num(x - binWidth)).append(',').append(Html.num(lastY));
        points.append(' ').append(Html.num(x)).append(',').append(Html.num(y));
        lastY = y;
      }
    }
    points.append(' ').append(Html.num(CDF_LEFT + plotWidth)).append(',').append(Html.num(lastY));
    return points.toString();
  }

  /** The analysis' statistics of a phase. */
  static LatencyStats of(List<LatencyStats> latency, Phase phase) {
    return latency.stream().filter(l -> l.phase() == phase).findFirst()
        .orElse(new LatencyStats(phase, 0, null, null, null, null, null, null));
  }
}
