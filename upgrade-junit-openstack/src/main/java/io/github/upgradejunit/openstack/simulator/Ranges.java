package io.github.upgradejunit.openstack.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A single HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}). */
final class Ranges {

  private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

  private Ranges() {
  }

  /**
   * The inclusive {@code [first, last]} byte positions, or empty when there is no usable Range
   * header (multiple ranges are ignored, as HTTP allows).
   *
   * @throws ApiException 416 when the range lies outside the content
   */
  static Optional<long[]> parse(String header, long length) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    long first;
    long last;
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        first = Math.max(0, length - suffix);
        last = length - 1;
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (first >= length || first > last) {
      throw ApiResponse.text(416, ApiResponse.HTML, "<html><h1>Requested Range Not Satisfiable"
          + "</h1><p>The Range requested is not available.</p></html>")
          .header("Content-Range", "bytes */" + length).asException();
    }
    return Optional.of(new long[] {first, last});
  }
}
