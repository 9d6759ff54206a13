package io.github.upgradejunit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.store.Rows.Iteration;
import io.github.upgradejunit.internal.store.Rows.Latency;
import io.github.upgradejunit.internal.store.Rows.Sample;
import io.github.upgradejunit.internal.store.Rows.TestResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every store does, whichever database holds it: one schema, every kind of row round-trips
 * with the runner that wrote it, and batches commit every row. Subclasses name the database.
 */
abstract class StoreContractTests {

  /** A URL of a new, empty store. */
  abstract String url();

  static Sample sample(long at, boolean ok, String runner) {
    return new Sample("compute", "compute/fresh", at, at + 5, 1_500, ok, ok ? null : "CONNECT", ok ? 200 : 0,
        ok ? null : "refused", false, runner);
  }

  @Test
  void aNewStoreGetsTheSchemaAndOpeningItAgainMigratesNothing() {
    String url = url();
    try (Store first = Store.open(url)) {
      first.createRun("r1", "uj-r1-");
    }
    try (Store again = Store.open(url)) {
      assertThat(again.run("r1")).get().extracting(Rows.Run::resourcePrefix).isEqualTo("uj-r1-");
    }
  }

  @Test
  void everyKindOfRowRoundTripsWithTheRunnerThatWroteIt() throws Exception {
    try (Store store = Store.open(url())) {
      store.createRun("r1", "uj-r1-");
      long phase = store.phaseStarted("r1", "during", "east");
      store.phaseFinished(phase, "passed");
      long event = store.event("r1", 10, "step-started", "compute", "ctl1", "restart", null, "east");
      store.testResult("r1", new TestResult("during", "t1", "lists servers", "C", "compute", "SUCCESSFUL", 1, 2,
          null, null, "west"));
      store.resourcePlanned("r1", "k1", "compute", "server", "uj-r1-web");
      store.resourceCreated("r1", "k1", "id-1", "fp");
      store.resourceState("r1", "k1", "deleted", null);
      long request = store.ledgerRecord("r1", "compute", "create", "web", "ACCEPTED", 202, "PENDING", "west");
      store.ledgerSettle(request, "HONORED", "seen");
      store.version("r1", "compute", "2.95", "zed", "east");
      store.writer().sample("r1", sample(100, false, "west"));
      store.writer().iteration("r1", new Iteration("c1", "compute", 1, 2, true, null, "restart", true, "east"));
      store.writer().latency("r1", new Latency("m", "after", 3, 400, 1_000, "west"));
      store.writer().log("r1", "upgrade-command", "step 1", "east");
      store.saveSummary("r1", "{}");
      assertThat(store.writer().flush(30_000)).isTrue();

      assertThat(event).isPositive();
      assertThat(store.phases("r1")).singleElement().satisfies(p -> {
        assertThat(p.runner()).isEqualTo("east");
        assertThat(p.outcome()).isEqualTo("passed");
      });
      assertThat(store.events("r1")).singleElement().extracting(Rows.Event::runner).isEqualTo("east");
      assertThat(store.testResults("r1")).singleElement().extracting(TestResult::runner).isEqualTo("west");
      assertThat(store.resources("r1")).singleElement().satisfies(r -> {
        assertThat(r.state()).isEqualTo("deleted");
        assertThat(r.deletedAt()).isNotNull();
      });
      assertThat(store.ledger("r1")).singleElement().satisfies(l -> {
        assertThat(l.fate()).isEqualTo("HONORED");
        assertThat(l.runner()).isEqualTo("west");
      });
      assertThat(store.versions("r1")).singleElement().extracting(Rows.Version::runner).isEqualTo("east");
      List<Sample> samples = new ArrayList<>();
      store.samples("r1", samples::add);
      assertThat(samples).containsExactly(sample(100, false, "west"));
      assertThat(store.iterations("r1")).singleElement().extracting(Iteration::runner).isEqualTo("east");
      assertThat(store.latencies("r1")).singleElement().extracting(Latency::runner).isEqualTo("west");
      assertThat(store.logs("r1", null)).singleElement().extracting(Rows.Log::line).isEqualTo("step 1");
      assertThat(store.logs("r1", "upgrade-command")).hasSize(1);
      assertThat(store.logs("r1", "other")).isEmpty();
      assertThat(store.summaries()).containsExactly("{}");
    }
  }

  @Test
  void theBatchWriterCommitsEveryRowItWasGiven() throws Exception {
    try (Store store = Store.open(url())) {
      store.createRun("r1", "uj-r1-");
      for (int i = 0; i < 50_000; i++) {
        store.writer().sample("r1", sample(i, i % 10 != 0, "runner-" + (i % 2)));
      }
      assertThat(store.writer().flush(60_000)).isTrue();

      assertThat(store.sampleCount("r1")).isEqualTo(50_000);
      assertThat(store.writer().dropped()).isZero();
    }
  }

  @Test
  void anotherStoreOnTheSameDatabaseSeesTheRunAndItsEventsAtOnce() {
    String url = url();
    try (Store first = Store.open(url); Store second = Store.open(url)) {
      first.createRun("r1", "uj-r1-");
      first.event("r1", Micros.now(), "upgrade-started", null, null, null, null, "a");

      assertThat(second.latestOpenRun()).get().extracting(Rows.Run::id).isEqualTo("r1");
      assertThat(second.events("r1")).singleElement().extracting(Rows.Event::type).isEqualTo("upgrade-started");
    }
  }

  @Test
  void twoJvmsJoiningOneRunLoseNoRowAndKeepTheirRunners() throws Exception {
    String url = url();
    try (Store store = Store.open(url)) {
      store.createRun("shared", "uj-shared-");
    }
    Process first = child(url, "shared", 2_000, "one");
    Process second = child(url, "shared", 2_000, "two");
    long a = readCommittedUntil(first, 20_000);
    long b = readCommittedUntil(second, 20_000);
    first.destroyForcibly().waitFor();
    second.destroyForcibly().waitFor();

    try (Store store = Store.open(url)) {
      List<String> runners = new ArrayList<>();
      store.samples("shared", s -> runners.add(s.runner()));
      assertThat(runners.stream().filter("one"::equals).count()).isGreaterThanOrEqualTo(a);
      assertThat(runners.stream().filter("two"::equals).count()).isGreaterThanOrEqualTo(b);
    }
  }

  static Process child(String url, String run, int perRound, String runner) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SampleWritingChild.class.getName(), url, run, String.valueOf(perRound), runner)
        .redirectErrorStream(true).start();
  }

  static long readCommittedUntil(Process process, long atLeast) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long committed = 0;
    String line;
    while (committed < atLeast && (line = out.readLine()) != null) {
      if (line.startsWith("committed ")) {
        committed = Long.parseLong(line.substring("committed ".length()));
      }
    }
    return committed;
  }
}
