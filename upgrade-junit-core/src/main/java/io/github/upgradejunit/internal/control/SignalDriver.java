package io.github.upgradejunit.internal.control;

import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.engine.Console;
import io.github.upgradejunit.spi.UpgradeControl;
import io.github.upgradejunit.spi.UpgradeDriver;
import java.time.Duration;
import java.util.Locale;

/**
 * Drives nothing: waits for the deployment tool to send {@code upgrade-started} and then
 * {@code upgrade-finished} (or {@code upgrade-failed}) to the control endpoint or with the
 * {@code signal} command, each within {@code upgrade.signal.timeout}.
 */
public final class SignalDriver implements UpgradeDriver {

  @Override
  public String name() {
    return "signal";
  }

  @Override
  public void drive(UpgradeControl control) throws Exception {
    Duration timeout = control.config().duration(CoreKeys.SIGNAL_TIMEOUT);
    if (!waitFor(control, EventRules.UPGRADE_STARTED, timeout)) {
      throw new IllegalStateException("no upgrade-started signal within upgrade.signal.timeout (" + timeout + ")");
    }
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      if (control.awaitEvent(EventRules.UPGRADE_FINISHED, Duration.ofMillis(500))
          || control.awaitEvent(EventRules.UPGRADE_FAILED, Duration.ZERO)) {
        return;
      }
    }
    control.upgradeFailed("no upgrade-finished signal within upgrade.signal.timeout (" + timeout + ")");
  }

  private static boolean waitFor(UpgradeControl control, String type, Duration timeout) throws InterruptedException {
    long started = System.currentTimeMillis();
    long deadline = started + timeout.toMillis();
    long nextNotice = 0;
    String where = control.controlUrl().map(url -> "POST {\"type\":\"" + type + "\"} to " + url + "/v1/events")
        .orElse("send it");
    while (System.currentTimeMillis() < deadline) {
      if (System.currentTimeMillis() >= nextNotice) {
        long waited = (System.currentTimeMillis() - started) / 1000;
        Console.line("waiting for '" + type + "' (" + waited + " s so far, at most "
            + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + ", upgrade.signal.timeout): " + where
            + " or run the signal command"
            + (EventRules.UPGRADE_STARTED.equals(type) ? "; or set upgrade.command to run the upgrade from here" : ""));
        nextNotice = System.currentTimeMillis() + 30_000;
      }
      if (control.awaitEvent(type, Duration.ofSeconds(1))) {
        return true;
      }
    }
    return false;
  }
}
