package io.github.upgradejunit.internal.report;

/**
 * The key to the timeline's colours, drawn once above the page's timelines and into every
 * standalone timeline (an Allure attachment has no page around it).
 */
final class Legend {

  private static final String[][] SWATCHES = {
      {Palette.GREEN_BAR, "all probes ok"},
      {Palette.AMBER_BAR, "\u2264 10 % failed"},
      {Palette.ORANGE_BAR, "\u2264 50 % failed"},
      {Palette.RED, "> 50 % failed"},
      {"gap", "monitoring gap"},
      {Palette.WINDOW, "upgrade window"},
  };

  private Legend() {
  }

  /** The legend as one row of swatches starting at {@code (x, y)}. */
  static void timeline(Svg svg, double x, double y, String patternId) {
    double at = x;
    for (String[] swatch : SWATCHES) {
      String fill = "gap".equals(swatch[0]) ? "url(#" + patternId + ")" : swatch[0];
      svg.rect(at, y - 9, 14, 10, fill);
      svg.text(at + 18, y, swatch[1], "start", 10, Palette.MUTED);
      at += 26 + swatch[1].length() * 5.4;
    }
    at += 6;
    svg.rect(at, y - 8, 30, 8, Palette.RED_LIGHT);
    svg.rect(at + 10, y - 10, 10, 12, Palette.RED);
    svg.rect(at + 12, y - 5.5, 6, 3, Palette.RED_DARK);
    svg.text(at + 36, y, "outage: bounds, estimate, failed samples", "start", 10, Palette.MUTED);
    at += 36 + 40 * 5.2 + 14;
    svg.rect(at, y - 9, 2, 10, Palette.GREEN_BAR);
    svg.rect(at + 5, y - 9, 2, 10, Palette.RED);
    svg.text(at + 12, y, "check iteration ok / failed", "start", 10, Palette.MUTED);
  }

  /** The legend as a standalone SVG for the page. */
  static String page() {
    Svg svg = new Svg(TimelineSvg.WIDTH, 20, "Legend", "legend");
    svg.hatchPattern("legend-hatch", Palette.GAP);
    timeline(svg, 2, 14, "legend-hatch");
    return svg.close();
  }
}
