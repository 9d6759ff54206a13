package io.github.upgradejunit.internal.control;

import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.spi.UpgradeControl;
import io.github.upgradejunit.spi.UpgradeDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code upgrade.command} with {@code sh -c}: the window opens when it starts and closes when
 * it exits (exit 0: finished; otherwise, or past {@code upgrade.command.timeout}: failed). Its
 * output (stdout and stderr, merged) is stored line by line and echoed to the console. The command
 * may also send step events itself with the control endpoint or the {@code signal} command; it
 * finds them in its environment: {@code UPGRADE_RUN_ID}, {@code UPGRADE_CONTROL_URL} (the base URL,
 * when the endpoint runs) and {@code UPGRADE_CONTROL_TOKEN} (when one is set).
 */
public final class CommandDriver implements UpgradeDriver {

  /** Longest stored line; longer ones are cut so megabytes of output cannot flood the store. */
  static final int MAX_LINE = 4_000;

  @Override
  public String name() {
    return "command";
  }

  @Override
  public void drive(UpgradeControl control) throws Exception {
    String command = control.config().get(CoreKeys.COMMAND);
    Duration timeout = control.config().duration(CoreKeys.COMMAND_TIMEOUT);
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    exportControl(control, builder.environment());
    Process process = builder.start();
    control.upgradeStarted();
    Thread pump = new Thread(() -> pump(process, control), "upgrade-junit-command-output");
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      pump.join(2_000);
      control.upgradeFailed("the upgrade command ran longer than upgrade.command.timeout (" + timeout + ") and was killed");
      return;
    }
    pump.join(5_000);
    int exit = process.exitValue();
    if (exit == 0) {
      control.upgradeFinished();
    } else {
      control.upgradeFailed("the upgrade command exited with code " + exit);
    }
  }

  /** What the command needs to send its own step events to this run. */
  static void exportControl(UpgradeControl control, java.util.Map<String, String> environment) {
    if (!control.runId().isEmpty()) {
      environment.put("UPGRADE_RUN_ID", control.runId());
    }
    control.controlUrl().ifPresent(url -> environment.put("UPGRADE_CONTROL_URL", url));
    control.config().find(CoreKeys.CONTROL_TOKEN).ifPresent(token -> environment.put("UPGRADE_CONTROL_TOKEN", token));
  }

  private static void pump(Process process, UpgradeControl control) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        control.output(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [cut]" : line);
      }
    } catch (java.io.IOException e) {
      control.output("[upgrade-junit] reading the command's output failed: " + e.getMessage());
    }
  }
}
