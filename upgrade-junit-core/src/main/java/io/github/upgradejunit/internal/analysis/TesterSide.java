package io.github.upgradejunit.internal.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The control-probe rule: a service outage whose uncertainty span (preceding to following sample)
 * overlaps the span of an outage of a control probe is flagged tester-side, because the tester's
 * own network or host was in trouble at the time. Tester-side outages do not count against
 * zero-downtime unless {@link AnalysisInput#countTesterSide()}.
 */
final class TesterSide {

  private TesterSide() {
  }

  /** The services with tester-side flags set and their counted downtime computed. */
  static List<ServiceAnalysis> flag(List<ServiceAnalysis> services, UpgradeWindow window,
      boolean countTesterSide) {
    Spans control = Spans.of(services.stream().filter(ServiceAnalysis::control)
        .flatMap(s -> s.outages().stream()).toList());
    return services.stream().map(s -> {
      if (s.control()) {
        return s;
      }
      List<Outage> flagged =
          s.outages().stream().map(o -> o.withTesterSide(control.overlaps(o))).toList();
      List<Outage> counted = flagged.stream()
          .filter(o -> VerdictRules.counts(o, window, countTesterSide)).toList();
      return s.withOutages(flagged, Downtime.of(counted));
    }).toList();
  }

  /**
   * Outage spans sorted by start, with the running maximum of their ends, so "does any span
   * overlap this one" is a binary search.
   */
  private record Spans(long[] starts, long[] maxEnds) {

    static Spans of(List<Outage> outages) {
      List<Outage> sorted = outages.stream()
          .sorted(Comparator.comparingLong(Outage::precedingMicros)).toList();
      long[] starts = new long[sorted.size()];
      long[] maxEnds = new long[sorted.size()];
      long max = Long.MIN_VALUE;
      for (int k = 0; k < sorted.size(); k++) {
        starts[k] = sorted.get(k).precedingMicros();
        max = Math.max(max, sorted.get(k).followingMicros());
        maxEnds[k] = max;
      }
      return new Spans(starts, maxEnds);
    }

    /** Whether a span starts before {@code o} ends and ends after {@code o} starts. */
    boolean overlaps(Outage o) {
      int startingBefore = countBelow(o.followingMicros());
      return startingBefore > 0 && maxEnds[startingBefore - 1] > o.precedingMicros();
    }

    /** How many starts are strictly below {@code value}. */
    private int countBelow(long value) {
      int found = Arrays.binarySearch(starts, value);
      if (found < 0) {
        return -found - 1;
      }
      while (found > 0 && starts[found - 1] == value) {
        found--;
      }
      return found;
    }
  }
}
