package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Level;

/**
 * The report's colours, one place for the page's CSS and the SVG charts: green, amber and red for
 * verdicts and failure shares (readable on white and in grey print), blue for the upgrade window,
 * and three neutral hues for the phases so they never read as a verdict.
 */
final class Palette {

  static final String TEXT = "#1f2328";
  static final String MUTED = "#59636e";
  static final String GRID = "#d1d9e0";
  static final String FAINT = "#eef1f4";

  static final String GREEN = "#1a7f37";
  static final String GREEN_BAR = "#4ac26b";
  static final String GREEN_BG = "#dafbe1";
  static final String AMBER = "#9a6700";
  static final String AMBER_BAR = "#d4a72c";
  static final String ORANGE_BAR = "#e16f24";
  static final String AMBER_BG = "#fff8c5";
  static final String RED = "#cf222e";
  static final String RED_DARK = "#82071e";
  static final String RED_LIGHT = "#ffaba8";
  static final String RED_BG = "#ffebe9";

  static final String WINDOW = "#e3f0ff";
  static final String WINDOW_EDGE = "#0969da";
  static final String LATENCY = "#0969da";
  static final String GAP = "#8c959f";

  /** before, during, after. */
  static final String[] PHASES = {"#6e7781", "#8250df", "#1b7c83"};

  /** Steps by service, in report order. */
  static final String[] SERVICES = {"#0969da", "#8250df", "#1b7c83", "#bc4c00", "#bf3989", "#4d2d00"};
  static final String NO_SERVICE = "#57606a";

  private Palette() {
  }

  /** The badge colour of a verdict level: green for zero-downtime and better, amber rolling, red none. */
  static String level(Level level) {
    return switch (level) {
      case ZERO_IMPACT, ZERO_DOWNTIME -> GREEN;
      case ROLLING -> AMBER;
      case NONE -> RED;
    };
  }

  /** The CSS class of a verdict level. */
  static String levelClass(Level level) {
    return switch (level) {
      case ZERO_IMPACT, ZERO_DOWNTIME -> "good";
      case ROLLING -> "warn";
      case NONE -> "bad";
    };
  }

  /** The colour of a bucket by the share of its samples that failed. */
  static String failureShare(int samples, int failed) {
    if (failed == 0) {
      return GREEN_BAR;
    }
    double share = (double) failed / samples;
    if (share <= 0.1) {
      return AMBER_BAR;
    }
    return share <= 0.5 ? ORANGE_BAR : RED;
  }
}
