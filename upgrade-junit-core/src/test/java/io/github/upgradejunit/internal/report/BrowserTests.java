package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium renders the verdict table and the timelines, logs
 * no console error, and draws a page that is not blank. Runs when /usr/bin/chromium exists; required
 * under {@code CI=true}.
 */
class BrowserTests {

  @TempDir
  static Path directory;
  static Path page;

  @BeforeAll
  static void writeTheRealisticReport() throws Exception {
    HeadlessChromium.requireOrSkip();
    ReportFixtures.realisticReport(directory);
    page = directory.resolve("report").resolve("index.html");
  }

  @Test
  void theVerdictTableAndTheTimelinesAreInTheRenderedDom() throws Exception {
    HeadlessChromium.Output output = HeadlessChromium.dumpDom(page, directory);

    assertThat(output.exitCode()).as(output.stderr()).isZero();
    String dom = output.stdout();
    assertThat(dom).contains("<table class=\"verdicts\">", "<section id=\"timeline\">", "<strong>overall</strong>");
    assertThat(dom.split("<svg class=\"timeline", -1).length - 1).as("timelines: the upgrade and 4 services")
        .isEqualTo(5);
    assertThat(dom).contains(">compute</td>", ">identity</td>", ">object-store</td>", "Close-up at sample resolution");
  }

  @Test
  void thePageLogsNoConsoleMessage() throws Exception {
    HeadlessChromium.Output output = HeadlessChromium.dumpDom(page, directory);

    assertThat(output.consoleLines()).isEmpty();
  }

  @Test
  void theConsoleCheckSeesAnErrorWhenThereIsOne() throws Exception {
    Path broken = directory.resolve("broken.html");
    Files.writeString(broken, "<!doctype html><p>x</p><script>throw new Error('boom')</script>");

    HeadlessChromium.Output output = HeadlessChromium.dumpDom(broken, directory);

    assertThat(output.consoleLines()).anyMatch(line -> line.contains("Uncaught Error: boom"));
  }

  @Test
  void theScreenshotShowsARenderedPage() throws Exception {
    Path png = directory.resolve("report.png");

    HeadlessChromium.Output output = HeadlessChromium.screenshot(page, png, 1400, 2000, directory);

    assertThat(output.exitCode()).as(output.stderr()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(2000);
    assertThat(colours(image)).as("distinct colours: text, badges, charts").isGreaterThan(50);
  }

  private static int colours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
