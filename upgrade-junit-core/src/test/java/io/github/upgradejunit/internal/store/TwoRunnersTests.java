package io.github.upgradejunit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.report.RunReporter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runners in two JVMs join one run in one PostgreSQL and probe one service over HTTP, each by
 * its own path. The service goes down for both; later only the west runner's path breaks. The
 * report must call the first an outage of the service and the second one west's alone.
 */
class TwoRunnersTests {

  private final AtomicBoolean serviceDown = new AtomicBoolean();
  private final AtomicBoolean westPathCut = new AtomicBoolean();
  private HttpServer service;
  private String url;

  @TempDir
  Path directory;

  @AfterEach
  void stop() {
    if (service != null) {
      service.stop(0);
    }
    if (url != null) {
      TestPostgres.drop(url);
    }
  }

  private void answer(HttpExchange exchange, boolean cut) throws java.io.IOException {
    if (cut) {
      exchange.close(); // the path is broken: the connection ends without an answer
      return;
    }
    int status = serviceDown.get() ? 503 : 200;
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private String startService() throws Exception {
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext("/east", exchange -> answer(exchange, false));
    service.createContext("/west", exchange -> answer(exchange, westPathCut.get()));
    service.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    service.start();
    return "http://127.0.0.1:" + service.getAddress().getPort();
  }

  private Process runner(String name, String target) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunnerChild.class.getName(),
        url, "two", name, target).redirectErrorStream(true)
        .redirectOutput(directory.resolve(name + ".log").toFile()).start();
  }

  private static void awaitPhases(Store store, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (store.phases("two").size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1_500); // let both monitors take a baseline
  }

  private static void hold(AtomicBoolean flag, long millis) throws InterruptedException {
    flag.set(true);
    Thread.sleep(millis);
    flag.set(false);
    Thread.sleep(1_500);
  }

  @Test
  void anOutageBothRunnersSawIsTheServicesAndOneOnlyWestSawIsWestsAlone() throws Exception {
    url = TestPostgres.freshSchema();
    String target = startService();
    List<Process> runners = new ArrayList<>();
    try (Store store = Store.open(url)) {
      store.createRun("two", "uj-two-");
      runners.add(runner("east", target + "/east"));
      runners.add(runner("west", target + "/west"));
      awaitPhases(store, 2);
      store.event("two", Micros.now(), "upgrade-started", null, null, null, null, "tool");
      Thread.sleep(1_000);
      hold(serviceDown, 2_000);
      hold(westPathCut, 2_000);
      store.event("two", Micros.now(), "upgrade-finished", null, null, null, null, "tool");
      for (String name : List.of("east", "west")) {
        Process runner = runners.get(name.equals("east") ? 0 : 1);
        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.exitValue()).as(Files.readString(directory.resolve(name + ".log"))).isZero();
      }
      RunReporter.write(store, "two", directory.resolve("report"),
          UpgradeConfiguration.of(Map.of(CoreKeys.EXPECT.name(), "none"), Map.of(), CoreKeys.ALL));
    } finally {
      runners.forEach(Process::destroyForcibly);
    }

    JsonNode summary = new ObjectMapper().readTree(directory.resolve("report/summary.json").toFile());
    JsonNode boxes = summary.path("services").path("boxes");
    assertThat(summary.path("runners").toString()).contains("east", "west");
    assertThat(boxes.path("outages")).singleElement().satisfies(o -> {
      assertThat(o.path("errorClass").asText()).isEqualTo("HTTP_5XX");
      assertThat(o.path("durationMs").asDouble()).isBetween(1_500.0, 2_500.0);
    });
    assertThat(boxes.path("vantagePoints")).hasSize(2);
    JsonNode west = boxes.path("vantagePoints").get(1);
    assertThat(west.path("runner").asText()).isEqualTo("west");
    assertThat(west.path("outages")).hasSize(2);
    JsonNode onlyWest = west.path("outages").get(1);
    assertThat(onlyWest.path("everyVantagePoint").asBoolean()).isFalse();
    assertThat(onlyWest.path("seenBy").toString()).isEqualTo("[\"west\"]");
    assertThat(onlyWest.path("errorClass").asText()).isEqualTo("CONNECT");
    assertThat(onlyWest.path("durationMs").asDouble()).isBetween(1_500.0, 2_500.0);
    assertThat(Files.readString(directory.resolve("report/index.html")))
        .contains("Vantage points", "Outages seen from only some vantage points");
  }
}
