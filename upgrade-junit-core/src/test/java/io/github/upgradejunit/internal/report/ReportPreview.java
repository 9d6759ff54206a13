package io.github.upgradejunit.internal.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the realistic report into a directory to look at: {@code ReportPreview target/report-preview}.
 * The report is {@code <dir>/report/index.html}.
 */
public final class ReportPreview {

  private ReportPreview() {
  }

  /** Start from an empty store in the directory. */
  static void deleteStore(Path directory) throws java.io.IOException {
    Files.createDirectories(directory);
    for (String file : new String[] {"upgrade.db", "upgrade.db-wal", "upgrade.db-shm"}) {
      Files.deleteIfExists(directory.resolve(".upgrade-junit").resolve(file));
    }
  }

  public static void main(String[] args) throws Exception {
    Path directory = Paths.get(args.length > 0 ? args[0] : "target/report-preview").toAbsolutePath();
    deleteStore(directory);
    ReportFixtures.realisticReport(directory);
    System.out.println("report: " + directory.resolve("report").resolve("index.html"));
  }
}
