package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.testkit.TestRuns;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The verdict tests carry their attachments into Allure: a service's timeline SVG and outages CSV,
 * the overall verdict's summary.json and outages CSV, added while the verdict test runs, which is
 * when Allure's JUnit Platform listener has that test's result open on the thread.
 */
class AllureAttachmentTests {

  @TempDir
  Path directory;

  /** Allure's results, kept in memory. */
  static final class MemoryWriter implements AllureResultsWriter {
    final List<TestResult> results = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

    @Override
    public void write(TestResult result) {
      results.add(result);
    }

    @Override
    public void write(TestResultContainer container) {
      // containers carry nothing these tests look at
    }

    @Override
    public void write(String source, InputStream attachment) {
      try (attachment) {
        attachments.put(source, attachment.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    TestResult named(String prefix) {
      return results.stream().filter(r -> r.getName().startsWith(prefix)).findFirst().orElseThrow();
    }

    String content(Attachment attachment) {
      return new String(attachments.get(attachment.getSource()), StandardCharsets.UTF_8);
    }
  }

  /** What allure-jupiter's listener does for tests: a result per test, open while it runs. */
  static final class AllureLikeListener implements TestExecutionListener {
    private final AllureLifecycle lifecycle;
    private final Map<String, String> uuids = new ConcurrentHashMap<>();

    AllureLikeListener(AllureLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
      if (test.isTest()) {
        String uuid = UUID.randomUUID().toString();
        uuids.put(test.getUniqueId(), uuid);
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(test.getDisplayName()));
        lifecycle.startTestCase(uuid);
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      String uuid = uuids.remove(test.getUniqueId());
      if (uuid != null) {
        lifecycle.updateTestCase(uuid, r -> r.setStatus(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
            ? Status.PASSED : Status.FAILED));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
      }
    }
  }

  @UpgradeTest(services = "boxes")
  static class BoxChecks {
    @BeforeUpgrade
    void boxesExist() {
    }

    @DuringUpgrade(every = "100ms")
    void boxesCanBeListed() {
    }

    @AfterUpgrade
    void boxesSurvived() {
    }
  }

  @Test
  void everyVerdictCheckCarriesItsAttachments() throws Exception {
    String url = ReportFixtures.storeUrl(directory);
    RunReporter.Outcome outcome;
    try (Store store = Store.open(url)) {
      SyntheticRun run = SyntheticRun.realistic("20261125T102400-al01", ReportFixtures.CURRENT_START)
          .withWindow(Duration.ofMinutes(1)).writeTo(store, url);
      outcome = RunReporter.write(store, run.runId, directory.resolve("report"), ReportFixtures.expecting("none"));
    }

    RunReporter.Check compute = outcome.checks().stream().filter(c -> c.id().equals("compute")).findFirst()
        .orElseThrow();
    assertThat(compute.attachments()).extracting(RunReporter.Attachment::name, RunReporter.Attachment::mimeType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("compute timeline", "image/svg+xml"),
            org.assertj.core.groups.Tuple.tuple("compute outages", "text/csv"));
    String svg = new String(compute.attachments().get(0).content(), StandardCharsets.UTF_8);
    assertThat(HtmlReportTests.parse(svg).getDocumentElement().getAttribute("xmlns"))
        .isEqualTo("http://www.w3.org/2000/svg");
    assertThat(svg).contains("Timeline of compute", "all probes ok");
    String csv = new String(compute.attachments().get(1).content(), StandardCharsets.UTF_8);
    assertThat(List.of(csv.split("\r\n"))).hasSize(2).first().isEqualTo(OutagesCsv.HEADER);
    assertThat(csv.split("\r\n")[1]).startsWith("compute,").contains(",CONNECT,restart nova-api ctl1,");
    RunReporter.Check overall = outcome.checks().get(outcome.checks().size() - 1);
    assertThat(overall.attachments()).extracting(RunReporter.Attachment::name)
        .containsExactly("summary.json", "outages");
  }

  @Test
  void attachmentsLandInTheTestResultRunningOnThisThread() {
    MemoryWriter writer = new MemoryWriter();
    AllureLifecycle lifecycle = new AllureLifecycle(writer);
    lifecycle.scheduleTestCase(new TestResult().setUuid("verdict").setName("compute verdict: rolling"));
    lifecycle.startTestCase("verdict");

    AllureAttachments.attach(lifecycle, List.of(new RunReporter.Attachment("compute outages", "text/csv", "csv",
        "a,b\r\n".getBytes(StandardCharsets.UTF_8))));
    lifecycle.stopTestCase("verdict");
    lifecycle.writeTestCase("verdict");

    Attachment attachment = writer.named("compute verdict").getAttachments().get(0);
    assertThat(attachment.getName()).isEqualTo("compute outages");
    assertThat(attachment.getType()).isEqualTo("text/csv");
    assertThat(attachment.getSource()).endsWith(".csv");
    assertThat(writer.content(attachment)).isEqualTo("a,b\r\n");
  }

  @Test
  void withoutARunningTestNothingIsAttached() {
    MemoryWriter writer = new MemoryWriter();
    AllureAttachments.attach(new AllureLifecycle(writer), List.of(new RunReporter.Attachment("x", "text/plain",
        "txt", new byte[] {1})));
    assertThat(writer.attachments).isEmpty();
  }

  @Test
  void theEngineAttachesToEachVerdictTestItReports() throws Exception {
    MemoryWriter writer = new MemoryWriter();
    String previous = System.getProperty("allure.results.directory");
    System.setProperty("allure.results.directory", directory.resolve("allure-results").toString());
    Allure.setLifecycle(new AllureLifecycle(writer));
    try {
      runUpgrade(new AllureLikeListener(Allure.getLifecycle()));
    } finally {
      Allure.setLifecycle(null);
      if (previous == null) {
        System.clearProperty("allure.results.directory");
      } else {
        System.setProperty("allure.results.directory", previous);
      }
    }

    TestResult boxes = writer.named("boxes verdict");
    assertThat(boxes.getAttachments()).extracting(Attachment::getName)
        .containsExactly("boxes timeline", "boxes outages");
    assertThat(writer.content(boxes.getAttachments().get(0))).startsWith("<?xml").contains("Timeline of boxes");
    assertThat(writer.named("overall verdict").getAttachments()).extracting(Attachment::getName)
        .containsExactly("summary.json", "outages");
    assertThat(writer.named("boxesSurvived").getAttachments()).isEmpty();
  }

  private void runUpgrade(TestExecutionListener listener) throws InterruptedException {
    TestRuns runs = TestRuns.in(directory);
    Thread tool = runs.upgradeInBackground(600);
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false).enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(new UpgradeTestEngine()).addTestExecutionListeners(listener).build());
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(BoxChecks.class))
        .configurationParameters(Map.of("upgrade.store", runs.storeUrl(),
            "upgrade.report.dir", directory.resolve("report").toString(), "upgrade.control.port", "0",
            "upgrade.probe.baseline", "0s", "upgrade.probe.tail", "0s", "upgrade.testkit.enabled", "true",
            "upgrade.phase", "all"))
        .build());
    tool.join();
  }
}
