package io.github.upgradejunit.internal.analysis;

import java.util.Objects;

/**
 * What {@code upgrade.expect} asked for and whether the run delivered it; the build fails on
 * {@code met == false}, and {@code message} is what it prints: one line per service that fell
 * short, listing the evidence, e.g.
 * {@code compute: 2 outages, 1.9 s [1.8 s, 2.0 s] during step 'restart nova-api ctl1', 14 x HTTP_5XX}.
 *
 * @param expected the level asked for ({@link Level#NONE}: nothing asked, always met)
 * @param measured the overall level measured
 * @param met whether {@code measured} reaches {@code expected}
 * @param message a human-readable statement of the outcome
 */
public record Expectation(Level expected, Level measured, boolean met, String message) {

  /** Requires the levels and a message, and checks {@code met}. */
  public Expectation {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(message, "message");
    if (met != measured.atLeast(expected)) {
      throw new IllegalArgumentException("met must say whether measured reaches expected");
    }
  }
}
