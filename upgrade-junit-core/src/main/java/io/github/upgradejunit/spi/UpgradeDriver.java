package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Drives (or waits for) the upgrade and reports its progress. Built in: {@code command} (runs
 * {@code upgrade.command}; its exit ends the window) and {@code signal} (waits for events sent
 * by the deployment tool to the control endpoint or the {@code signal} command). Plugins add more,
 * such as the OpenStack simulator's scenario player.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UpgradeDriver {

  /** The name selected with {@code upgrade.driver}. */
  String name();

  /**
   * Run the upgrade to its end, reporting {@link UpgradeControl#upgradeStarted()}, steps and
   * {@link UpgradeControl#upgradeFinished()} (or {@code upgradeFailed}) as they happen. Returns
   * when the upgrade is over; an exception means the upgrade failed.
   */
  void drive(UpgradeControl control) throws Exception;
}
