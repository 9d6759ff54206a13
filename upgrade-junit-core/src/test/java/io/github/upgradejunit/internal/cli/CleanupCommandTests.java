package io.github.upgradejunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.testkit.Box;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a crash, {@code cleanup --run ID} replays the journal and deletes exactly what the run created. */
class CleanupCommandTests {

  @TempDir
  Path directory;

  @UpgradeTest
  static class TwoBoxes {
    @PersistentResource Box first;
    @PersistentResource(name = "second-box") Box second;

    @BeforeUpgrade
    void created() {
    }
  }

  @AfterEach
  void forgetSwitch() {
    System.clearProperty("upgrade.testkit.enabled");
  }

  @Test
  void cleanupReplaysTheJournalOfACrashedRunAndTouchesNothingElse() {
    InMemoryPlugin.BOXES.clear();
    InMemoryPlugin.BOXES.put("not-ours", new Box("not-ours", "someone-elses-box", "keep"));
    TestRuns runs = TestRuns.in(directory);
    runs.execute("before", TwoBoxes.class); // the run stops here, as if the JVM died before the after phase
    assertThat(InMemoryPlugin.BOXES).hasSize(3);
    String runId;
    try (Store store = runs.openStore()) {
      runId = store.latestOpenRun().orElseThrow().id();
    }

    System.setProperty("upgrade.testkit.enabled", "true");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = UpgradeJunitCli.run(new String[] {"cleanup", "--run", runId, "--store", runs.storeUrl()},
        new PrintStream(out), new PrintStream(out));

    assertThat(exit).as(out.toString()).isZero();
    assertThat(InMemoryPlugin.BOXES).containsOnlyKeys("not-ours");
    try (Store store = runs.openStore()) {
      assertThat(store.resources(runId)).extracting(r -> r.state()).containsOnly("deleted");
    }
    int again = UpgradeJunitCli.run(new String[] {"cleanup", "--run", runId, "--store", runs.storeUrl()},
        new PrintStream(out), new PrintStream(out));
    assertThat(again).isZero();
    assertThat(out.toString()).contains("nothing left to delete");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhy() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(UpgradeJunitCli.run(new String[] {"cleanup"}, new PrintStream(out), new PrintStream(out))).isEqualTo(2);
    assertThat(out.toString()).contains("cleanup needs --run ID");
    assertThat(UpgradeJunitCli.run(new String[] {}, new PrintStream(out), new PrintStream(out))).isEqualTo(2);
  }
}
