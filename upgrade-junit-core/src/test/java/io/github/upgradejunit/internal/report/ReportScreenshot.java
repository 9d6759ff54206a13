package io.github.upgradejunit.internal.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Renders the realistic report (three services, a 2 s compute outage during a step, rising
 * object-store latency, resources, ledger, two earlier runs for trends) and photographs it with
 * headless Chromium: {@code ReportScreenshot docs/report-screenshot.png [width height]}.
 */
public final class ReportScreenshot {

  private ReportScreenshot() {
  }

  public static void main(String[] args) throws Exception {
    Path png = Paths.get(args.length > 0 ? args[0] : "docs/report-screenshot.png").toAbsolutePath();
    int width = args.length > 2 ? Integer.parseInt(args[1]) : 1400;
    int height = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    Path directory = Paths.get(System.getProperty("java.io.tmpdir"), "example-suite");
    ReportPreview.deleteStore(directory);
    ReportFixtures.realisticReport(directory);
    Path page = directory.resolve("report").resolve("index.html");
    HeadlessChromium.Output output = HeadlessChromium.screenshot(page, png, width, height, directory);
    if (output.exitCode() != 0) {
      throw new IllegalStateException("Chromium failed: " + output.stderr());
    }
    System.out.println("report: " + page + "\nscreenshot: " + png);
  }
}
