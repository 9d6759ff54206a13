package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A documented configuration key with its default and the rule its value must follow. Values are
 * checked when a run starts, so a bad value fails fast with a message naming the key.
 *
 * <pre>{@code
 * static final ConfigKey VOLUME_SIZE = ConfigKey.integer("upgrade.cinder.volume.size", "1", 1,
 *     "Size in GiB of the persistent test volume.");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ConfigKey {

  private final String name;
  private final String defaultValue;
  private final String description;
  private final String allowed;
  private final Function<String, String> check;

  private ConfigKey(String name, String defaultValue, String description, String allowed,
      Function<String, String> check) {
    this.name = Objects.requireNonNull(name);
    this.defaultValue = defaultValue;
    this.description = description;
    this.allowed = allowed;
    this.check = check;
  }

  /** Any string; {@code defaultValue} may be {@code null} for "unset". */
  public static ConfigKey string(String name, String defaultValue, String description) {
    return new ConfigKey(name, defaultValue, description, "any text", v -> null);
  }

  /** One of a fixed set of values, compared case-insensitively. */
  public static ConfigKey choice(String name, String defaultValue, String description, String... values) {
    List<String> allowed = Arrays.asList(values);
    return new ConfigKey(name, defaultValue, description, String.join(" | ", values),
        v -> allowed.contains(v.toLowerCase(Locale.ROOT)) ? null : "one of " + String.join(", ", values));
  }

  /** A duration such as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}; zero or more. */
  public static ConfigKey duration(String name, String defaultValue, String description) {
    return new ConfigKey(name, defaultValue, description, "a duration like 500ms, 30s, 5m", v -> {
      try {
        return parseDuration(v).isNegative() ? "a duration of zero or more" : null;
      } catch (IllegalArgumentException e) {
        return "a duration like 500ms, 30s, 5m";
      }
    });
  }

  /** A whole number of at least {@code min}. */
  public static ConfigKey integer(String name, String defaultValue, long min, String description) {
    return new ConfigKey(name, defaultValue, description, "a whole number >= " + min, v -> {
      try {
        return Long.parseLong(v.trim()) >= min ? null : "a whole number >= " + min;
      } catch (NumberFormatException e) {
        return "a whole number >= " + min;
      }
    });
  }

  /** A positive number (fractions allowed), such as a rate per second. */
  public static ConfigKey positiveNumber(String name, String defaultValue, String description) {
    return new ConfigKey(name, defaultValue, description, "a number > 0", v -> {
      try {
        double d = Double.parseDouble(v.trim());
        return d > 0 && Double.isFinite(d) ? null : "a number > 0";
      } catch (NumberFormatException e) {
        return "a number > 0";
      }
    });
  }

  /**
   * The same key, with the same default and rule, under a concrete name: for a documented pattern
   * such as {@code upgrade.probe.<name>.rate}, the key {@code upgrade.probe.vip.rate}.
   */
  public ConfigKey named(String concreteName) {
    return new ConfigKey(concreteName, defaultValue, description, allowed, check);
  }

  /** The key, e.g. {@code upgrade.phase}. */
  public String name() {
    return name;
  }

  /** The default value, or {@code null} when unset by default. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the key does, for the configuration reference. */
  public String description() {
    return description;
  }

  /** The allowed values, in words. */
  public String allowed() {
    return allowed;
  }

  /**
   * Check a value; returns {@code null} when it is valid, or a message naming the key, the value
   * and what is allowed.
   */
  public String problemWith(String value) {
    String expected = check.apply(value);
    return expected == null ? null
        : "Configuration key '" + name + "' has the value '" + value + "', but it must be " + expected + ".";
  }

  /**
   * Parse a duration written as a number and a unit ({@code ms}, {@code s}, {@code m}, {@code h});
   * a bare number means milliseconds, and ISO-8601 ({@code PT5S}) is accepted too.
   */
  public static Duration parseDuration(String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      int i = 0;
      while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
        i++;
      }
      if (i == 0) {
        throw new IllegalArgumentException("Not a duration: '" + text + "'");
      }
      double amount = Double.parseDouble(v.substring(0, i));
      String unit = v.substring(i).trim();
      double millis = switch (unit) {
        case "", "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m", "min" -> amount * 60_000;
        case "h" -> amount * 3_600_000;
        default -> throw new IllegalArgumentException("Not a duration: '" + text + "'");
      };
      return Duration.ofNanos(Math.round(millis * 1_000_000));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a duration: '" + text + "' (write e.g. 500ms, 5s, 2m)", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
