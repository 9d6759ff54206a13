package io.github.upgradejunit.internal.config;

import io.github.upgradejunit.internal.monitor.ConfiguredProbes;
import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated configuration of one JVM's part of a run. Sources, first match wins: system
 * properties, JUnit configuration parameters, {@code upgrade-junit.properties} on the classpath,
 * then environment variables ({@code upgrade.probe.rate} is read from {@code UPGRADE_PROBE_RATE}).
 */
public final class UpgradeConfiguration implements Configuration {

  public static final String PROPERTIES_FILE = "upgrade-junit.properties";
  private static final String PREFIX = "upgrade.";

  private final Map<String, String> values;
  private final Map<String, String> environment;
  private final Set<String> declaredNames;

  private UpgradeConfiguration(Map<String, String> values, Map<String, String> environment,
      Set<String> declaredNames) {
    this.values = values;
    this.environment = environment;
    this.declaredNames = declaredNames;
  }

  /**
   * Read every source and check every {@code upgrade.*} key against the declared ones.
   *
   * @param parameters JUnit configuration parameters (key to value), looked up after system properties
   * @throws InvalidConfigurationException naming every unknown key and bad value at once
   */
  public static UpgradeConfiguration load(Function<String, Optional<String>> parameters,
      Collection<ConfigKey> declared) {
    return load(parameters, Set.of(), declared);
  }

  /**
   * As {@link #load(Function, Collection)}, also reading the pattern keys
   * ({@code upgrade.probe.<name>.*}) among the names of the JUnit configuration parameters.
   */
  public static UpgradeConfiguration load(Function<String, Optional<String>> parameters,
      Set<String> parameterNames, Collection<ConfigKey> declared) {
    Map<String, String> values = collect(parameters, declared);
    Set<String> names = declared.stream().map(ConfigKey::name).collect(Collectors.toSet());
    parameterNames.stream().filter(k -> ConfiguredProbes.isProbeKey(k, names) && !values.containsKey(k))
        .forEach(k -> parameters.apply(k).map(String::trim).filter(v -> !v.isEmpty())
            .ifPresent(v -> values.put(k, v)));
    return of(values, System.getenv(), declared);
  }

  /** A configuration from explicit values, for tests and the command line. */
  public static UpgradeConfiguration of(Map<String, String> explicit, Map<String, String> environment,
      Collection<ConfigKey> declared) {
    Map<String, String> values = new TreeMap<>(explicit);
    for (ConfigKey key : declared) {
      String env = environment.get(environmentName(key.name()));
      if (!values.containsKey(key.name()) && env != null && !env.isBlank()) {
        values.put(key.name(), env);
      }
    }
    validate(values, declared);
    return new UpgradeConfiguration(Map.copyOf(values), Map.copyOf(environment),
        declared.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet()));
  }

  private static Map<String, String> collect(Function<String, Optional<String>> parameters,
      Collection<ConfigKey> declared) {
    Map<String, String> values = new LinkedHashMap<>();
    Properties file = classpathProperties();
    file.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
        .forEach(k -> values.put(k, file.getProperty(k).trim()));
    for (ConfigKey key : declared) {
      parameters.apply(key.name()).ifPresent(v -> values.put(key.name(), v.trim()));
    }
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
        .forEach(k -> values.put(k, System.getProperty(k).trim()));
    values.values().removeIf(String::isEmpty);
    return values;
  }

  private static Properties classpathProperties() {
    Properties properties = new Properties();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(PROPERTIES_FILE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + PROPERTIES_FILE + " from the classpath", e);
    }
    return properties;
  }

  private static void validate(Map<String, String> values, Collection<ConfigKey> declared) {
    Map<String, ConfigKey> byName = declared.stream()
        .collect(Collectors.toMap(ConfigKey::name, k -> k, (a, b) -> a));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      ConfigKey key = byName.get(entry.getKey());
      if (key == null) {
        if (ConfiguredProbes.isProbeKey(entry.getKey(), byName.keySet())) {
          continue; // checked with the other options of its probe, below
        }
        if (entry.getKey().startsWith(PREFIX) && !entry.getKey().startsWith("upgrade.internal.")) {
          problems.add("Unknown configuration key '" + entry.getKey() + "'" + suggestion(entry.getKey(), byName)
              + ". Known keys are listed in docs/configuration.md.");
        }
        continue;
      }
      String problem = key.problemWith(entry.getValue());
      if (problem != null) {
        problems.add(problem);
      }
    }
    problems.addAll(ConfiguredProbes.problems(values, byName.keySet()));
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  private static String suggestion(String unknown, Map<String, ConfigKey> known) {
    return known.keySet().stream()
        .min((a, b) -> Integer.compare(Edits.distance(a, unknown), Edits.distance(b, unknown)))
        .filter(best -> Edits.distance(best, unknown) <= 3)
        .map(best -> " (did you mean '" + best + "'?)")
        .orElse("");
  }

  /** The environment variable a key is also read from: {@code upgrade.probe.rate} → {@code UPGRADE_PROBE_RATE}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Override
  public Optional<String> find(ConfigKey key) {
    return Optional.ofNullable(values.getOrDefault(key.name(), key.defaultValue()));
  }

  @Override
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> result = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        result.put(k, v);
      }
    });
    return result;
  }

  @Override
  public Optional<String> environment(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
  }

  /** The probes configured by properties ({@code upgrade.probe.<name>.*}). */
  public List<io.github.upgradejunit.spi.Probe> configuredProbes() {
    return ConfiguredProbes.of(values, declaredNames);
  }

  /** The explicitly set values (for copying into a nested launch); secrets are never among core keys. */
  public Map<String, String> explicitValues() {
    return values;
  }
}
