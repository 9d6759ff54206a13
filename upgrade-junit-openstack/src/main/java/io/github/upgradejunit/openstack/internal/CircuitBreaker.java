package io.github.upgradejunit.openstack.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops creating resources of one service after N creates in a row failed: a broken or exhausted
 * cloud should not be flooded with half-built servers, and a run should say so once, clearly,
 * instead of failing the same way for every test. Once open it stays open for the run (this JVM).
 * Thread-safe.
 */
final class CircuitBreaker {

  private final String service;
  private final int threshold;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>("");

  CircuitBreaker(String service, int threshold) {
    this.service = service;
    this.threshold = threshold;
  }

  /** Fails when the breaker is open. */
  void check(String what) {
    if (failures.get() >= threshold) {
      throw new IllegalStateException("Not creating " + what + ": " + failures.get() + " creates of "
          + Failures.label(service) + " resources failed in a row (last: " + lastFailure.get() + "), so this run "
          + "creates no more of them (upgrade.openstack.create.failures=" + threshold + "). Fix the cause and "
          + "run again.");
    }
  }

  void succeeded() {
    failures.set(0);
  }

  void failed(Throwable failure) {
    lastFailure.set(String.valueOf(failure.getMessage()));
    failures.incrementAndGet();
  }

  boolean open() {
    return failures.get() >= threshold;
  }
}
