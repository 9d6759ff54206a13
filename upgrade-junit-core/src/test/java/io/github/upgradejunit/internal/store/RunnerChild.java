package io.github.upgradejunit.internal.store;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * One runner in its own JVM: the during phase of an existing run, probing a target over HTTP with
 * the testkit plugin, under its own runner name. Arguments: store URL, run id, runner, target.
 */
public final class RunnerChild {

  /** A during check, so the phase has something to run while the monitor probes. */
  @UpgradeTest
  public static class Watch {
    @DuringUpgrade(every = "500ms")
    void stillHere() {
      // the probes are what this runner is for
    }
  }

  public static void main(String[] args) {
    var results = EngineTestKit.engine(new UpgradeTestEngine())
        .configurationParameters(Map.of("upgrade.store", args[0], "upgrade.run.id", args[1],
            "upgrade.runner.name", args[2], "upgrade.testkit.enabled", "true", "upgrade.testkit.target", args[3],
            "upgrade.phase", "during", "upgrade.probe.tail", "1s", "upgrade.control.port", "0",
            "upgrade.report.dir", System.getProperty("java.io.tmpdir") + "/uj-runner-" + args[2]))
        .selectors(selectClass(Watch.class))
        .execute();
    long failed = results.allEvents().failed().count();
    System.out.println("runner " + args[2] + " done, failed events: " + failed);
    System.exit(failed == 0 ? 0 : 1);
  }
}
