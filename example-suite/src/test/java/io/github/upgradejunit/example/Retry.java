package io.github.upgradejunit.example;

import java.util.concurrent.Callable;

/**
 * A bounded retry for during checks that must tolerate a short API outage: the expectation of a
 * rolling upgrade. The outage itself is still measured by the background probes.
 */
final class Retry {

  private Retry() {
  }

  /** Call until it succeeds, for at most {@code seconds}; rethrow the last failure. */
  static <T> T within(int seconds, Callable<T> call) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      try {
        return call.call();
      } catch (Exception | AssertionError e) {
        if (System.nanoTime() > deadline) {
          if (e instanceof RuntimeException r) {
            throw r;
          }
          throw new AssertionError("still failing after " + seconds + " s: " + e, e);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", interrupted);
        }
      }
    }
  }
}
