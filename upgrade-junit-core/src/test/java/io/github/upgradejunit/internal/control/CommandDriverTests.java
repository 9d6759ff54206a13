package io.github.upgradejunit.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.UpgradeControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The command driver: the command's life is the upgrade window, its output goes to the store. */
class CommandDriverTests {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> output = new CopyOnWriteArrayList<>();

  private UpgradeControl control(String command, String timeout) {
    Configuration config = UpgradeConfiguration.of(Map.of("upgrade.command", command,
        "upgrade.command.timeout", timeout), Map.of(), CoreKeys.ALL);
    return new UpgradeControl() {
      public Configuration config() {
        return config;
      }

      public String runId() {
        return "run-42";
      }

      public java.util.Optional<String> controlUrl() {
        return java.util.Optional.of("http://127.0.0.1:7979");
      }

      public void upgradeStarted() {
        events.add("started");
      }

      public void stepStarted(String service, String host, String step) {
        events.add("step");
      }

      public void stepFinished(String service, String host, String step) {
        events.add("step-finished");
      }

      public void upgradeFinished() {
        events.add("finished");
      }

      public void upgradeFailed(String reason) {
        events.add("failed: " + reason);
      }

      public void output(String line) {
        output.add(line);
      }

      public boolean awaitEvent(String type, Duration timeout) {
        return false;
      }
    };
  }

  @Test
  void aSuccessfulCommandOpensAndClosesTheWindowAndItsOutputIsKept() throws Exception {
    new CommandDriver().drive(control("echo upgrading nova; echo done >&2", "10s"));

    assertThat(events).containsExactly("started", "finished");
    assertThat(output).containsExactly("upgrading nova", "done");
  }

  @Test
  void aFailingCommandFailsTheUpgradeWithItsExitCode() throws Exception {
    new CommandDriver().drive(control("exit 3", "10s"));

    assertThat(events).containsExactly("started", "failed: the upgrade command exited with code 3");
  }

  @Test
  void aHungCommandIsKilledAtItsTimeout() throws Exception {
    long start = System.nanoTime();
    new CommandDriver().drive(control("sleep 30", "500ms"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(events.get(1)).startsWith("failed: the upgrade command ran longer than upgrade.command.timeout");
  }

  @Test
  void megabytesOfOutputAreKeptLineByLineWithLongLinesCut() throws Exception {
    new CommandDriver().drive(control("head -c 3000000 /dev/zero | tr '\\\\0' 'x'; echo; seq 1 20000", "30s"));

    assertThat(output).hasSize(20_001);
    assertThat(output.get(0)).hasSize(CommandDriver.MAX_LINE + " [cut]".length());
    assertThat(output.get(20_000)).isEqualTo("20000");
    assertThat(events).containsExactly("started", "finished");
  }

  @Test
  void theCommandFindsTheRunAndTheControlEndpointInItsEnvironment() throws Exception {
    new CommandDriver().drive(control("echo \"$UPGRADE_RUN_ID $UPGRADE_CONTROL_URL\"", "10s"));

    assertThat(output).containsExactly("run-42 http://127.0.0.1:7979");
  }
}
