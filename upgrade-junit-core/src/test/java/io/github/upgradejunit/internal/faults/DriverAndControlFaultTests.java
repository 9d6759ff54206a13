package io.github.upgradejunit.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.testkit.Box;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole runs whose upgrade command misbehaves, or whose control endpoint is flooded with garbage:
 * the run must end, the verdict and summary.json must say what happened (or, for the flood,
 * nothing at all), and no resource may be left behind. The drivers' own unit tests
 * (CommandDriverTests, ControlServerTests) cover the parts; these cover the run around them.
 */
@Tag("faults")
class DriverAndControlFaultTests {

  @TempDir
  Path directory;

  @UpgradeTest
  static class BoxChecks {
    @PersistentResource Box box;

    @BeforeUpgrade
    void boxExists() {
      assertThat(box.content()).isEqualTo("hello");
    }

    @DuringUpgrade(every = "100ms")
    void boxCanBeRead() {
      assertThat(box.content()).isEqualTo("hello");
    }
  }

  private JsonNode summary() throws Exception {
    return new ObjectMapper().readTree(directory.resolve("report").resolve("summary.json").toFile());
  }

  @ParameterizedTest(name = "{0} × the upgrade command")
  @CsvSource(delimiterString = " ¦ ", value = {
      "hangs past its timeout ¦ sleep 60 ¦ 1s ¦ true ¦ ran longer than upgrade.command.timeout",
      "dies ¦ sleep 0.5; kill -9 $$ ¦ 30s ¦ true ¦ exited with code 137",
      "prints 4 MB of output ¦ head -c 4000000 /dev/zero | tr '\\0' 'x'; echo; seq 1 50000 ¦ 30s ¦ false ¦ ''"})
  void theRunEndsAndItsSummarySaysWhatTheCommandDid(String fault, String command, String timeout, boolean failed,
      String why) throws Exception {
    long started = System.nanoTime();
    TestRuns runs = TestRuns.in(directory).with("upgrade.command", command).with("upgrade.command.timeout", timeout);
    var results = runs.execute("all", BoxChecks.class);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    JsonNode summary = summary();
    long logLines;
    List<Rows.Resource> resources;
    String failure;
    try (Store store = runs.openStore()) {
      String run = store.runs().get(0).id();
      failure = store.events(run).stream().filter(e -> e.type().equals("upgrade-failed")).map(Rows.Event::detail)
          .findFirst().orElse("");
      logLines = store.logs(run, "upgrade-command").size();
      resources = store.resources(run);
      assertThat(store.run(run).orElseThrow().open()).as("run closed").isFalse();
    }
    Map<String, Object> row = new TreeMap<>(Map.of("tookMs", took.toMillis(), "upgradeFailed",
        summary.path("upgradeFailed").asBoolean(), "commandLogLines", logLines, "verdict",
        summary.path("verdict").path("level").asText(), "resourcesLeaked",
        resources.stream().filter(r -> !r.state().equals("deleted")).count()));
    Counts.write("driver", fault, "upgrade command", row);

    assertThat(took).isLessThan(Duration.ofSeconds(60));
    assertThat(results.testEvents().count()).as("the tests reported").isPositive();
    assertThat(summary.path("upgradeFailed").asBoolean()).as(summary.toString()).isEqualTo(failed);
    if (failed) {
      assertThat(summary.path("verdict").path("rolling").asBoolean()).as("a failed upgrade is not rolling").isFalse();
      assertThat(failure).contains(why);
      assertThat(summary.path("upgradeFailure").asText()).isEqualTo(failure);
    } else {
      assertThat(logLines).isEqualTo(50_001);
    }
    assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r.state()).isEqualTo("deleted"));
  }

  @Test
  void aFloodOfMalformedEventsDuringTheRunIsRefusedAndChangesNothing() throws Exception {
    TestRuns runs = TestRuns.in(directory).with("upgrade.command", "sleep 3");
    java.io.PrintStream out = System.out;
    java.util.concurrent.CompletableFuture<Integer> endpoint = new java.util.concurrent.CompletableFuture<>();
    System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(int c) {
        out.write(c);
        if (c == '\n') {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("control endpoint: http://127.0.0.1:(\\d+)/")
              .matcher(line);
          if (m.find()) {
            endpoint.complete(Integer.parseInt(m.group(1)));
          }
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
    }, true));
    Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    AtomicInteger sent = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable flooder = () -> {
      int port;
      try {
        port = endpoint.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        return;
      }
      HttpClient client = HttpClient.newHttpClient();
      List<String> bodies = List.of("{type: upgrade", "[1,2]", "{\"type\":\"upgrade-paused\"}",
          "{\"type\":\"upgrade-finished\",\"run\":\"someone-else\"}", "x".repeat(100_000), "",
          "{\"type\":\"step-finished\",\"service\":\"never-started\"}");
      while (!done.get()) {
        try {
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/v1/events")).POST(HttpRequest.BodyPublishers.ofString(bodies.get(sent.getAndIncrement()
              % bodies.size()))).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
          answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        } catch (Exception notListening) {
          answers.computeIfAbsent(0, k -> new AtomicInteger()).incrementAndGet();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    };
    List<Thread> flood = List.of(new Thread(flooder), new Thread(flooder), new Thread(flooder), new Thread(flooder));
    flood.forEach(Thread::start);
    org.junit.platform.testkit.engine.EngineExecutionResults results;
    try {
      results = runs.execute("all", BoxChecks.class);
    } finally {
      System.setOut(out);
      done.set(true);
    }
    for (Thread t : flood) {
      t.join();
    }

    JsonNode summary = summary();
    List<String> events;
    try (Store store = runs.openStore()) {
      events = store.events(store.runs().get(0).id()).stream().map(Rows.Event::type).toList();
    }
    long refused = answers.entrySet().stream().filter(e -> e.getKey() >= 400).mapToLong(e -> e.getValue().get()).sum();
    Map<String, Object> row = new TreeMap<>(Map.of("sent", sent.get(), "refused4xx", refused, "answers",
        answers.toString(), "events", events, "verdict", summary.path("verdict").path("level").asText()));
    Counts.write("driver", "flood of malformed events", "control endpoint", row);

    assertThat(results.testEvents().failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
        + e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(
            org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
        .toList()).isEmpty();
    assertThat(refused).as(answers.toString()).isGreaterThanOrEqualTo(25);
    assertThat(answers.keySet()).as("nothing accepted, nothing crashed").allMatch(code -> code == 0 || code >= 400);
    assertThat(events).containsExactly("upgrade-started", "upgrade-finished");
    assertThat(summary.path("upgradeFailed").asBoolean()).isFalse();
    assertThat(summary.path("services").path("boxes").path("verdict").path("zeroDowntime").asBoolean())
        .as(summary.path("services").toString()).isTrue();
    assertThat(InMemoryPlugin.BOXES.values()).noneMatch(b -> b.name().contains(
        summary.path("runId").asText().toLowerCase().replaceAll("[^a-z0-9]", "")));
  }

  /** Writes target/reliability/&lt;matrix&gt;.json for docs/reliability.md (one file per matrix, cells appended). */
  static final class Counts {
    private static final Map<String, Map<String, Object>> CELLS = new java.util.LinkedHashMap<>();

    static synchronized void write(String matrix, String fault, String component, Map<String, Object> values)
        throws Exception {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("fault", fault);
      row.put("component", component);
      row.putAll(values);
      CELLS.put(matrix + "|" + fault, row);
      Path file = Path.of("target", "reliability", matrix + ".json");
      Files.createDirectories(file.getParent());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("matrix", matrix,
          "cells", CELLS.entrySet().stream().filter(e -> e.getKey().startsWith(matrix + "|")).map(Map.Entry::getValue)
              .toList()));
    }
  }
}
