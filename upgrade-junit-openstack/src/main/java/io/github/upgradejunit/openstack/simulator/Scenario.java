package io.github.upgradejunit.openstack.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An upgrade scenario: the ordered steps the simulator plays (restarts, outages, latency, version
 * bumps, lost or corrupted resources, dropped requests). Scenarios are data, written in JSON or
 * YAML, so a user can describe their own deployment tool's upgrade and dry-run a test suite
 * against it; the format is in {@code docs/simulator.md}. Loading checks the whole file, so a
 * broken scenario fails before the upgrade window opens.
 */
public final class Scenario {

  private static final String RESOURCE_DIR = "/io/github/upgradejunit/openstack/simulator/scenarios/";
  private static final List<String> BUILTINS =
      List.of("rolling-compute-outage", "zero-downtime", "broken-upgrade");

  private final String name;
  private final String description;
  private final String source;
  private final List<ScenarioStep> steps;
  private final Map<SimulatedService, Integer> backends;

  Scenario(String name, String description, String source, List<ScenarioStep> steps,
      Map<SimulatedService, Integer> backends) {
    this.name = name;
    this.description = description;
    this.source = source;
    this.steps = List.copyOf(steps);
    this.backends = Collections.unmodifiableMap(backends.isEmpty()
        ? new EnumMap<>(SimulatedService.class) : new EnumMap<>(backends));
  }

  /**
   * Loads a scenario file: YAML when the name ends in {@code .yaml}/{@code .yml}, else JSON.
   *
   * @throws ScenarioException naming the file, step and problem
   */
  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, null, "cannot be read: " + e, e);
    }
    String fileName = file.getFileName().toString();
    return parse(file.toString(), text, fileName);
  }

  /** One of the scenarios shipped with the simulator; see {@link #builtinNames()}. */
  public static Scenario builtin(String name) {
    if (!BUILTINS.contains(name)) {
      throw new ScenarioException(name, 0, null, "no such built-in scenario; built-ins are "
          + BUILTINS, null);
    }
    String resource = RESOURCE_DIR + name + ".json";
    try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioException("classpath:" + resource, 0, null, "resource is missing", null);
      }
      return parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8),
          name + ".json");
    } catch (IOException e) {
      throw new ScenarioException("classpath:" + resource, 0, null, "cannot be read: " + e, e);
    }
  }

  /** A file when one exists at that path, otherwise a built-in scenario of that name. */
  public static Scenario resolve(String fileOrBuiltin) {
    Path path = Path.of(fileOrBuiltin);
    if (Files.isRegularFile(path)) {
      return load(path);
    }
    if (BUILTINS.contains(fileOrBuiltin)) {
      return builtin(fileOrBuiltin);
    }
    throw new ScenarioException(fileOrBuiltin, 0, null,
        "is neither a readable file nor a built-in scenario " + BUILTINS, null);
  }

  /** The names {@link #builtin(String)} accepts. */
  public static List<String> builtinNames() {
    return BUILTINS;
  }

  /** Parses scenario text; the file name decides JSON or YAML and the default scenario name. */
  static Scenario parse(String source, String text, String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    String baseName = fileName.replaceFirst("\\.(json|ya?ml)$", "");
    return ScenarioParser.parse(source, text, yaml, baseName);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Where the scenario came from (a path or a {@code classpath:} resource). */
  public String source() {
    return source;
  }

  /** The steps' names in play order. */
  public List<String> stepNames() {
    return steps.stream().map(ScenarioStep::name).toList();
  }

  /**
   * The backend counts the scenario was written for (empty when it does not say). Build the
   * simulator with {@link OpenStackSimulator.Builder#backendsFor(Scenario)} to match.
   */
  public Map<SimulatedService, Integer> backends() {
    return backends;
  }

  /** Roughly how long playing takes. */
  public Duration estimatedDuration() {
    return Duration.ofMillis(steps.stream()
        .mapToLong(step -> step.durationMs(s -> backends.getOrDefault(s, s.defaultBackends())))
        .sum());
  }

  List<ScenarioStep> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Scenario[" + name + " from " + source + ", " + steps.size() + " steps]";
  }
}
