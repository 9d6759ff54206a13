package io.github.upgradejunit.openstack.simulator;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.UpgradeControl;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The upgrade control of the standalone simulator: there is no run to record into, so the events a
 * deployment tool would send are printed, one timestamped line each.
 */
final class ConsoleControl implements UpgradeControl {

  private final PrintStream out;

  ConsoleControl(PrintStream out) {
    this.out = out;
  }

  private void print(String line) {
    out.println(Json.millis(Instant.now()) + " " + line);
    out.flush();
  }

  @Override
  public Configuration config() {
    return new Configuration() {
      @Override
      public Optional<String> find(ConfigKey key) {
        return Optional.empty();
      }

      @Override
      public Map<String, String> withPrefix(String prefix) {
        return Map.of();
      }

      @Override
      public Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name));
      }
    };
  }

  @Override
  public void upgradeStarted() {
    print("upgrade-started");
  }

  @Override
  public void stepStarted(String service, String host, String step) {
    print("step-started  service=" + service + " host=" + host + " step=\"" + step + "\"");
  }

  @Override
  public void stepFinished(String service, String host, String step) {
    print("step-finished service=" + service + " host=" + host + " step=\"" + step + "\"");
  }

  @Override
  public void upgradeFinished() {
    print("upgrade-finished");
  }

  @Override
  public void upgradeFailed(String reason) {
    print("upgrade-failed " + reason);
  }

  @Override
  public void output(String line) {
    print(line);
  }

  /** Nothing ever arrives here: waits the timeout and says no. */
  @Override
  public boolean awaitEvent(String type, Duration timeout) throws InterruptedException {
    Thread.sleep(timeout.toMillis());
    return false;
  }
}
