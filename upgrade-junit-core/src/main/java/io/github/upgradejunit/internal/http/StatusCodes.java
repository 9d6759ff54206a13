package io.github.upgradejunit.internal.http;

import java.util.BitSet;
import java.util.Locale;

/**
 * A set of expected HTTP status codes, written as a comma-separated list of codes and classes:
 * {@code 200,204}, {@code 2xx}, {@code 2xx,301,401}. Immutable.
 */
public final class StatusCodes {

  /** What a probe expects unless told otherwise: any 2xx or 3xx answer. */
  public static final StatusCodes SUCCESS = parse("2xx,3xx");

  private final BitSet codes;
  private final String text;

  private StatusCodes(BitSet codes, String text) {
    this.codes = codes;
    this.text = text;
  }

  /**
   * Parse a list such as {@code 200,204} or {@code 2xx}.
   *
   * @throws IllegalArgumentException naming the part that is neither a code nor a class
   */
  public static StatusCodes parse(String text) {
    BitSet codes = new BitSet(600);
    for (String part : text.split(",")) {
      add(codes, part.trim().toLowerCase(Locale.ROOT));
    }
    return new StatusCodes(codes, text.replace(" ", ""));
  }

  private static void add(BitSet codes, String part) {
    if (part.matches("[1-5]xx")) {
      int base = (part.charAt(0) - '0') * 100;
      codes.set(base, base + 100);
    } else if (part.matches("[1-5][0-9][0-9]")) {
      codes.set(Integer.parseInt(part));
    } else {
      throw new IllegalArgumentException("'" + part + "' is neither a status code (200) nor a class (2xx)");
    }
  }

  /** Whether a status is expected. */
  public boolean contains(int status) {
    return status >= 0 && status < 600 && codes.get(status);
  }

  @Override
  public String toString() {
    return text;
  }
}
