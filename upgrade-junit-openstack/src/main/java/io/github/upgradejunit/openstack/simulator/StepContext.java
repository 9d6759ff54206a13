package io.github.upgradejunit.openstack.simulator;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** What a scenario step may do while it plays: act on the simulator and report itself. */
interface StepContext {

  /** An action that may wait. */
  @FunctionalInterface
  interface Action {
    void run() throws InterruptedException, IOException;
  }

  OpenStackSimulator simulator();

  /**
   * Runs an action as one reported upgrade step: step-started and step-finished go to the upgrade
   * control and the ground truth, and the truth attributes everything in between to it.
   */
  void step(String name, SimulatedService service, String host, Action action)
      throws InterruptedException, IOException;

  /** A line for the upgrade tool's output (stored with the run). */
  void output(String line);

  /** Waits; interruption ends the scenario. */
  void sleep(long millis) throws InterruptedException;

  /**
   * Waits until {@code millis} after {@code startNanos} (a {@link System#nanoTime()} value), so
   * that reporting between a flip and the wait does not lengthen the outage.
   */
  default void sleepSince(long startNanos, long millis) throws InterruptedException {
    long remaining = startNanos + millis * 1_000_000L - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }
}
