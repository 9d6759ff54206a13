package io.github.upgradejunit.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Finds the outages and monitoring gaps of one service in its samples, merged over its series and
 * sorted by intended start. An outage is a maximal run of consecutive failed samples with the same
 * error class and no monitoring gap inside; it opens and closes on availability edges, and a
 * change of error class starts a new one. Bounds come from the neighbouring samples; at the start
 * or end of the data or at a gap, a missing neighbour is assumed one probe interval away and the
 * outage is marked censored. Each series has its own interval (probes may run at different rates):
 * a censored edge uses the interval of the sample at that edge, and a stretch between two samples
 * is a gap when it is longer than {@link Rules#GAP_INTERVALS} intervals of the slower of the two.
 */
final class OutageFinder {

  /** The outages and gaps of one service. */
  record Detection(List<Outage> outages, List<MonitoringGap> gaps) {
  }

  private final String service;
  private final List<Sample> samples;
  private final ToLongFunction<Sample> interval;
  private final UpgradeWindow window;
  private final StepTimeline steps;

  private OutageFinder(String service, List<Sample> samples, ToLongFunction<Sample> intervalMicros,
      UpgradeWindow window, StepTimeline steps) {
    this.service = service;
    this.samples = samples;
    this.interval = intervalMicros;
    this.window = window;
    this.steps = steps;
  }

  /**
   * The outages and gaps in {@code sorted}, the service's samples sorted by intended start, each
   * sample's series probed every {@code intervalMicros.applyAsLong(sample)}.
   */
  static Detection find(String service, List<Sample> sorted, ToLongFunction<Sample> intervalMicros,
      UpgradeWindow window, StepTimeline steps) {
    OutageFinder finder = new OutageFinder(service, sorted, intervalMicros, window, steps);
    return new Detection(finder.outages(), finder.gaps());
  }

  private List<MonitoringGap> gaps() {
    List<MonitoringGap> gaps = new ArrayList<>();
    if (samples.isEmpty()) {
      return gaps;
    }
    long first = at(0);
    long last = at(samples.size() - 1);
    if (first - window.startMicros() > gapThreshold(0)) {
      gaps.add(gap(window.startMicros(), first));
    }
    for (int k = 1; k < samples.size(); k++) {
      if (gapBefore(k)) {
        gaps.add(gap(at(k - 1), at(k)));
      }
    }
    if (window.endMicros() - last > gapThreshold(samples.size() - 1)) {
      gaps.add(gap(last, window.endMicros()));
    }
    return gaps;
  }

  private List<Outage> outages() {
    List<Outage> outages = new ArrayList<>();
    int i = 0;
    while (i < samples.size()) {
      if (samples.get(i).ok()) {
        i++;
        continue;
      }
      int j = endOfRun(i);
      outages.add(outage(i, j));
      i = j + 1;
    }
    return outages;
  }

  /** The last index of the failure run starting at {@code i}: same class, no gap. */
  private int endOfRun(int i) {
    String errorClass = samples.get(i).errorClass();
    int j = i;
    while (j + 1 < samples.size() && !samples.get(j + 1).ok()
        && Objects.equals(samples.get(j + 1).errorClass(), errorClass) && !gapBefore(j + 1)) {
      j++;
    }
    return j;
  }

  private Outage outage(int i, int j) {
    long firstFailed = at(i);
    long lastFailed = at(j);
    boolean hasPreceding = i > 0 && !gapBefore(i);
    boolean hasFollowing = j + 1 < samples.size() && !gapBefore(j + 1);
    long preceding = hasPreceding ? at(i - 1) : firstFailed - intervalAt(i);
    long following = hasFollowing ? at(j + 1) : lastFailed + intervalAt(j);
    double lowerMs = (lastFailed - firstFailed) / 1000.0;
    double upperMs = (following - preceding) / 1000.0;
    return new Outage(service, samples.get(i).errorClass(),
        Math.floorDiv(preceding + firstFailed, 2), Math.floorDiv(lastFailed + following, 2),
        (lowerMs + upperMs) / 2, lowerMs, upperMs, firstFailed, lastFailed, preceding, following,
        j - i + 1, seriesOf(i, j), steps.labelsWithin(preceding, firstFailed),
        window.phaseOf(firstFailed), samples.get(i).detail(), j == samples.size() - 1,
        !hasPreceding || !hasFollowing, false);
  }

  private List<String> seriesOf(int i, int j) {
    TreeSet<String> series = new TreeSet<>();
    for (int k = i; k <= j; k++) {
      series.add(samples.get(k).series());
    }
    return List.copyOf(series);
  }

  private boolean gapBefore(int k) {
    return at(k) - at(k - 1) > Math.max(gapThreshold(k - 1), gapThreshold(k));
  }

  private long gapThreshold(int k) {
    return Rules.GAP_INTERVALS * intervalAt(k);
  }

  private long intervalAt(int k) {
    return interval.applyAsLong(samples.get(k));
  }

  private long at(int k) {
    return samples.get(k).intendedMicros();
  }

  private MonitoringGap gap(long from, long to) {
    return new MonitoringGap(service, from, to, (to - from) / 1000.0);
  }
}
