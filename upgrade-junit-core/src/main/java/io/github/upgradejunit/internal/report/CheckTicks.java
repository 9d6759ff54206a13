package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.store.Rows;
import java.util.List;

/**
 * The iterations of a during check as ticks on a timeline row: green when every iteration in the
 * tick's time slot passed, red (with the first error as tooltip) when one failed. Iterations share
 * {@value #SLOTS} slots across the run, so a check running every 50 ms for hours stays small.
 */
final class CheckTicks {

  static final int SLOTS = 600;

  private CheckTicks() {
  }

  static void draw(Svg svg, List<Rows.Iteration> iterations, TimeScale scale, double y, double height) {
    int[] ran = new int[SLOTS];
    int[] failed = new int[SLOTS];
    String[] firstError = new String[SLOTS];
    for (Rows.Iteration i : iterations) {
      int slot = slot(i.startedAt(), scale);
      ran[slot]++;
      if (!i.ok()) {
        failed[slot]++;
        if (firstError[slot] == null) {
          firstError[slot] = i.error() == null ? "failed" : i.error();
        }
      }
    }
    double slotWidth = scale.width() / SLOTS;
    double tick = Math.max(1.2, Math.min(3, slotWidth * 0.7));
    StringBuilder passed = new StringBuilder();
    for (int s = 0; s < SLOTS; s++) {
      if (ran[s] == 0) {
        continue;
      }
      double x = scale.left() + s * slotWidth + (slotWidth - tick) / 2;
      if (failed[s] > 0) {
        svg.rect(x, y, tick, height, Palette.RED, failed[s] + " of " + ran[s] + " iterations failed: "
            + Html.shorten(firstError[s], 160));
      } else {
        passed.append('M').append(Html.num(x)).append(' ').append(Html.num(y)).append('h').append(Html.num(tick))
            .append('v').append(Html.num(height)).append("h-").append(Html.num(tick)).append('z');
      }
    }
    svg.path(passed.toString(), Palette.GREEN_BAR);
  }

  private static int slot(long micros, TimeScale scale) {
    double share = (double) (micros - scale.fromMicros()) / scale.spanMicros();
    return (int) Math.max(0, Math.min(SLOTS - 1, share * SLOTS));
  }
}
