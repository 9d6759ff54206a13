package io.github.upgradejunit.internal.analysis;

import java.util.List;

/**
 * Summed outage durations, carrying their resolution: the sum of estimates together with the sums
 * of lower and upper bounds.
 *
 * @param outages how many outages were summed
 * @param estimateMs sum of the point estimates
 * @param lowerMs sum of the lower bounds
 * @param upperMs sum of the upper bounds
 */
public record Downtime(int outages, double estimateMs, double lowerMs, double upperMs) {

  /** The downtime of these outages. */
  public static Downtime of(List<Outage> outages) {
    double estimate = 0;
    double lower = 0;
    double upper = 0;
    for (Outage o : outages) {
      estimate += o.estimateMs();
      lower += o.lowerMs();
      upper += o.upperMs();
    }
    return new Downtime(outages.size(), estimate, lower, upper);
  }

  /** {@code 1.9 s [1.8 s, 2.0 s]}. */
  public String text() {
    return Durations.bounded(estimateMs, lowerMs, upperMs);
  }
}
