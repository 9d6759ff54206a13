package io.github.upgradejunit.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeRun;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Rows.Iteration;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.testkit.Box;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The phase model: what runs when, in one JVM or several, and what the during window means. */
class PhaseSemanticsTests {

  /** What the fixture classes saw, in order: "phase:Class.method@nanos". */
  static final List<String> TRACE = new CopyOnWriteArrayList<>();
  static final Map<String, List<Long>> DURING_CALLS = new ConcurrentHashMap<>();

  @TempDir
  Path directory;

  @BeforeEach
  void reset() {
    TRACE.clear();
    DURING_CALLS.clear();
    InMemoryPlugin.BOXES.clear();
  }

  static void during(String name) {
    DURING_CALLS.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
  }

  @UpgradeTest(services = "compute")
  static class ComputeChecks {
    @PersistentResource Box server;

    @BeforeUpgrade
    void serverExists() {
      TRACE.add("before:compute");
      assertThat(server.content()).isEqualTo("hello");
    }

    @DuringUpgrade(every = "50ms")
    void serversCanBeListed() {
      during("compute.list");
    }

    @DuringUpgrade(every = "80ms")
    void serverStillThere() {
      during("compute.server");
      assertThat(InMemoryPlugin.BOXES).containsKey(server.id());
    }

    @AfterUpgrade
    void serverSurvived(UpgradeRun run) {
      TRACE.add("after:compute");
      assertThat(server.name()).startsWith(run.resourceName(""));
    }
  }

  @UpgradeTest(services = "object-store")
  static class StorageChecks {
    @BeforeUpgrade
    void containerExists() {
      TRACE.add("before:storage");
    }

    @DuringUpgrade(every = "50ms")
    void objectsCanBeRead() {
      during("storage.read");
    }

    @AfterUpgrade
    void objectsSurvived() {
      TRACE.add("after:storage");
    }
  }

  @Test
  void allPhaseRunsEveryBeforeThenEveryDuringCheckConcurrentlyForTheWholeWindowThenEveryAfter() throws Exception {
    TestRuns runs = TestRuns.in(directory);
    Thread tool = runs.upgradeInBackground(1_200, "nova", "swift");
    long started = System.nanoTime();

    EngineExecutionResults results = runs.execute("all", ComputeChecks.class, StorageChecks.class);
    tool.join();

    // 7 tests, then 4 verdicts: boxes (probed by the test plugin), compute, object-store, overall
    results.testEvents().assertStatistics(s -> s.failed(0).succeeded(7 + 4));
    assertThat(TRACE.subList(0, 2)).containsExactlyInAnyOrder("before:compute", "before:storage");
    assertThat(TRACE.subList(2, 4)).containsExactlyInAnyOrder("after:compute", "after:storage");
    // every check ran repeatedly, and all of them at the same time: each one's calls overlap every other's
    assertThat(DURING_CALLS).containsOnlyKeys("compute.list", "compute.server", "storage.read");
    DURING_CALLS.values().forEach(calls -> assertThat(calls).hasSizeGreaterThanOrEqualTo(8));
    long latestFirst = DURING_CALLS.values().stream().mapToLong(c -> c.get(0)).max().orElseThrow();
    long earliestLast = DURING_CALLS.values().stream().mapToLong(c -> c.get(c.size() - 1)).min().orElseThrow();
    assertThat(latestFirst).isLessThan(earliestLast);
    assertThat(latestFirst - started).isPositive();
    try (Store store = runs.openStore()) {
      String runId = store.runs().get(0).id();
      List<Iteration> iterations = store.iterations(runId);
      assertThat(iterations).allMatch(Iteration::ok).anyMatch(i -> "nova".equals(i.step()));
      assertThat(iterations.stream().map(Iteration::checkId).distinct()).hasSize(3);
      assertThat(store.testResults(runId)).hasSize(7);
      assertThat(store.run(runId).orElseThrow().open()).isFalse();
    }
  }

  @Test
  void phasesInSeparateInvocationsShareTheRunThroughTheStore() throws Exception {
    TestRuns runs = TestRuns.in(directory);

    runs.execute("before", ComputeChecks.class, StorageChecks.class)
        .testEvents().assertStatistics(s -> s.failed(0).succeeded(2));
    assertThat(TRACE).containsExactlyInAnyOrder("before:compute", "before:storage");
    String boxId = InMemoryPlugin.BOXES.keySet().iterator().next();

    Thread tool = runs.upgradeInBackground(600);
    runs.execute("during", ComputeChecks.class, StorageChecks.class)
        .testEvents().assertStatistics(s -> s.failed(0).succeeded(3));
    tool.join();

    runs.execute("after", ComputeChecks.class, StorageChecks.class)
        .testEvents().assertStatistics(s -> s.failed(0).succeeded(2 + 4));
    assertThat(InMemoryPlugin.BOXES).doesNotContainKey(boxId); // cleaned up at the end of the run
    try (Store store = runs.openStore()) {
      String runId = store.runs().get(0).id();
      assertThat(store.runs()).hasSize(1);
      assertThat(store.phases(runId).stream().map(p -> p.phase())).containsExactly("before", "during", "after");
      assertThat(store.resources(runId)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("deleted"));
      assertThat(store.resourceChecks(runId).stream().map(c -> c.verdict()).collect(Collectors.toSet()))
          .containsExactly("intact");
    }
  }

  @Test
  void aRunWhosePluginsCannotStartIsAbortedSoNoLaterPhaseJoinsIt() throws Exception {
    TestRuns runs = TestRuns.in(directory);

    runs.with("upgrade.testkit.enabled", "refused").execute("before", ComputeChecks.class)
        .allEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
            message(m -> m.contains("The testkit plugin cannot start: the cloud refused the credentials (401)")))));

    try (Store store = runs.openStore()) {
      assertThat(store.runs()).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo("aborted");
        assertThat(r.open()).isFalse();
      });
    }
    runs.with("upgrade.testkit.enabled", "true").execute("during", ComputeChecks.class)
        .allEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
            message(m -> m.startsWith("No open run in the store")))));
  }

  @Test
  void aDuringCheckThatNeverRanInsideTheWindowFails() {
    TestRuns runs = TestRuns.in(directory).with("upgrade.signal.timeout", "300ms");

    EngineExecutionResults results = runs.execute("all", StorageChecks.class);

    results.testEvents().assertThatEvents().haveExactly(1, event(test("objectsCanBeRead"),
        finishedWithFailure(message(m -> m.startsWith("never ran inside the upgrade window")))));
    assertThat(DURING_CALLS).isEmpty();
  }

  @UpgradeTest
  static class FlakyCheck {
    static volatile int calls;

    @DuringUpgrade(every = "40ms")
    void failsEveryThirdTime(UpgradeRun run) {
      if (run.currentStep().isPresent() && ++calls % 3 == 0) {
        throw new AssertionError("boom " + calls);
      }
    }
  }

  @Test
  void aDuringCheckFailsWhenAnyIterationInsideTheWindowFailedAndSaysHowMany() throws Exception {
    TestRuns runs = TestRuns.in(directory);
    Thread tool = runs.upgradeInBackground(500, "keystone");

    EngineExecutionResults results = runs.execute("all", FlakyCheck.class);
    tool.join();

    results.testEvents().assertThatEvents().haveExactly(1, event(test("failsEveryThirdTime"),
        finishedWithFailure(message(m -> m.matches("\\d+ of \\d+ iterations failed during the upgrade; the first during "
            + "step 'keystone': java.lang.AssertionError: boom 3")))));
  }

  @UpgradeTest
  static class SlowCall {
    @BeforeUpgrade
    @io.github.upgradejunit.MeasureLatency(budget = "10ms")
    void takes50ms() throws InterruptedException {
      Thread.sleep(50);
    }

    @BeforeUpgrade
    @io.github.upgradejunit.MeasureLatency(budget = "2s")
    void takes5ms() throws InterruptedException {
      Thread.sleep(5);
    }
  }

  @Test
  void aMeasuredCallOverItsLatencyBudgetFailsAndEveryCallIsStored() throws Exception {
    TestRuns runs = TestRuns.in(directory);

    EngineExecutionResults results = runs.execute("before", SlowCall.class);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(test("takes50ms"), finishedWithFailure(message(m ->
            m.matches("p99 latency of .*SlowCall#takes50ms in the before phase is ([5-9]\\d|\\d{3,})\\.\\d ms, over the budget of 10 ms.*")))))
        .haveExactly(1, event(test("takes5ms"), org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    try (Store store = runs.openStore()) {
      assertThat(store.latencies(store.runs().get(0).id())).hasSize(2)
          .allSatisfy(l -> assertThat(l.phase()).isEqualTo("before"));
    }
  }

  @UpgradeTest
  static class StaticResource {
    @PersistentResource static Box box;

    @BeforeUpgrade
    void nothing() {
    }
  }

  @UpgradeTest
  static class ZeroPeriod {
    @DuringUpgrade(every = "0s")
    void tooFast() {
    }
  }

  @Test
  void misusedAnnotationsFailWithTheMemberAndTheFix() throws Exception {
    TestRuns runs = TestRuns.in(directory);

    runs.execute("before", StaticResource.class).testEvents().assertThatEvents().haveExactly(1,
        event(test("nothing"), finishedWithFailure(message(m -> m.contains("field 'box'")
            && m.contains("neither static nor final: remove 'static'")))));
    Thread tool = runs.upgradeInBackground(200);
    runs.execute("during", ZeroPeriod.class).testEvents().assertThatEvents().haveExactly(1,
        event(test("tooFast"), finishedWithFailure(message(m -> m.contains("ZeroPeriod#tooFast")
            && m.contains("the period must be positive")))));
    tool.join();
  }
}
