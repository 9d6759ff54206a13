package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** The three phases of an upgrade run, in the order they happen. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Phase {
  /** Before the upgrade starts: resources are created and the baseline is measured. */
  BEFORE,
  /** The upgrade window, from {@code upgrade-started} to {@code upgrade-finished}. */
  DURING,
  /** After the upgrade finished: resources are verified, requests reconciled, everything cleaned up. */
  AFTER;

  /** The lower-case name used in properties, the store and reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
