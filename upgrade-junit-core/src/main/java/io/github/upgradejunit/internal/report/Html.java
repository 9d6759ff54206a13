package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.store.Micros;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Escaping and formatting for the report's HTML and SVG. Everything a run recorded (service names,
 * step names, error messages, resource names) reaches the page only through {@link #escape}, so no
 * recorded text can become markup; characters XML forbids are dropped, so the SVGs stay valid
 * standalone documents (Allure attaches them as files).
 */
final class Html {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK_MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Html() {
  }

  /** Text safe in element content and in quoted attribute values; {@code null} becomes empty. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> appendIfXmlCharacter(out, text, i, c);
      }
    }
    return out.toString();
  }

  private static void appendIfXmlCharacter(StringBuilder out, String text, int i, char c) {
    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
      out.append(c);
    } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      out.append(c);
    } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
      out.append(c);
    }
  }

  /** The first line of a text, shortened to {@code max} characters with an ellipsis. */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String line = SummaryJson.firstLine(text);
    return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
  }

  /** At most {@code maxLines} lines and {@code maxChars} characters of a text, with an ellipsis when cut. */
  static String clip(String text, int maxChars, int maxLines) {
    if (text == null) {
      return "";
    }
    String[] lines = text.split("\n", maxLines + 1);
    String kept = String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.min(maxLines, lines.length)));
    boolean cut = lines.length > maxLines || kept.length() > maxChars;
    return cut ? kept.substring(0, Math.min(kept.length(), maxChars - 1)) + "\u2026" : kept;
  }

  /** {@code 2026-11-25 10:24:00} (UTC). */
  static String clock(long micros) {
    return CLOCK.format(Micros.toInstant(micros));
  }

  /** {@code 10:24:00.125} (UTC). */
  static String clockMillis(long micros) {
    return CLOCK_MILLIS.format(Micros.toInstant(micros));
  }

  /** A count with thousands separators: {@code 1,234,567}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 1 outage}, {@code 3 outages}. */
  static String plural(long n, String noun) {
    return count(n) + " " + noun + (n == 1 ? "" : "s");
  }

  /** A number with one decimal at most, as SVG coordinates want it: {@code 12}, {@code 12.5}. */
  static String num(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /** A percentage rounded down to two decimals, so a failed sample never shows as 100.00 %. */
  static String percent(Double value) {
    if (value == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f %%", Math.floor(value * 100) / 100);
  }

  /** A p-value: {@code 0.031}, {@code 3.1e-45}. */
  static String pValue(Double p) {
    if (p == null) {
      return "n/a";
    }
    return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
  }
}
