package io.github.upgradejunit.internal.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for the report's browser test and screenshot: loads a local file
 * with networking, updates and sync off, in a fresh profile, and captures what it prints.
 */
final class HeadlessChromium {

  static final Path BINARY = Paths.get("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  /** What one run printed. */
  record Output(int exitCode, String stdout, String stderr) {

    /** The lines the page's console wrote (Chromium logs them as {@code CONSOLE} at any level). */
    List<String> consoleLines() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
    }
  }

  private HeadlessChromium() {
  }

  /**
   * Skip the calling test when Chromium is missing, unless {@code CI=true}: CI must run it
   * ({@code scripts/ci-prerequisites} installs Chromium).
   */
  static void requireOrSkip() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, but " + BINARY + " is missing: the browser test is required in CI. "
          + "Run scripts/ci-prerequisites (apt-get install chromium).");
    }
    assumeTrue(false, BINARY + " is not installed: skipping the browser test (required when CI=true; "
        + "install it with apt-get install chromium)");
  }

  /** The page's DOM after loading, with the browser's log on stderr. */
  static Output dumpDom(Path page, Path workDirectory) throws IOException, InterruptedException {
    return run(workDirectory, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());
  }

  /** A PNG of the page's top {@code width} by {@code height} pixels. */
  static Output screenshot(Path page, Path png, int width, int height, Path workDirectory)
      throws IOException, InterruptedException {
    return run(workDirectory, "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height, page.toUri().toString());
  }

  private static Output run(Path workDirectory, String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    Path stdout = workDirectory.resolve("chromium-" + System.nanoTime() + ".out");
    Path stderr = workDirectory.resolve("chromium-" + System.nanoTime() + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
    }
    return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
