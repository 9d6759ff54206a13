package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.testkit.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class testing several services ({@code @UpgradeTest(services = {"boxes", "crates"})}): its
 * during checks count for each service, as its test results do, and never make up a service named
 * "boxes,crates" with no probe samples, which capped every such run's verdict at rolling
 * ("no probe samples: uptime not measured"). Found by the fault matrix's healthy run.
 */
class MultiServiceCheckTests {

  @TempDir
  Path directory;

  @UpgradeTest(services = {"boxes", "crates"})
  static class TwoServices {
    @DuringUpgrade(every = "100ms")
    void bothWork() {
    }
  }

  @Test
  void aDuringCheckOfSeveralServicesCountsForEachAndInventsNoCombinedService() throws Exception {
    TestRuns runs = TestRuns.in(directory);
    Thread tool = runs.upgradeInBackground(800);
    runs.execute("all", TwoServices.class).testEvents().assertStatistics(s -> s.failed(0));
    tool.join();

    JsonNode summary = new ObjectMapper().readTree(directory.resolve("report").resolve("summary.json").toFile());
    List<String> services = new ArrayList<>();
    summary.path("services").fieldNames().forEachRemaining(services::add);
    assertThat(services).contains("boxes", "crates").noneMatch(s -> s.contains(","));
    for (String service : List.of("boxes", "crates")) {
      assertThat(summary.path("services").path(service).path("duringChecks").toString()).as(service).contains("bothWork");
    }
  }
}
