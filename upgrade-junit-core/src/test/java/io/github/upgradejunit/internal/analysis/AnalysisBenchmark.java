package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@link Analysis#of} on synthetic runs of 0.43, 1 and 10 million samples: three services, two
 * series each at 10 Hz (60 samples a second, so 1M is about 4.6 hours of monitoring), lognormal
 * latencies, a 2 s outage per service and a latency shift during the upgrade, forty steps. Not a
 * test: run it by hand, e.g.
 * {@code java -Xmx4g -cp target/classes:target/test-classes
 * io.github.upgradejunit.internal.analysis.AnalysisBenchmark}.
 */
final class AnalysisBenchmark {

  private static final long MICROS_PER_SAMPLE_SLOT = 100_000;
  private static final String[] SERVICES = {"compute", "identity", "object-store"};
  private static final String[] SERIES = {"fresh", "keepalive"};

  private AnalysisBenchmark() {
  }

  public static void main(String[] args) {
    measure(1_000_000, 1); // JIT warm-up, not reported
    System.out.println("samples      build    analyse (best of 3)   samples/s    heap after");
    // 432,000 = a 2-hour run: 3 services x 2 series x 10 Hz x 7,200 s
    for (int n : new int[] {432_000, 1_000_000, 10_000_000}) {
      measure(n, 3);
    }
  }

  private static void measure(int samples, int rounds) {
    long t0 = System.nanoTime();
    AnalysisInput input = run(samples);
    long built = System.nanoTime() - t0;
    long best = Long.MAX_VALUE;
    AnalysisResult result = null;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      result = Analysis.of(input);
      best = Math.min(best, System.nanoTime() - start);
    }
    if (rounds > 1) {
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "%,11d  %6.2f s  %6.2f s              %,12.0f  %,6d MB  (%s, %d outages)%n",
          samples, built / 1e9, best / 1e9, samples / (best / 1e9),
          (rt.totalMemory() - rt.freeMemory()) >> 20, result.overall().level().key(),
          result.services().stream().mapToInt(s -> s.outages().size()).sum());
    }
  }

  /** A run of about {@code total} samples; the upgrade occupies the middle third. */
  private static AnalysisInput run(int total) {
    int perSeries = total / (SERVICES.length * SERIES.length);
    long end = perSeries * MICROS_PER_SAMPLE_SLOT;
    UpgradeWindow window = new UpgradeWindow(end / 3, 2 * end / 3, false);
    Random random = new Random(1);
    List<Sample> samples = new ArrayList<>(total);
    for (int k = 0; k < perSeries; k++) {
      for (int s = 0; s < SERVICES.length; s++) {
        for (int r = 0; r < SERIES.length; r++) {
          long t = k * MICROS_PER_SAMPLE_SLOT + r * 50_000 + s * 10_000;
          samples.add(sample(SERVICES[s], SERIES[r], t, window, s, random));
        }
      }
    }
    return AnalysisInput.of(window).withSamples(samples).withEvents(steps(window));
  }

  private static Sample sample(String service, String series, long t, UpgradeWindow window,
      int serviceIndex, Random random) {
    long outageStart = window.startMicros() + (serviceIndex + 1) * 60_000_000L;
    boolean down = t >= outageStart && t < outageStart + 2_000_000;
    double factor = window.phaseOf(t) == io.github.upgradejunit.Phase.DURING
        && serviceIndex == 0 ? 1.4 : 1.0;
    long latency = Math.round(factor * 20_000 * Math.exp(0.4 * random.nextGaussian()));
    return new Sample(service, series, t, t, latency, !down,
        down ? ErrorClass.HTTP_5XX.name() : null, down ? "HTTP 503" : null, "bench");
  }

  private static List<Event> steps(UpgradeWindow window) {
    List<Event> events = new ArrayList<>();
    long length = (window.endMicros() - window.startMicros()) / 40;
    for (int k = 0; k < 40; k++) {
      String host = "ctl" + (k % 3 + 1);
      String step = "upgrade " + SERVICES[k % 3];
      long start = window.startMicros() + k * length;
      events.add(new Event(start, Event.STEP_STARTED, SERVICES[k % 3], host, step));
      events.add(new Event(start + length - 1, Event.STEP_FINISHED, SERVICES[k % 3], host, step));
    }
    return events;
  }
}
