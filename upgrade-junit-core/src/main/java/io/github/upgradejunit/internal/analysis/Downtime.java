package io.github.upgradejunit.internal.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * Summed outage durations, carrying their resolution: the sum of estimates together with the sums
 * of lower and upper bounds. Outages that touch (the error class changed, say from 502 to 503,
 * with no good sample between) are one stretch of downtime: only its outer edges are uncertain, so
 * its bounds are taken over the whole stretch, not summed per outage (which would count the
 * spacing at each change of class as uncertain twice).
 *
 * @param outages how many outages were summed
 * @param estimateMs sum of the point estimates
 * @param lowerMs sum of the lower bounds of the stretches
 * @param upperMs sum of the upper bounds of the stretches
 */
public record Downtime(int outages, double estimateMs, double lowerMs, double upperMs) {

  /** The downtime of these outages. */
  public static Downtime of(List<Outage> outages) {
    List<Outage> sorted = outages.stream().sorted(Comparator.comparingLong(Outage::firstFailedMicros)).toList();
    double estimate = 0;
    double lower = 0;
    double upper = 0;
    int i = 0;
    while (i < sorted.size()) {
      Outage first = sorted.get(i);
      Outage last = first;
      estimate += first.estimateMs();
      while (i + 1 < sorted.size() && sorted.get(i + 1).precedingMicros() == last.lastFailedMicros()) {
        last = sorted.get(++i);
        estimate += last.estimateMs();
      }
      lower += (last.lastFailedMicros() - first.firstFailedMicros()) / 1000.0;
      upper += (last.followingMicros() - first.precedingMicros()) / 1000.0;
      i++;
    }
    return new Downtime(outages.size(), estimate, lower, upper);
  }

  /** {@code 1.9 s [1.8 s, 2.0 s]}. */
  public String text() {
    return Durations.bounded(estimateMs, lowerMs, upperMs);
  }
}
