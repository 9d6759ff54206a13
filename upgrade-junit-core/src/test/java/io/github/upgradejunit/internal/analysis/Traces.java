package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/** Synthetic monitoring traces and run inputs for the analysis tests. */
final class Traces {

  static final long MS = 1_000;
  static final long SECOND = 1_000_000;
  static final long INTERVAL = 100 * MS;
  static final String COMPUTE = "compute";

  /** The window of {@link #healthyRun()}: the upgrade runs from 60 s to 120 s. */
  static final UpgradeWindow WINDOW = new UpgradeWindow(60 * SECOND, 120 * SECOND, false);

  private Traces() {
  }

  static Sample ok(String service, long at) {
    return new Sample(service, service + "/fresh", at, at, 20 * MS, true, null, null, "r1");
  }

  static Sample failed(String service, long at, ErrorClass errorClass) {
    return new Sample(service, service + "/fresh", at, at, 5 * MS, false, errorClass.name(),
        errorClass + " at " + at, "r1");
  }

  /**
   * A simulated open-loop prober: one sample every {@code interval} from {@code from} (inclusive)
   * to {@code to} (exclusive), failing with the class {@code stateAt} returns for the sample's
   * start, succeeding when it returns {@code null}.
   */
  static List<Sample> probe(String service, String series, long from, long to, long interval,
      LongFunction<ErrorClass> stateAt) {
    List<Sample> samples = new ArrayList<>();
    for (long t = from; t < to; t += interval) {
      ErrorClass error = stateAt.apply(t);
      samples.add(new Sample(service, series, t, t, 20 * MS, error == null,
          error == null ? null : error.name(), null, "r1"));
    }
    return samples;
  }

  /** A prober against an endpoint that is down with {@code error} in {@code [downFrom, downTo)}. */
  static List<Sample> probeDown(String service, long from, long to, long interval, long downFrom,
      long downTo, ErrorClass error) {
    return probe(service, service + "/fresh", from, to, interval,
        t -> t >= downFrom && t < downTo ? error : null);
  }

  /** A healthy prober with latencies drawn from one lognormal distribution (fixed seed). */
  static List<Sample> healthy(String service, long from, long to, long seed) {
    Random random = new Random(seed);
    List<Sample> samples = new ArrayList<>();
    for (long t = from; t < to; t += INTERVAL) {
      long latency = Math.round(20 * MS * Math.exp(0.3 * random.nextGaussian()));
      samples.add(new Sample(service, service + "/fresh", t, t, latency, true, null, null, "r1"));
    }
    return samples;
  }

  static Event event(long at, String type) {
    return new Event(at, type, null, null, null);
  }

  static Event stepStarted(long at, String service, String host, String step) {
    return new Event(at, Event.STEP_STARTED, service, host, step);
  }

  static Event stepFinished(long at, String service, String host, String step) {
    return new Event(at, Event.STEP_FINISHED, service, host, step);
  }

  /**
   * A run that is zero-impact in every respect: compute probed at 10 Hz from 0 to 150 s with one
   * latency distribution, two intact servers, ten honored requests, passing tests and checks.
   */
  static AnalysisInput healthyRun() {
    return AnalysisInput.of(WINDOW)
        .withSamples(healthy(COMPUTE, 0, 150 * SECOND, 42))
        .withResources(List.of(new ResourceCounts(COMPUTE, 2, 2, 0, 0, 0)))
        .withLedger(List.of(new LedgerCounts(COMPUTE, 10, 10, 0, 0)))
        .withTests(List.of(new TestCounts(COMPUTE, Phase.BEFORE, 2, 0, 0),
            new TestCounts(COMPUTE, Phase.AFTER, 3, 0, 1)))
        .withIterations(List.of(
            new Iteration("canListServers", COMPUTE, 70 * SECOND, 71 * SECOND, true, null),
            new Iteration("canListServers", COMPUTE, 80 * SECOND, 81 * SECOND, true, null)));
  }

  /** {@code base} with {@code extra} samples added. */
  static AnalysisInput plusSamples(AnalysisInput base, List<Sample> extra) {
    List<Sample> all = new ArrayList<>(base.samples());
    all.addAll(extra);
    return base.withSamples(all);
  }

  /** {@code base}'s samples, with those in {@code [from, to)} of {@code service} replaced. */
  static AnalysisInput replacing(AnalysisInput base, String service, long from, long to,
      LongFunction<Sample> replacement) {
    List<Sample> all = new ArrayList<>();
    for (Sample s : base.samples()) {
      boolean hit = s.service().equals(service) && s.intendedMicros() >= from
          && s.intendedMicros() < to;
      Sample r = hit ? replacement.apply(s.intendedMicros()) : s;
      if (r != null) {
        all.add(r);
      }
    }
    return base.withSamples(all);
  }
}
