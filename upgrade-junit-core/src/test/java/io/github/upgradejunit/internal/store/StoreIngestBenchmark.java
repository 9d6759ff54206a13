package io.github.upgradejunit.internal.store;

import io.github.upgradejunit.internal.store.Rows.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Store ingest rate: samples per second through the batch writer into one SQLite file (or another store), from one JVM
 * and from three JVMs at once. A harness, not a test: numbers go to docs/benchmarks.md.
 *
 * <pre>
 * mvn -q -o -pl upgrade-junit-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.upgradejunit.internal.store.StoreIngestBenchmark -Dexec.args="1000000"
 * </pre>
 *
 * A second argument names another store, e.g. a PostgreSQL URL (an empty schema): the same rounds
 * run against it.
 */
public final class StoreIngestBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("--child")) {
      System.out.println(ingest(args[1], args[2], Integer.parseInt(args[3])));
      return;
    }
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String url = args.length > 1 ? args[1]
        : "jdbc:sqlite:" + Files.createTempDirectory("uj-bench").resolve("bench.db");
    try (Store store = Store.open(url)) {
      store.createRun("bench", "uj-bench-");
    }
    for (int round = 1; round <= 3; round++) {
      double rate = ingest(url, "one-" + round, samples);
      System.out.printf("one JVM, round %d: %,d samples at %,.0f samples/s%n", round, samples, rate);
    }
    for (int round = 1; round <= 3; round++) {
      List<Process> children = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), StoreIngestBenchmark.class.getName(), "--child", url,
            "three-" + round + "-" + i, String.valueOf(samples / 3)).inheritIO().start());
      }
      for (Process child : children) {
        child.waitFor();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("three JVMs, round %d: %,d samples in %.2f s (incl. JVM start) = %,.0f samples/s together%n",
          round, samples / 3 * 3, seconds, samples / 3 * 3 / seconds);
    }
    try (Store store = Store.open(url)) {
      System.out.printf("rows in the store: %,d%n", store.sampleCount("bench"));
    }
  }

  private static double ingest(String url, String runner, int samples) throws Exception {
    try (Store store = Store.open(url)) {
      long start = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        while (i - store.writer().committed() > 500_000) {
          Thread.onSpinWait(); // stay within the writer's bounded queue, as a real prober's rate would
        }
        store.writer().sample("bench", new Sample("compute", "compute/keepalive", i, i, 1234, i % 100 != 0,
            i % 100 != 0 ? null : "HTTP_5XX", 200, null, false, runner));
      }
      store.writer().flush(600_000);
      return samples / ((System.nanoTime() - start) / 1e9);
    }
  }
}
