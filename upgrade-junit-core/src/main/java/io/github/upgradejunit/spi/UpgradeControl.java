package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The events an {@link UpgradeDriver} reports, the same ones a deployment tool sends to the control
 * endpoint. Each is stored with its time; the window opens at {@code upgradeStarted} and closes at
 * {@code upgradeFinished} or {@code upgradeFailed}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UpgradeControl {

  /** The configuration of the run. */
  Configuration config();

  /** The id of the run the events belong to; empty when the driver runs outside a run. */
  default String runId() {
    return "";
  }

  /**
   * The base URL of this run's control endpoint (e.g. {@code http://127.0.0.1:7878}), so a driver
   * can hand it to the deployment tool it starts; empty when the endpoint is not running.
   */
  default java.util.Optional<String> controlUrl() {
    return java.util.Optional.empty();
  }

  /** The upgrade began. */
  void upgradeStarted();

  /** A step began, e.g. {@code stepStarted("compute", "ctl1", "restart nova-api")}. */
  void stepStarted(String service, String host, String step);

  /** A step ended. */
  void stepFinished(String service, String host, String step);

  /** The upgrade completed. */
  void upgradeFinished();

  /** The upgrade ended in failure. */
  void upgradeFailed(String reason);

  /** A line of the upgrade tool's output, kept in the store. */
  void output(String line);

  /**
   * Wait until a deployment tool (or the {@code signal} command) reports the given event for this
   * run, up to the timeout; true when it arrived.
   */
  boolean awaitEvent(String type, Duration timeout) throws InterruptedException;
}
