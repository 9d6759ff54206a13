package io.github.upgradejunit.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.spi.HealthCheck;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.TestAbortedException;

/** Plugins' health checks: a test of their own before the upgrade and after it. */
class HealthCheckTests {

  static final List<String> ORDER = new CopyOnWriteArrayList<>();

  @TempDir
  Path directory;

  @AfterEach
  void reset() {
    InMemoryPlugin.HEALTH_CHECKS.clear();
    ORDER.clear();
  }

  @UpgradeTest(services = "boxes")
  static class BoxChecks {
    @BeforeUpgrade
    void before() {
      ORDER.add("before test");
    }

    @AfterUpgrade
    void after() {
      ORDER.add("after test");
    }
  }

  @Test
  void healthChecksRunBeforeTheTestsOfTheBeforeAndTheAfterPhaseAndAreStoredLikeTests() throws Exception {
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("boxes", "answers", deadline -> ORDER.add("health")));
    TestRuns runs = TestRuns.in(directory);

    runs.execute("before", BoxChecks.class).testEvents()
        .assertThatEvents().haveExactly(1, event(displayName("health: boxes answers"), finishedSuccessfully()));
    runs.execute("after", BoxChecks.class);

    assertThat(ORDER).containsExactly("health", "before test", "health", "after test");
    try (Store store = runs.openStore()) {
      assertThat(store.testResults(store.runs().get(0).id()))
          .filteredOn(r -> r.displayName().equals("health: boxes answers"))
          .extracting(r -> r.phase() + " " + r.status() + " " + r.services())
          .containsExactly("before SUCCESSFUL boxes", "after SUCCESSFUL boxes");
    }
  }

  @Test
  void anUnhealthyServiceFailsItsCheckWithTheReasonAndTheRunGoesOn() {
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("boxes", "/healthcheck", deadline -> {
      throw new AssertionError("GET /healthcheck answered 503");
    }));

    EngineExecutionResults results = TestRuns.in(directory).execute("before", BoxChecks.class);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("health: boxes /healthcheck"),
            finishedWithFailure(message("GET /healthcheck answered 503"))));
    assertThat(ORDER).containsExactly("before test");
  }

  @Test
  void aCheckThatDoesNotApplyIsSkippedWithItsReason() {
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("boxes", "services up", deadline -> {
      throw new TestAbortedException("needs admin credentials: set upgrade.openstack.admin.cloud");
    }));

    EngineExecutionResults results = TestRuns.in(directory).execute("before", BoxChecks.class);

    results.testEvents().assertThatEvents().haveExactly(1, event(displayName("health: boxes services up"),
        abortedWithReason(message(m -> m.startsWith("needs admin credentials")))));
  }

  @Test
  void aHungCheckIsAbandonedAtItsTimeoutSoTheRunGoesOn() {
    AtomicBoolean interrupted = new AtomicBoolean();
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("boxes", "hangs", deadline -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    }));

    EngineExecutionResults results = TestRuns.in(directory).with("upgrade.health.timeout", "300ms")
        .execute("before", BoxChecks.class);

    results.testEvents().assertThatEvents().haveExactly(1, event(displayName("health: boxes hangs"),
        finishedWithFailure(message("no answer within 300 ms (upgrade.health.timeout)"))));
    assertThat(ORDER).containsExactly("before test");
  }

  @Test
  void aHealthyServiceThatNothingProbesOrTestsGetsNoVerdictOfItsOwn() throws Exception {
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("image", "endpoint answers", deadline -> { }));

    TestRuns.in(directory).with("upgrade.command", "sleep 0.5").with("upgrade.expect", "zero-downtime")
        .execute("all", BoxChecks.class);

    JsonNode summary = summary();
    assertThat(summary.path("services").has("image")).as("%s", summary.path("services")).isFalse();
    assertThat(summary.path("services").has("boxes")).isTrue();
    assertThat(summary.path("verdict").path("met").asBoolean()).as("%s", summary.path("verdict")).isTrue();
  }

  @Test
  void anUnhealthyServiceThatNothingProbesStillFailsTheRun() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    InMemoryPlugin.HEALTH_CHECKS.add(HealthCheck.of("image", "endpoint answers", deadline -> {
      if (calls.incrementAndGet() > 1) { // healthy before the upgrade, broken after it
        throw new AssertionError("GET / answered 503");
      }
    }));

    TestRuns.in(directory).with("upgrade.command", "sleep 0.5").execute("all", BoxChecks.class);

    JsonNode summary = summary();
    assertThat(calls).hasValue(2);
    assertThat(summary.path("services").has("image")).isFalse();
    assertThat(summary.path("services").path("boxes").path("verdict").path("zeroDowntime").asBoolean()).isTrue();
    assertThat(summary.path("verdict").path("level").asText()).isEqualTo("none");
    assertThat(summary.path("verdict").path("evidence").toString()).contains("1 after-phase test failed");
  }

  private JsonNode summary() throws Exception {
    return new ObjectMapper().readTree(directory.resolve("report").resolve("summary.json").toFile());
  }
}
