package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.analysis.Analysis;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.store.Store;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long writing a report takes and how much heap it needs, for runs of a given number of probe
 * samples (three services, two series each at 10 Hz, nine steps, one 2 s outage):
 *
 * <pre>
 * java -Xmx4g -cp ... io.github.upgradejunit.internal.report.ReportBenchmark [--dir DIR] 10000 1000000 10000000
 * </pre>
 *
 * The size {@code two-runners-2h} is a 2-hour run seen from two runners (3 services, 10 Hz), one of
 * whose paths to identity breaks for 20 s. {@code -Dbench.store=jdbc:postgresql://...} puts the store
 * in PostgreSQL (an empty schema) instead of SQLite.
 *
 * The size {@code flapping} is the page's worst case instead: a 30-minute upgrade in which identity
 * fails for 400 ms of every 1.5 s (about 1,400 outages).
 *
 * For each size it fills a store (kept in {@code DIR/<size>} and reused when {@code --dir} is given,
 * so several heap sizes can be tried on one store; a temporary one otherwise), then times
 * {@link RunReporter#write} as the after phase calls it, and once more step by step (load from the
 * store, analysis, HTML). "Peak heap used" is the largest used heap a sampler saw every 5 ms during
 * the write: it includes garbage not yet collected, so it is an upper bound. "Live after load" is
 * the heap after a full GC with the loaded run held: what the samples themselves cost.
 */
public final class ReportBenchmark {

  private ReportBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path keep = args.length > 1 && args[0].equals("--dir") ? Path.of(args[1]) : null;
    String[] rest = keep == null ? args : java.util.Arrays.copyOfRange(args, 2, args.length);
    String[] sizes = rest.length == 0 ? new String[] {"10000", "1000000", "10000000"} : rest;
    System.out.printf(Locale.ROOT, "JVM: %s %s, max heap %d MB, %d cores%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    for (String size : sizes) {
      Path directory = keep == null ? Files.createTempDirectory("report-benchmark") : keep.resolve(size);
      try {
        measure(size, directory);
      } finally {
        if (keep == null) {
          delete(directory);
        }
      }
    }
  }

  private static SyntheticRun run(String size) {
    SyntheticRun run = SyntheticRun.realistic("bench-" + size, ReportFixtures.CURRENT_START).withoutControlProbe();
    if (size.equals("two-runners-2h")) { // 2 h of monitoring; a second runner's path to identity breaks for 20 s
      return run.withWindow(java.time.Duration.ofSeconds(7200 - 90)).withRunner("ci-runner-2", "identity", 600_000, 20_000);
    }
    return size.equals("flapping") ? run.withWindow(java.time.Duration.ofMinutes(30)).withFlapping("identity", 1_500, 400)
        : run.withSamples(Long.parseLong(size));
  }

  private static void measure(String size, Path directory) throws Exception {
    String url = System.getProperty("bench.store", ReportFixtures.storeUrl(directory)); // or a PostgreSQL URL
    try (Store store = Store.open(url)) {
      SyntheticRun run = run(size);
      if (store.run(run.runId).isPresent()) {
        System.out.printf(Locale.ROOT, "%n%,d samples already in %s%n", store.sampleCount(run.runId), directory);
      } else {
        long fillStart = System.nanoTime();
        run.writeTo(store, url);
        System.out.printf(Locale.ROOT, "%n%,d samples written in %.1f s%n", run.samplesWritten(),
            (System.nanoTime() - fillStart) / 1e9);
      }
      try {
        timeWrite(store, run, directory);
        timeSteps(store, run);
      } catch (OutOfMemoryError e) {
        System.out.printf(Locale.ROOT, "  OUT OF MEMORY at %,d samples with max heap %d MB: %s%n",
            store.sampleCount(run.runId), Runtime.getRuntime().maxMemory() >> 20, e.getMessage());
      }
    }
  }

  private static void timeWrite(Store store, SyntheticRun run, Path directory) throws Exception {
    HeapSampler heap = HeapSampler.start();
    long start = System.nanoTime();
    RunReporter.write(store, run.runId, directory.resolve("report"), ReportFixtures.expecting("zero-downtime"));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stop();
    long html = Files.size(directory.resolve("report").resolve("index.html"));
    long json = Files.size(directory.resolve("report").resolve("summary.json"));
    System.out.printf(Locale.ROOT, "  RunReporter.write: %.2f s, peak heap used %,d MB (before: %,d MB); "
        + "index.html %,d bytes, summary.json %,d bytes%n", seconds, peak >> 20, heap.baseline >> 20, html, json);
  }

  private static void timeSteps(Store store, SyntheticRun run) {
    long start = System.nanoTime();
    RunData data = RunData.load(store, run.runId, Level.ZERO_DOWNTIME, false);
    double load = (System.nanoTime() - start) / 1e9;
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    start = System.nanoTime();
    AnalysisResult result = Analysis.of(data.input());
    double analysis = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    ObjectNode summary = SummaryJson.of(data, result);
    ReportModel model = ReportModel.of(data, result, summary, store.summaries(), store.location());
    String html = HtmlReport.render(model);
    double rendering = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "  steps: load %.2f s (live heap after it, full GC: %,d MB), analysis %.2f s, "
        + "summary + digest + HTML %.2f s (%,d bytes)%n", load, live >> 20, analysis, rendering,
        html.getBytes(StandardCharsets.UTF_8).length);
  }

  private static void delete(Path directory) throws java.io.IOException {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The largest used heap seen every 5 ms. */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long baseline;
    private final Thread thread;

    private HeapSampler() {
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      thread = new Thread(this::sample, "heap-sampler");
      thread.setDaemon(true);
    }

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      sampler.thread.start();
      return sampler;
    }

    private void sample() {
      while (running.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long stop() throws InterruptedException {
      running.set(false);
      thread.join();
      return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed());
    }
  }
}
