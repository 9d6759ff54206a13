package io.github.upgradejunit.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.internal.cli.UpgradeJunitCli;
import io.github.upgradejunit.testkit.Box;
import io.github.upgradejunit.testkit.InMemoryPlugin;
import io.github.upgradejunit.testkit.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The store's disk fills up in the middle of the during phase: a tmpfs of a few MiB mounted for
 * the test (the tests run as root on the project machine; elsewhere they are
 * skipped with the reason). The run must end, the tests must report, the error must say what
 * happened, and everything committed before must still be there and readable.
 */
@Tag("faults")
class StoreDiskFaultTests {

  @TempDir
  Path directory;

  @UpgradeTest
  static class BoxChecks {
    @PersistentResource Box box;

    @BeforeUpgrade
    void boxExists() {
      assertThat(box.content()).isEqualTo("hello");
    }

    @DuringUpgrade(every = "50ms")
    void boxCanBeRead() {
      assertThat(box.content()).isEqualTo("hello");
    }

    @AfterUpgrade
    void boxSurvived() {
      assertThat(box.content()).isEqualTo("hello");
    }
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private Path tmpfs(String size) throws IOException {
    Path disk = Files.createDirectories(directory.resolve("disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString()),
        "mounting a tmpfs needs root (the project's CI machine runs as root)");
    return disk;
  }

  /** Wait until the run's window is open and some samples are committed; return how many. */
  private static long awaitCommitted(TestRuns runs, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      try (Store store = runs.openStore()) {
        var run = store.latestOpenRun();
        if (run.isPresent() && store.events(run.get().id()).stream().anyMatch(e -> e.type().equals("upgrade-started"))) {
          long n = store.sampleCount(run.get().id());
          if (n >= atLeast) {
            return n;
          }
        }
      } catch (RuntimeException e) {
        // being created
      }
    }
    throw new AssertionError("the run never committed " + atLeast + " samples");
  }

  private static long fill(Path disk) {
    long written = 0;
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException full) {
      return written;
    }
  }

  private record Result(EngineExecutionResults results, String stderr, long committedBefore, long samplesAfter,
      String integrity, String runId, String storeUrl) {
  }

  private Result runWhile(Path disk, Runnable fault, Runnable repair) throws Exception {
    TestRuns runs = TestRuns.in(disk).with("upgrade.command", "sleep 3").with("upgrade.probe.rate", "50")
        .with("upgrade.report.dir", directory.resolve("report").toString());
    AtomicLong committed = new AtomicLong();
    Thread saboteur = new Thread(() -> {
      try {
        committed.set(awaitCommitted(runs, 50));
        fault.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    saboteur.start();
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    EngineExecutionResults results;
    long started = System.nanoTime();
    System.setErr(new PrintStream(new TeeStream(captured, err), true));
    try {
      results = runs.execute("all", BoxChecks.class);
    } finally {
      System.setErr(err);
    }
    saboteur.join();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the run ended").isLessThan(Duration.ofSeconds(60));
    repair.run();
    long after;
    String integrity;
    String runId;
    try (Connection c = DriverManager.getConnection(runs.storeUrl());
        ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      r.next();
      integrity = r.getString(1);
    }
    try (Store store = runs.openStore()) {
      runId = store.runs().get(0).id();
      after = store.sampleCount(runId);
    }
    return new Result(results, captured.toString(), committed.get(), after, integrity, runId, runs.storeUrl());
  }

  @Test
  void aFullDiskMidRunEndsTheRunWithAClearErrorAndKeepsEverythingCommitted() throws Exception {
    Path disk = tmpfs("4m");
    try {
      Result r = runWhile(disk, () -> fill(disk), () -> run("rm", "-f", disk.resolve("filler").toString()));
      System.out.println("[disk full] " + r.results().testEvents().count() + " test events, committed before "
          + r.committedBefore() + ", after " + r.samplesAfter() + ", integrity " + r.integrity());
      Path counts = Path.of("target", "reliability", "store.json");
      Files.createDirectories(counts.getParent());
      Files.writeString(counts, "{\"matrix\": \"store\", \"cells\": [{\"fault\": \"disk full mid-during\", "
          + "\"component\": \"SQLite store\", \"testEvents\": " + r.results().testEvents().count()
          + ", \"committedBeforeFull\": " + r.committedBefore() + ", \"samplesAfterRepair\": " + r.samplesAfter()
          + ", \"samplesLost\": " + Math.max(0, r.committedBefore() - r.samplesAfter()) + ", \"integrity\": \""
          + r.integrity() + "\", \"clearError\": " + r.stderr().contains("database or disk is full") + "}]}\n");
      assertThat(r.results().testEvents().count()).as("the tests reported").isPositive();
      // the real cause, not the driver's "cannot commit - no transaction is active" that used to hide it
      assertThat(r.stderr()).contains("cannot write").contains("database or disk is full")
          .doesNotContain("no transaction is active");
      assertThat(r.samplesAfter()).isGreaterThanOrEqualTo(r.committedBefore());
      assertThat(r.integrity()).isEqualTo("ok");
      // once there is space again, the journal committed before the disk filled up cleans up
      System.setProperty("upgrade.testkit.enabled", "true");
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = UpgradeJunitCli.run(new String[] {"cleanup", "--run", r.runId(), "--store", r.storeUrl()},
            new PrintStream(out), new PrintStream(out));
        assertThat(exit).as(out.toString()).isZero();
      } finally {
        System.clearProperty("upgrade.testkit.enabled");
      }
      assertThat(InMemoryPlugin.BOXES.values()).noneMatch(b -> b.name().startsWith("uj-" + r.runId().toLowerCase()
          .replaceAll("[^a-z0-9]", "")));
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  /** Writes to two streams. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      a.write(bytes, offset, length);
      b.write(bytes, offset, length);
    }
  }
}
