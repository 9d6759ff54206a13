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

  public static void main(String[] args) throws Exception {
    Path directory = Paths.get(args.length > 0 ? args[0] : "target/report-preview").toAbsolutePath();
    Files.createDirectories(directory);
    for (String file : new String[] {"store.db", "store.db-wal", "store.db-shm"}) {
      Files.deleteIfExists(directory.resolve(file));
    }
    ReportFixtures.realisticReport(directory);
    System.out.println("report: " + directory.resolve("report").resolve("index.html"));
  }
}
