package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.List;

/**
 * The upgrade window, from {@code upgrade-started} to {@code upgrade-finished} (or
 * {@code upgrade-failed}). It splits every measurement into the before, during and after phases,
 * and a failed upgrade is never a rolling one.
 *
 * @param startMicros when the upgrade started (epoch microseconds)
 * @param endMicros when it finished or failed; not before {@code startMicros}
 * @param failed whether it failed (or never started or finished)
 * @param failure why it failed, as the operator should read it; {@code null} when it did not
 */
public record UpgradeWindow(long startMicros, long endMicros, boolean failed, String failure) {

  /** Rejects a window that ends before it starts; a failed window always says why. */
  public UpgradeWindow {
    if (endMicros < startMicros) {
      throw new IllegalArgumentException(
          "upgrade window ends before it starts: " + startMicros + " > " + endMicros);
    }
    if (!failed) {
      failure = null;
    } else if (failure == null || failure.isBlank()) {
      failure = "no reason given";
    }
  }

  /** A window without a stated reason. */
  public UpgradeWindow(long startMicros, long endMicros, boolean failed) {
    this(startMicros, endMicros, failed, null);
  }

  /**
   * The window the events describe: the first {@code upgrade-started}, then the first
   * {@code upgrade-finished} or {@code upgrade-failed} after it. An upgrade that never finished
   * ends at {@code fallbackEndMicros} and counts as failed; one that never started is an empty,
   * failed window at {@code fallbackEndMicros}.
   */
  public static UpgradeWindow fromEvents(List<Event> events, long fallbackEndMicros) {
    long start = Long.MAX_VALUE;
    for (Event e : events) {
      if (Event.UPGRADE_STARTED.equals(e.type())) {
        start = Math.min(start, e.atMicros());
      }
    }
    if (start == Long.MAX_VALUE) {
      return new UpgradeWindow(fallbackEndMicros, fallbackEndMicros, true, "it never started");
    }
    Event closing = null;
    for (Event e : events) {
      boolean closes = Event.UPGRADE_FINISHED.equals(e.type())
          || Event.UPGRADE_FAILED.equals(e.type());
      if (closes && e.atMicros() >= start && (closing == null || e.atMicros() < closing.atMicros())) {
        closing = e;
      }
    }
    if (closing == null) {
      return new UpgradeWindow(start, Math.max(start, fallbackEndMicros), true, "it never finished");
    }
    boolean failed = Event.UPGRADE_FAILED.equals(closing.type());
    return new UpgradeWindow(start, closing.atMicros(), failed, closing.detail());
  }

  /** The phase a moment belongs to: before the start, during (both ends included), after. */
  public Phase phaseOf(long micros) {
    if (micros < startMicros) {
      return Phase.BEFORE;
    }
    return micros <= endMicros ? Phase.DURING : Phase.AFTER;
  }

  /** Whether the closed interval {@code [fromMicros, toMicros]} overlaps the window. */
  public boolean overlaps(long fromMicros, long toMicros) {
    return fromMicros <= endMicros && toMicros >= startMicros;
  }
}
