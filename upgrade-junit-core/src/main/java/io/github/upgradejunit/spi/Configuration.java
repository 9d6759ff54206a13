package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The configuration of a run, already validated. Sources, first match wins: system properties,
 * {@code upgrade-junit.properties} on the test classpath, then the environment ({@code upgrade.run.id}
 * is read from {@code UPGRADE_RUN_ID}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Configuration {

  /** The value of the key, or its default; empty when neither is set. */
  Optional<String> find(ConfigKey key);

  /** The value of the key, or its default; fails when neither is set. */
  default String get(ConfigKey key) {
    return find(key).orElseThrow(() -> new IllegalStateException(
        "Configuration key '" + key.name() + "' is not set and has no default: " + key.description()));
  }

  /** The value as a duration. */
  default Duration duration(ConfigKey key) {
    return ConfigKey.parseDuration(get(key));
  }

  /** The value as a whole number. */
  default long integer(ConfigKey key) {
    return Long.parseLong(get(key).trim());
  }

  /** The value as a number. */
  default double number(ConfigKey key) {
    return Double.parseDouble(get(key).trim());
  }

  /** Every key under a prefix (e.g. {@code upgrade.probe.}), for keys with a name in the middle. */
  Map<String, String> withPrefix(String prefix);

  /** An environment variable, such as {@code OS_CLOUD}; here so that tests can supply their own. */
  Optional<String> environment(String name);
}
