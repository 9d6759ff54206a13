package io.github.upgradejunit.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.testkit.Box;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A persistent resource's data-plane probes run for the resource's lifetime and stop before it is deleted. */
class DataPlaneProbeTests {

  @TempDir
  Path directory;

  @UpgradeTest
  static class KeepsABox {
    @PersistentResource Box data;

    @BeforeUpgrade
    void theBoxExists() {
      assertThat(data.content()).isEqualTo("hello");
    }

    @AfterUpgrade
    void theBoxIsStillThere() {
      assertThat(data.content()).isEqualTo("hello");
    }
  }

  @AfterEach
  void reset() {
    InMemoryPlugin.DATA_PLANE.set(false);
    InMemoryPlugin.BOXES.clear();
  }

  @Test
  void aResourcesProbesRunWhileItLivesAndStopBeforeItIsDeleted() throws Exception {
    InMemoryPlugin.DATA_PLANE.set(true);
    TestRuns runs = TestRuns.in(directory);
    Thread tool = runs.upgradeInBackground(800);

    EngineExecutionResults results = runs.execute("all", KeepsABox.class);
    tool.join();

    results.testEvents().assertStatistics(s -> s.failed(0));
    try (Store store = runs.openStore()) {
      String runId = store.runs().get(0).id();
      List<Rows.Sample> samples = new ArrayList<>();
      store.samples(runId, samples::add);
      List<Rows.Sample> dataPlane = samples.stream().filter(s -> s.service().equals("boxes-dataplane")).toList();
      assertThat(dataPlane).hasSizeGreaterThan(5).allMatch(Rows.Sample::ok); // never probed after the delete
      assertThat(store.resources(runId)).singleElement().extracting(r -> r.state()).isEqualTo("deleted");
    }
  }
}
