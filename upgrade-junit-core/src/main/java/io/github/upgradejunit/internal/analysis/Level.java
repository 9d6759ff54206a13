package io.github.upgradejunit.internal.analysis;

import java.util.Locale;

/**
 * The upgrade classes OpenStack once defined as governance tags, in increasing strength; each
 * requires the one before it. {@link #NONE} means not even rolling. Also the values of
 * {@code upgrade.expect}.
 */
public enum Level {
  /** Not even a rolling upgrade (or, as an expectation: nothing expected). */
  NONE,
  /** Services kept working with mixed versions; downtime reported but allowed; resources survived. */
  ROLLING,
  /** Rolling, with no failed probe, no 5xx, and every accepted request honored. */
  ZERO_DOWNTIME,
  /** Zero-downtime, with no significant latency degradation during the upgrade. */
  ZERO_IMPACT;

  /** The name used in configuration and reports: {@code none}, {@code rolling}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this level includes {@code other}. */
  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /** The level named {@code text} ({@code zero-downtime}, {@code ZERO_DOWNTIME}, ...). */
  public static Level parse(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Level level : values()) {
      if (level.name().equals(wanted)) {
        return level;
      }
    }
    throw new IllegalArgumentException("upgrade.expect: '" + text
        + "' is not one of none, rolling, zero-downtime, zero-impact");
  }
}
