package io.github.upgradejunit.internal.monitor;

import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Overhead of the uptime monitor: CPU time and resident memory of a JVM that probes three local
 * endpoints at a given rate and writes every sample to an SQLite store. The endpoints are served by
 * this (parent) JVM, so their cost is not counted.
 *
 * <pre>
 * mvn -q -o -pl upgrade-junit-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.upgradejunit.internal.monitor.OverheadBenchmark -Dexec.args="600 10 50 100"
 * </pre>
 */
public final class OverheadBenchmark {

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--probe")) {
      probe(Integer.parseInt(args[1]), Double.parseDouble(args[2]), args[3], args[4]);
      return;
    }
    int seconds = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes());
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    String mode = System.getProperty("overhead.mode", "");
    for (int i = 1; i < args.length; i++) {
      Path store = Files.createTempDirectory("uj-overhead").resolve("store.db");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-cp", System.getProperty("java.class.path"), OverheadBenchmark.class.getName(), "--probe",
          String.valueOf(seconds), args[i], "jdbc:sqlite:" + store, mode + base).inheritIO().start();
      child.waitFor();
    }
    server.stop(0);
  }

  private static void probe(int seconds, double rate, String storeUrl, String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Probe> probes = new ArrayList<>();
    for (String service : List.of("identity", "compute", "object-store")) {
      if (base.equals("noop")) { // the scheduler and the store alone, without HTTP
        probes.add(Probe.of(service, service + "/noop", deadline -> ProbeResult.success()));
        continue;
      }
      if (base.startsWith("huc:")) { // the same request through HttpURLConnection (kept-alive by the JDK)
        java.net.URL url = URI.create(base.substring(4) + service).toURL();
        probes.add(Probe.of(service, service + "/huc", deadline -> {
          java.net.HttpURLConnection c = (java.net.HttpURLConnection) url.openConnection();
          c.setConnectTimeout((int) deadline.toMillis());
          c.setReadTimeout((int) deadline.toMillis());
          int status = c.getResponseCode();
          try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
              in.readAllBytes();
            }
          }
          return ProbeResult.ofStatus(status);
        }));
        continue;
      }
      URI uri = URI.create(base + service);
      probes.add(Probe.of(service, service + "/keepalive", deadline -> ProbeResult.ofStatus(http.send(
          HttpRequest.newBuilder(uri).timeout(deadline).build(), HttpResponse.BodyHandlers.discarding()).statusCode())));
    }
    try (Store store = Store.open(storeUrl)) {
      store.createRun("overhead", "uj-overhead-");
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long warmup = 20;
      try (ProbeScheduler scheduler = new ProbeScheduler(probes, rate, Duration.ofSeconds(2), "bench",
          s -> store.writer().sample("overhead", s))) {
        scheduler.start();
        Thread.sleep(warmup * 1_000);
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        long rssMax = 0;
        List<Long> rss = new ArrayList<>();
        for (int t = 0; t < seconds; t += 10) {
          Thread.sleep(10_000);
          long now = residentKb();
          rss.add(now);
          rssMax = Math.max(rssMax, now);
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        System.out.printf("3 endpoints at %.0f/s each for %d s (after %d s warm-up): CPU %.2f %% of one core; "
                + "RSS first %d MiB, last %d MiB, max %d MiB; samples stored %,d%n", rate, seconds, warmup, cpu * 100,
            rss.get(0) / 1024, rss.get(rss.size() - 1) / 1024, rssMax / 1024, store.writer().committed());
      }
    }
  }

  private static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
