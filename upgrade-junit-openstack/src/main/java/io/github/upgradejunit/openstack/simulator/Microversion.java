package io.github.upgradejunit.openstack.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Nova API microversion such as {@code 2.37}; ordered by major, then minor number. */
record Microversion(int major, int minor) implements Comparable<Microversion> {

  static final Microversion MIN = new Microversion(2, 1);
  private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

  /** Parses {@code 2.37}; returns {@code null} for anything else. */
  static Microversion parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    try {
      return new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Microversion parse(String text) {
    Microversion version = parseOrNull(text);
    if (version == null) {
      throw new IllegalArgumentException("not a Nova microversion (like 2.93): '" + text + "'");
    }
    return version;
  }

  /** True when this is at least {@code 2.minor}. */
  boolean atLeast(int minorOfTwo) {
    return compareTo(new Microversion(2, minorOfTwo)) >= 0;
  }

  @Override
  public int compareTo(Microversion other) {
    return major != other.major ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
