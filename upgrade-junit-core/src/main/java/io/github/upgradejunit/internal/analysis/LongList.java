package io.github.upgradejunit.internal.analysis;

import java.util.Arrays;

/** A growable list of primitive longs, so millions of latencies are not boxed. Not thread-safe. */
final class LongList {

  private long[] values = new long[16];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /** The values, sorted ascending, in a new array. */
  long[] sorted() {
    long[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  void addAll(LongList other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  /** The median of the values, or {@code -1} when empty. */
  double median() {
    if (size == 0) {
      return -1;
    }
    long[] s = sorted();
    return (s[(size - 1) / 2] + s[size / 2]) / 2.0;
  }
}
