package io.github.upgradejunit.internal.analysis;

/** Argument checks shared by the count records. */
final class Counts {

  private Counts() {
  }

  static void requireNonNegative(int... counts) {
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must not be negative: " + count);
      }
    }
  }
}
