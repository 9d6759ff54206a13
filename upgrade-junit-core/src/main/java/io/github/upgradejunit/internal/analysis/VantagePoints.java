package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.internal.analysis.VantagePoint.Sighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Outages per vantage point, combined. Each runner's samples are searched for outages on their
 * own (interleaving two runners' samples would turn one runner's outage into flapping). A runner
 * <em>watched</em> an outage when it has samples within the outage's estimated span; a runner that
 * was not probing then (it joined later, or left) neither confirms nor contradicts it. An outage
 * every watching runner saw is an outage of the service, as long as all of them saw it: the
 * intersection of their outages. An outage only some watching runners saw points at the network
 * between them and the service, or at the runners themselves; it is listed per vantage point and
 * does not count as downtime of the service.
 */
final class VantagePoints {

  /** The per-runner view and the outages every runner saw. */
  record Combined(List<VantagePoint> vantagePoints, List<Outage> everywhere) {
  }

  private VantagePoints() {
  }

  /**
   * Combines the outages of {@code sorted} (one service's samples, by intended start) per runner,
   * or returns {@code null} when fewer than two runners probed the service.
   */
  static Combined of(String service, List<Sample> sorted, java.util.function.ToLongFunction<Sample> intervalOf, UpgradeWindow window,
      StepTimeline steps) {
    Map<String, List<Sample>> byRunner = new TreeMap<>();
    for (Sample s : sorted) {
      byRunner.computeIfAbsent(Objects.toString(s.runner(), ""), k -> new ArrayList<>()).add(s);
    }
    if (byRunner.size() < 2) {
      return null;
    }
    Map<String, List<Outage>> outages = new TreeMap<>();
    byRunner.forEach((runner, samples) -> outages.put(runner,
        OutageFinder.find(service, samples, intervalOf, window, steps).outages()));
    List<VantagePoint> points = new ArrayList<>();
    List<Outage> everywhere = new ArrayList<>();
    byRunner.forEach((runner, samples) -> {
      VantagePoint point = point(runner, samples, outages, byRunner);
      points.add(point);
      for (Sighting s : point.outages()) {
        if (s.everyVantagePoint() && s.seenBy().get(0).equals(runner)) { // once, from its first seer
          everywhere.addAll(common(s, outages, window));
        }
      }
    });
    everywhere.sort(java.util.Comparator.comparingLong(Outage::startMicros));
    return new Combined(points, everywhere);
  }

  private static VantagePoint point(String runner, List<Sample> samples, Map<String, List<Outage>> outages,
      Map<String, List<Sample>> byRunner) {
    List<Sighting> sightings = new ArrayList<>();
    for (Outage o : outages.get(runner)) {
      List<String> seenBy = outages.entrySet().stream()
          .filter(e -> e.getValue().stream().anyMatch(other -> overlap(o, other)))
          .map(Map.Entry::getKey).toList();
      boolean unanimous = byRunner.entrySet().stream()
          .filter(e -> watched(e.getValue(), o))
          .allMatch(e -> seenBy.contains(e.getKey()));
      sightings.add(new Sighting(o, seenBy, unanimous));
    }
    int failed = (int) samples.stream().filter(s -> !s.ok()).count();
    return new VantagePoint(runner, samples.size(), failed, sightings, Downtime.of(outages.get(runner)));
  }

  /** Whether a runner's samples (sorted by intended start) include one within the outage's span. */
  private static boolean watched(List<Sample> samples, Outage o) {
    int low = 0;
    int high = samples.size();
    while (low < high) { // the first sample at or after the outage's start
      int mid = (low + high) >>> 1;
      if (samples.get(mid).intendedMicros() < o.startMicros()) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < samples.size() && samples.get(low).intendedMicros() <= o.endMicros();
  }

  /** The part of a sighting every runner that saw it saw: its intersection with their outages. */
  private static List<Outage> common(Sighting s, Map<String, List<Outage>> outages, UpgradeWindow window) {
    List<Outage> pieces = List.of(s.outage());
    for (String other : s.seenBy().subList(1, s.seenBy().size())) {
      pieces = intersect(pieces, outages.get(other), window);
    }
    return pieces;
  }

  /** Whether the estimated intervals of two outages overlap. */
  static boolean overlap(Outage a, Outage b) {
    return Math.max(a.startMicros(), b.startMicros()) < Math.min(a.endMicros(), b.endMicros());
  }

  /** The overlaps of two time-ordered lists of disjoint outages, in time order. */
  private static List<Outage> intersect(List<Outage> a, List<Outage> b, UpgradeWindow window) {
    List<Outage> both = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      Outage x = a.get(i);
      Outage y = b.get(j);
      if (overlap(x, y)) {
        both.add(common(x, y, window));
      }
      if (x.endMicros() <= y.endMicros()) {
        i++;
      } else {
        j++;
      }
    }
    return both;
  }

  /**
   * The part of two overlapping outages both saw: the later start, the earlier end, the tighter
   * bounds. The lower bound is what both saw failing; the upper bound spans from the later
   * preceding success to the earlier following one.
   */
  private static Outage common(Outage x, Outage y, UpgradeWindow window) {
    long start = Math.max(x.startMicros(), y.startMicros());
    long end = Math.min(x.endMicros(), y.endMicros());
    long firstFailed = Math.max(x.firstFailedMicros(), y.firstFailedMicros());
    long lastFailed = Math.min(x.lastFailedMicros(), y.lastFailedMicros());
    long preceding = Math.max(x.precedingMicros(), y.precedingMicros());
    long following = Math.min(x.followingMicros(), y.followingMicros());
    double lowerMs = Math.max(0, lastFailed - firstFailed) / 1000.0;
    double upperMs = Math.max(0, following - preceding) / 1000.0;
    double estimateMs = Math.min(upperMs, Math.max(lowerMs, (end - start) / 1000.0));
    Outage later = x.startMicros() >= y.startMicros() ? x : y;
    java.util.SortedSet<String> series = new java.util.TreeSet<>(x.series());
    series.addAll(y.series());
    return new Outage(x.service(), x.errorClass(), start, end, estimateMs, lowerMs, upperMs,
        Math.min(firstFailed, lastFailed), lastFailed, preceding, following,
        x.failedSamples() + y.failedSamples(), List.copyOf(series), later.steps(), window.phaseOf(firstFailed),
        later.detail(),
        x.openAtEnd() && y.openAtEnd(), x.censored() || y.censored(), false);
  }
}
