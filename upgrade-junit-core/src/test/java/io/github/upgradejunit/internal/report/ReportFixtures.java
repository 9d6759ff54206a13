package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Reports of synthetic runs for the report's tests, the screenshot and the benchmark. */
final class ReportFixtures {

  static final Instant CURRENT_START = Instant.parse("2026-11-25T10:24:00Z");
  static final String CURRENT_RUN = "20261125T102400-3f2a";

  private ReportFixtures() {
  }

  /** The store where a project keeps it by default: {@code .upgrade-junit/upgrade.db}. */
  static String storeUrl(Path directory) {
    return "jdbc:sqlite:" + directory.resolve(".upgrade-junit").resolve("upgrade.db");
  }

  static UpgradeConfiguration expecting(String level) {
    return UpgradeConfiguration.of(Map.of(CoreKeys.EXPECT.name(), level), Map.of(), CoreKeys.ALL);
  }

  /**
   * The realistic report: two earlier runs of the same upgrade (longer compute outages, for trends),
   * then the current one; returns what writing the current run's report concluded.
   */
  static RunReporter.Outcome realisticReport(Path directory) throws Exception {
    String url = storeUrl(directory);
    try (Store store = Store.open(url)) {
      earlierRun(store, url, directory, "20261111T101500-8c1d", Duration.ofDays(14), 5_300, 1.25);
      earlierRun(store, url, directory, "20261118T103000-51e7", Duration.ofDays(7), 3_100, 1.35);
      SyntheticRun run = SyntheticRun.realistic(CURRENT_RUN, CURRENT_START).writeTo(store, url);
      RunReporter.Outcome outcome = RunReporter.write(store, run.runId, directory.resolve("report"),
          expecting("zero-downtime"));
      run.close(store, url);
      return outcome;
    }
  }

  private static void earlierRun(Store store, String url, Path directory, String id, Duration ago, long outageMillis,
      double factor) throws Exception {
    SyntheticRun run = SyntheticRun.realistic(id, CURRENT_START.minus(ago)).withOutage("compute", outageMillis,
        "HTTP_5XX").withDuringFactor("object-store", factor);
    run.writeTo(store, url);
    RunReporter.write(store, id, directory.resolve("earlier-" + id), expecting("zero-downtime"));
    run.close(store, url);
  }
}
