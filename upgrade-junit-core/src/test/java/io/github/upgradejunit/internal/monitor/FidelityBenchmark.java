package io.github.upgradejunit.internal.monitor;

import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.internal.analysis.Analysis;
import io.github.upgradejunit.internal.analysis.AnalysisInput;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fidelity of the uptime monitor against a local HTTP target that goes down for known intervals:
 * measured vs true downtime per outage, recall, and false outages — with a naive sequential
 * 1-per-second prober (the anchors' method) on the same target at the same time.
 *
 * <pre>
 * mvn -q -o -pl upgrade-junit-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.upgradejunit.internal.monitor.FidelityBenchmark -Dexec.args="outages 5"
 * ... -Dexec.args="healthy 600"      (a healthy target for 600 s: false outages)
 * </pre>
 */
public final class FidelityBenchmark {

  /** One true outage of the target. */
  record Truth(String label, long startMicros, long endMicros) {
    double ms() {
      return (endMicros - startMicros) / 1000.0;
    }
  }

  /** The target: three backends behind a round-robin balancer; each can be down. */
  static final class Target implements AutoCloseable {
    final HttpServer server;
    final boolean[] down = new boolean[3];
    final AtomicInteger next = new AtomicInteger();

    Target() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
      server.createContext("/", exchange -> {
        int backend = Math.floorMod(next.getAndIncrement(), 3);
        boolean isDown;
        synchronized (down) {
          isDown = down[backend];
        }
        byte[] body = (isDown ? "down" : "ok").getBytes();
        exchange.sendResponseHeaders(isDown ? 503 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.setExecutor(Executors.newFixedThreadPool(16));
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    long set(boolean allDown, int... backends) {
      synchronized (down) {
        for (int b : backends) {
          down[b] = allDown;
        }
        return Micros.now();
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "outages";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (mode.equals("healthy")) {
      healthy(rounds);
    } else {
      for (int round = 1; round <= rounds; round++) {
        outages(round, new Random(round));
      }
    }
  }

  private static void outages(int round, Random random) throws Exception {
    try (Target target = new Target()) {
      List<Sample> ours = new CopyOnWriteArrayList<>();
      List<Sample> naive = new CopyOnWriteArrayList<>();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      Probe probe = Probe.of("api", "api/keepalive", deadline -> ProbeResult.ofStatus(http.send(
          HttpRequest.newBuilder(target.uri()).timeout(deadline).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode()));
      List<Truth> truth = new ArrayList<>();
      long start = Micros.now();
      Thread naiveProber = naiveProber(target.uri(), naive);
      try (ProbeScheduler scheduler = new ProbeScheduler(List.of(probe), 10, Duration.ofSeconds(1), "bench",
          s -> ours.add(new Sample(s.service(), s.series(), s.intendedAt(), s.startedAt(), s.latencyMicros(), s.ok(),
              s.errorClass(), s.detail(), s.runner())))) {
        scheduler.start();
        Thread.sleep(3_000 + random.nextInt(1_000));
        for (long ms : new long[] {50, 200, 1_000, 5_000}) {
          truth.add(outage(target, ms + " ms down", ms));
          Thread.sleep(3_000 + random.nextInt(1_000));
        }
        for (int i = 0; i < 5; i++) { // flapping: 150 ms down, 150 ms up
          truth.add(outage(target, "flap " + (i + 1) + " (150 ms)", 150));
          Thread.sleep(150);
        }
        Thread.sleep(3_000);
        long partialStart = target.set(true, 1);
        Thread.sleep(2_000);
        long partialEnd = target.set(false, 1);
        Thread.sleep(3_000);
        naiveProber.interrupt();
        print(round, "ours (10/s open-loop)", ours, truth, start, 100, partialStart, partialEnd);
        print(round, "naive (1/s sequential)", naive, truth, start, 1000, partialStart, partialEnd);
      }
    }
  }

  private static Truth outage(Target target, String label, long ms) throws InterruptedException {
    long from = target.set(true, 0, 1, 2);
    Thread.sleep(ms);
    long to = target.set(false, 0, 1, 2);
    return new Truth(label, from, to);
  }

  private static Thread naiveProber(URI uri, List<Sample> samples) {
    Thread thread = new Thread(() -> {
      HttpClient http = HttpClient.newHttpClient();
      while (!Thread.currentThread().isInterrupted()) {
        long at = Micros.now();
        boolean ok;
        String error = null;
        try {
          int status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode();
          ok = status < 400;
          error = ok ? null : "HTTP_5XX";
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          ok = false;
          error = "CONNECT";
        }
        samples.add(new Sample("api", "api/naive", at, at, Micros.now() - at, ok, error, null, "naive"));
        try {
          Thread.sleep(Math.max(0, 1_000 - (Micros.now() - at) / 1_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "naive-prober");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void print(int round, String prober, List<Sample> samples, List<Truth> truth, long start,
      double intervalMs, long partialStart, long partialEnd) {
    List<Outage> measured = Analysis.of(AnalysisInput.of(new UpgradeWindow(start, Micros.now(), false))
        .withSamples(samples)).services().get(0).outages();
    System.out.printf("%nround %d, %s: %d samples, %d outages measured%n", round, prober, samples.size(), measured.size());
    System.out.printf("  %-22s %10s %12s %20s %10s%n", "true outage", "true ms", "measured ms", "bounds [ms]", "error ms");
    int missedLong = 0;
    List<Outage> matched = new ArrayList<>();
    for (Truth t : truth) {
      List<Outage> hits = measured.stream().filter(o -> o.startMicros() < t.endMicros() + 1_000
          && o.endMicros() > t.startMicros() - 1_000 && o.startMicros() < partialStart).toList();
      matched.addAll(hits);
      if (hits.isEmpty()) {
        if (t.ms() >= 2 * intervalMs) {
          missedLong++;
        }
        System.out.printf("  %-22s %10.1f %12s %20s %10s%n", t.label(), t.ms(), "missed", "-", "-");
      } else {
        double est = hits.stream().mapToDouble(Outage::estimateMs).sum();
        double lo = hits.stream().mapToDouble(Outage::lowerMs).sum();
        double hi = hits.stream().mapToDouble(Outage::upperMs).sum();
        System.out.printf("  %-22s %10.1f %12.1f %20s %+10.1f%s%n", t.label(), t.ms(), est,
            String.format("[%.0f, %.0f]", lo, hi), est - t.ms(), t.ms() >= lo && t.ms() <= hi ? "" : "  (truth outside bounds)");
      }
    }
    long partialFailures = samples.stream().filter(s -> !s.ok() && s.intendedMicros() >= partialStart
        && s.intendedMicros() <= partialEnd).count();
    long partialSamples = samples.stream().filter(s -> s.intendedMicros() >= partialStart
        && s.intendedMicros() <= partialEnd).count();
    long falseOutages = measured.stream().filter(o -> !matched.contains(o)
        && (o.endMicros() < partialStart || o.startMicros() > partialEnd)).count();
    System.out.printf("  1 of 3 backends down for %.0f ms: %d of %d samples failed (%s)%n",
        (partialEnd - partialStart) / 1000.0, partialFailures, partialSamples,
        partialFailures > 0 ? "detected" : "NOT detected");
    System.out.printf("  outages >= 2 intervals missed: %d; false outages: %d%n", missedLong, falseOutages);
  }

  private static void healthy(int seconds) throws Exception {
    try (Target target = new Target()) {
      List<Sample> ours = new CopyOnWriteArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      Probe probe = Probe.of("api", "api/keepalive", deadline -> ProbeResult.ofStatus(http.send(
          HttpRequest.newBuilder(target.uri()).timeout(deadline).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode()));
      long start = Micros.now();
      try (ProbeScheduler scheduler = new ProbeScheduler(List.of(probe), 10, Duration.ofSeconds(1), "bench",
          s -> ours.add(new Sample(s.service(), s.series(), s.intendedAt(), s.startedAt(), s.latencyMicros(), s.ok(),
              s.errorClass(), s.detail(), s.runner())))) {
        scheduler.start();
        Thread.sleep(seconds * 1_000L);
      }
      List<Outage> measured = Analysis.of(AnalysisInput.of(new UpgradeWindow(start, Micros.now(), false))
          .withSamples(ours)).services().get(0).outages();
      System.out.printf("healthy target for %d s: %d samples, %d failed, %d false outages%n", seconds, ours.size(),
          ours.stream().filter(s -> !s.ok()).count(), measured.size());
    }
  }
}
