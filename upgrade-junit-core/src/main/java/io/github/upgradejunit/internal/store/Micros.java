package io.github.upgradejunit.internal.store;

import java.time.Instant;

/** Time as the store keeps it: microseconds since the epoch, UTC. */
public final class Micros {

  private Micros() {
  }

  /** The current wall-clock time. */
  public static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** The instant of a stored time. */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
