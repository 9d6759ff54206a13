package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Durations;
import io.github.upgradejunit.internal.analysis.UpgradeStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Upgrade steps packed into rows so that overlapping steps (a rolling restart on two hosts at once)
 * sit under each other instead of on top of each other.
 */
final class StepRows {

  private StepRows() {
  }

  /**
   * The steps, in order of start, in the first row where they do not overlap the previous step by
   * pixels; with more overlap than {@code maxRows} rows allow, the rest share the last row.
   */
  static List<List<UpgradeStep>> pack(List<UpgradeStep> steps, TimeScale scale, int maxRows) {
    List<List<UpgradeStep>> rows = new ArrayList<>();
    List<Double> rowEnds = new ArrayList<>();
    for (UpgradeStep step : steps) {
      double x = scale.x(step.startMicros());
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > x + 0.5) {
        row++;
      }
      if (row == maxRows) {
        row = maxRows - 1;
      }
      if (row == rows.size()) {
        rows.add(new ArrayList<>());
        rowEnds.add(0.0);
      }
      rows.get(row).add(step);
      rowEnds.set(row, Math.max(rowEnds.get(row), x + scale.width(step.startMicros(), step.endMicros(), 2)));
    }
    return rows;
  }

  /** {@code restart nova-api ctl1: T+12.0 s to T+14.2 s (2.2 s)}. */
  static String tooltip(UpgradeStep step, TimeScale scale) {
    return step.label() + ": " + scale.offset(step.startMicros()) + " to " + scale.offset(step.endMicros()) + " ("
        + Durations.formatMicros(step.endMicros() - step.startMicros()) + (step.finished() ? "" : ", never finished")
        + ")";
  }
}
