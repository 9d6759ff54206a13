package io.github.upgradejunit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.upgradejunit.internal.cli.UpgradeJunitCli;
import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import io.github.upgradejunit.internal.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs upgrade test classes through the upgrade engine in-process, against a store in a temporary directory. */
public final class TestRuns {

  private final Path directory;
  private final Map<String, String> parameters = new HashMap<>();

  private TestRuns(Path directory) {
    this.directory = directory;
    parameters.put("upgrade.store", storeUrl());
    parameters.put("upgrade.report.dir", directory.resolve("report").toString());
    parameters.put("upgrade.control.port", "0");
    parameters.put("upgrade.probe.baseline", "0s");
    parameters.put("upgrade.probe.tail", "0s");
    parameters.put("upgrade.testkit.enabled", "true");
  }

  /** A runner whose store and report live in the given directory. */
  public static TestRuns in(Path directory) {
    return new TestRuns(directory);
  }

  public String storeUrl() {
    return "jdbc:sqlite:" + directory.resolve("store.db");
  }

  public TestRuns with(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  /** Execute the classes in one phase (or all). */
  public EngineExecutionResults execute(String phase, Class<?>... classes) {
    return EngineTestKit.engine(new UpgradeTestEngine())
        .configurationParameters(parameters)
        .configurationParameter("upgrade.phase", phase)
        .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .execute();
  }

  /** Send a signal with the command line, as a deployment tool would; returns what it printed. */
  public String signal(String... arguments) {
    String[] args = new String[arguments.length + 3];
    args[0] = "signal";
    System.arraycopy(arguments, 0, args, 1, arguments.length);
    args[arguments.length + 1] = "--store";
    args[arguments.length + 2] = storeUrl();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = UpgradeJunitCli.run(args, new PrintStream(out), new PrintStream(out));
    System.out.println("[fake deployment tool] signal " + arguments[0] + " -> " + code + ": " + out.toString().trim());
    return code + ": " + out;
  }

  /**
   * Start a deployment tool in the background: once the run is open, signal upgrade-started, wait,
   * then upgrade-finished.
   */
  public Thread upgradeInBackground(long windowMillis, String... steps) {
    Thread tool = new Thread(() -> {
      try {
        awaitOpenRun();
        Thread.sleep(300);
        signal("upgrade-started");
        for (String step : steps) {
          signal("step-started", "--service", step);
          Thread.sleep(windowMillis / Math.max(1, steps.length));
          signal("step-finished", "--service", step);
        }
        if (steps.length == 0) {
          Thread.sleep(windowMillis);
        }
        signal("upgrade-finished");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "fake-deployment-tool");
    tool.start();
    return tool;
  }

  private void awaitOpenRun() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (java.nio.file.Files.exists(directory.resolve("store.db"))) { // let the run create its store
        try (Store store = Store.open(storeUrl())) {
          if (store.latestOpenRun().isPresent()) {
            return;
          }
        } catch (RuntimeException e) {
          // still being created
        }
      }
      Thread.sleep(150);
    }
  }

  public Store openStore() {
    return Store.open(storeUrl());
  }
}
