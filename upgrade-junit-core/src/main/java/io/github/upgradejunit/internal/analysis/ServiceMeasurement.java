package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures one service: sorts its samples, observes the probe interval, finds outages and gaps, and
 * computes availability and latency per phase. The verdict and the tester-side flags come later,
 * when every service has been measured.
 */
final class ServiceMeasurement {

  /** Intended start, then series, then runner: a total order, so input order never matters. */
  private static final Comparator<Sample> BY_INTENDED_START = (a, b) -> {
    int byTime = Long.compare(a.intendedMicros(), b.intendedMicros());
    if (byTime != 0) {
      return byTime;
    }
    int bySeries = a.series().compareTo(b.series());
    return bySeries != 0 ? bySeries
        : Objects.toString(a.runner(), "").compareTo(Objects.toString(b.runner(), ""));
  };

  private ServiceMeasurement() {
  }

  /** The measurements of {@code service} from its samples, in any order. */
  static ServiceAnalysis measure(String service, List<Sample> samples, AnalysisInput in,
      StepTimeline steps) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(BY_INTENDED_START);
    Intervals intervals = Intervals.of(sorted);
    long interval = intervals.pooledMedianMicros();
    OutageFinder.Detection found =
        OutageFinder.find(service, sorted, intervals::ofSeries, in.window(), steps);
    VantagePoints.Combined vantage = VantagePoints.of(service, sorted, intervals::ofSeries, in.window(), steps);
    List<Outage> outages = vantage == null ? found.outages() : vantage.everywhere();
    PhaseSplit split = PhaseSplit.of(sorted, in.window());
    Tallies tallies = Tallies.of(service, in);
    return new ServiceAnalysis(service, in.controlServices().contains(service), sorted.size(),
        split.failedTotal(), split.http5xx(), interval / 1000.0, intervals.stats(),
        outages, found.gaps(), Downtime.of(outages), Downtime.of(List.of()),
        split.availability(), split.latency(),
        MannWhitney.compare(split.okLatencies(Phase.BEFORE), split.okLatencies(Phase.DURING)),
        tallies.checks(), tallies.resources(), tallies.ledger(), tallies.tests(), null,
        vantage == null ? List.of() : vantage.vantagePoints());
  }

  /** Spacing of intended starts within each series (and monitoring process). */
  private record Intervals(List<SeriesStats> stats, double pooledMedian, Map<String, Long> bySeries) {

    static Intervals of(List<Sample> sorted) {
      Map<String, Map<String, SeriesAccumulator>> bySeries = new HashMap<>();
      for (Sample s : sorted) {
        bySeries.computeIfAbsent(s.series(), k -> new HashMap<>())
            .computeIfAbsent(Objects.toString(s.runner(), ""),
                k -> new SeriesAccumulator(s.series(), s.runner()))
            .add(s);
      }
      LongList pooled = new LongList();
      List<SeriesStats> stats = new ArrayList<>();
      bySeries.values().stream().flatMap(byRunner -> byRunner.values().stream())
          .sorted(Comparator.comparing((SeriesAccumulator a) -> a.series)
              .thenComparing(a -> Objects.toString(a.runner, "")))
          .forEach(a -> {
            pooled.addAll(a.spacings);
            stats.add(a.stats());
          });
      Map<String, Long> own = new HashMap<>();
      stats.stream().filter(st -> st.medianIntervalMs() != null && st.medianIntervalMs() > 0)
          .forEach(st -> own.put(key(st.series(), st.runner()), Math.round(st.medianIntervalMs() * 1000)));
      return new Intervals(stats, pooled.median(), own);
    }

    private static String key(String series, String runner) {
      return series + '\u0000' + Objects.toString(runner, "");
    }

    /** The interval of a sample's own series, else the pooled one (a series of one sample). */
    long ofSeries(Sample s) {
      Long own = bySeries.get(key(s.series(), s.runner()));
      return own != null ? own : pooledMedianMicros();
    }

    /** The pooled median spacing, or {@link Rules#DEFAULT_INTERVAL_MICROS} when none observed. */
    long pooledMedianMicros() {
      return pooledMedian > 0 ? Math.round(pooledMedian) : Rules.DEFAULT_INTERVAL_MICROS;
    }
  }

  /** Collects one series' samples. */
  private static final class SeriesAccumulator {
    private final String series;
    private final String runner;
    private final LongList spacings = new LongList();
    private int samples;
    private int failed;
    private long last;

    SeriesAccumulator(String series, String runner) {
      this.series = series;
      this.runner = runner;
    }

    void add(Sample s) {
      if (samples > 0) {
        spacings.add(s.intendedMicros() - last);
      }
      last = s.intendedMicros();
      samples++;
      failed += s.ok() ? 0 : 1;
    }

    SeriesStats stats() {
      double median = spacings.median();
      return new SeriesStats(series, runner, samples, failed, median < 0 ? null : median / 1000.0);
    }
  }

  /** Samples split by phase: counts for availability, successful latencies for statistics. */
  private record PhaseSplit(int[] samples, int[] failed, int http5xx, long[][] okSorted) {

    static PhaseSplit of(List<Sample> sorted, UpgradeWindow window) {
      int[] samples = new int[3];
      int[] failed = new int[3];
      int http5xx = 0;
      List<LongList> ok = List.of(new LongList(), new LongList(), new LongList());
      for (Sample s : sorted) {
        int phase = window.phaseOf(s.intendedMicros()).ordinal();
        samples[phase]++;
        if (s.ok()) {
          ok.get(phase).add(s.latencyMicros());
        } else {
          failed[phase]++;
          http5xx += s.answered5xx() ? 1 : 0;
        }
      }
      long[][] okSorted = new long[3][];
      for (int p = 0; p < 3; p++) {
        okSorted[p] = ok.get(p).sorted();
      }
      return new PhaseSplit(samples, failed, http5xx, okSorted);
    }

    int failedTotal() {
      return failed[0] + failed[1] + failed[2];
    }

    long[] okLatencies(Phase phase) {
      return okSorted[phase.ordinal()];
    }

    List<PhaseAvailability> availability() {
      List<PhaseAvailability> list = new ArrayList<>();
      for (Phase p : Phase.values()) {
        list.add(PhaseAvailability.of(p, samples[p.ordinal()], failed[p.ordinal()]));
      }
      return list;
    }

    List<LatencyStats> latency() {
      List<LatencyStats> list = new ArrayList<>();
      for (Phase p : Phase.values()) {
        list.add(LatencyStatistics.of(p, okLatencies(p)));
      }
      return list;
    }
  }
}
