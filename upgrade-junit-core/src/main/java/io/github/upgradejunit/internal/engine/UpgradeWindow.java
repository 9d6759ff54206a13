package io.github.upgradejunit.internal.engine;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade window of this JVM: waiting, open (between {@code upgrade-started} and
 * {@code upgrade-finished} or {@code upgrade-failed}), then closed for good. During checks wait on
 * it and loop while it is open. Times are those of the events, not of when this JVM saw them.
 */
final class UpgradeWindow {

  enum State { WAITING, OPEN, CLOSED }

  private State state = State.WAITING;
  private long openedAt;
  private long closedAt;
  private String closeReason = "";
  private final Set<String> runningSteps = new LinkedHashSet<>();

  synchronized void open(long at) {
    if (state == State.WAITING) {
      state = State.OPEN;
      openedAt = at;
      notifyAll();
    }
  }

  synchronized void close(long at, String reason) {
    if (state != State.CLOSED) {
      if (state == State.WAITING) {
        openedAt = at;
      }
      state = State.CLOSED;
      closedAt = at;
      closeReason = reason;
      runningSteps.clear();
      notifyAll();
    }
  }

  synchronized void stepStarted(String step) {
    runningSteps.add(step);
  }

  synchronized void stepFinished(String step) {
    runningSteps.remove(step);
  }

  synchronized Optional<String> currentStep() {
    return runningSteps.isEmpty() ? Optional.empty() : Optional.of(String.join(" + ", runningSteps));
  }

  synchronized State state() {
    return state;
  }

  synchronized boolean isOpen() {
    return state == State.OPEN;
  }

  /** Whether an iteration that started at this time started inside the window. */
  synchronized boolean contains(long atMicros) {
    return state != State.WAITING && openedAt <= atMicros && (state == State.OPEN || atMicros < closedAt);
  }

  synchronized long openedAt() {
    return openedAt;
  }

  synchronized long closedAt() {
    return closedAt;
  }

  synchronized String closeReason() {
    return closeReason;
  }

  /** Wait until the window opened (true) or closed without ever opening (false). */
  synchronized boolean awaitOpen() throws InterruptedException {
    while (state == State.WAITING) {
      wait();
    }
    return state == State.OPEN || openedAt < closedAt;
  }

  /** Wait until the window closed or the time passed; true when it is closed. */
  synchronized boolean awaitClosed(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (state != State.CLOSED) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
