package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a scenario document (JSON or YAML) into steps, checking everything a step needs before
 * anything plays: the step type, required and unknown fields (a typo must not silently become a
 * default), value types and ranges, and service names.
 */
final class ScenarioParser {

  /** Thrown inside the parser; turned into a {@link ScenarioException} with the step's context. */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL = Set.of("name", "description", "backends", "steps");
  private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
      Map.entry("restart", Set.of("service", "backend", "outageMs", "drain", "drainMs", "version")),
      Map.entry("rolling-restart", Set.of("service", "backends", "outageMs", "gapMs", "drain",
          "drainMs", "version")),
      Map.entry("outage", Set.of("service", "durationMs", "mode")),
      Map.entry("latency", Set.of("service", "factor", "durationMs")),
      Map.entry("version", Set.of("service", "version", "backend")),
      Map.entry("lose-server", Set.of("server", "count")),
      Map.entry("corrupt-object", Set.of("container", "object", "count")),
      Map.entry("drop-creates", Set.of("service", "percent", "durationMs", "mode",
          "deleteAfterMs")),
      Map.entry("drain", Set.of("service", "backend")),
      Map.entry("undrain", Set.of("service", "backend")),
      Map.entry("pause", Set.of("ms", "durationMs")));
  private static final long DEFAULT_OUTAGE_MS = 1000;
  private static final long DEFAULT_GAP_MS = 1000;
  private static final long DEFAULT_DRAIN_MS = 200;

  private final String source;

  private ScenarioParser(String source) {
    this.source = source;
  }

  /** Parses a document; {@code yaml} selects the syntax. */
  static Scenario parse(String source, String text, boolean yaml, String fallbackName) {
    return new ScenarioParser(source).document(text, yaml, fallbackName);
  }

  private Scenario document(String text, boolean yaml, String fallbackName) {
    JsonNode root = read(text, yaml);
    if (root == null || !root.isObject()) {
      throw fail(0, null, "the document must be an object with a \"steps\" list");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!TOP_LEVEL.contains(field)) {
        throw fail(0, null, "unknown top-level field '" + field + "'; allowed: "
            + new TreeSet<>(TOP_LEVEL));
      }
    }
    String name = root.hasNonNull("name") ? root.get("name").asText() : fallbackName;
    String description = root.hasNonNull("description") ? root.get("description").asText() : "";
    Map<SimulatedService, Integer> backends = backends(root.get("backends"));
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      throw fail(0, null, "\"steps\" must be a non-empty list");
    }
    List<ScenarioStep> parsed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      parsed.add(stepAt(i + 1, steps.get(i)));
    }
    return new Scenario(name, description, source, parsed, backends);
  }

  private JsonNode read(String text, boolean yaml) {
    try {
      return (yaml ? YAML : JSON).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw fail(0, null, "not valid " + (yaml ? "YAML" : "JSON") + where + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw fail(0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private Map<SimulatedService, Integer> backends(JsonNode node) {
    Map<SimulatedService, Integer> backends = new EnumMap<>(SimulatedService.class);
    if (node == null || node.isNull()) {
      return backends;
    }
    if (!node.isObject()) {
      throw fail(0, null, "\"backends\" must map service names to backend counts");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      try {
        SimulatedService service = SimulatedService.fromName(entry.getKey());
        if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 1) {
          throw new Problem("must be a whole number >= 1, got " + entry.getValue());
        }
        backends.put(service, entry.getValue().asInt());
      } catch (IllegalArgumentException | Problem e) {
        throw fail(0, null, "\"backends\" entry '" + entry.getKey() + "': " + e.getMessage());
      }
    }
    return backends;
  }

  private ScenarioStep stepAt(int number, JsonNode node) {
    String given = node != null && node.hasNonNull("name") ? node.get("name").asText() : null;
    try {
      if (node == null || !node.isObject()) {
        throw new Problem("a step must be an object with a \"type\"");
      }
      return step(new Fields(node), given);
    } catch (Problem | IllegalArgumentException e) {
      String name = given != null ? given : describe(node);
      throw fail(number, name, e.getMessage());
    }
  }

  /** A best-effort name for error messages when the step could not be built. */
  private static String describe(JsonNode node) {
    if (node == null || !node.isObject() || !node.hasNonNull("type")) {
      return null;
    }
    String service = node.hasNonNull("service") ? " " + node.get("service").asText() : "";
    String backend = node.hasNonNull("backend") ? " backend " + node.get("backend").asText() : "";
    return node.get("type").asText() + service + backend;
  }

  private ScenarioStep step(Fields f, String given) {
    String type = f.requiredText("type").toLowerCase(Locale.ROOT);
    Set<String> allowed = FIELDS.get(type);
    if (allowed == null) {
      throw new Problem("unknown step type '" + type + "'; known types: "
          + new TreeSet<>(FIELDS.keySet()));
    }
    f.rejectUnknown(allowed);
    switch (type) {
      case "restart": return restart(f, given);
      case "rolling-restart": return rollingRestart(f, given);
      case "outage": return outage(f, given);
      case "latency": return latency(f, given);
      case "version": return version(f, given);
      case "lose-server": return loseServer(f, given);
      case "corrupt-object": return corruptObject(f, given);
      case "drop-creates": return dropCreates(f, given);
      case "drain":
      case "undrain": return drain(f, given, type.equals("drain"));
      default: return pause(f, given);
    }
  }

  private static ScenarioStep restart(Fields f, String given) {
    SimulatedService service = f.service();
    int backend = f.requiredInt("backend", 1);
    String name = given != null ? given : "restart " + service + " backend " + backend;
    return new ScenarioStep.Restart(name, service, backend,
        f.optionalMillis("outageMs", DEFAULT_OUTAGE_MS), f.optionalBoolean("drain", false),
        f.optionalMillis("drainMs", DEFAULT_DRAIN_MS), f.optionalText("version"));
  }

  private static ScenarioStep rollingRestart(Fields f, String given) {
    SimulatedService service = f.service();
    boolean drain = f.optionalBoolean("drain", false);
    String name = given != null ? given
        : (drain ? "drained rolling restart of " : "rolling restart of ") + service;
    return new ScenarioStep.RollingRestart(name, service, f.optionalBackendList("backends"),
        f.optionalMillis("outageMs", DEFAULT_OUTAGE_MS), f.optionalMillis("gapMs", DEFAULT_GAP_MS),
        drain, f.optionalMillis("drainMs", DEFAULT_DRAIN_MS), f.optionalText("version"));
  }

  private static ScenarioStep outage(Fields f, String given) {
    SimulatedService service = f.service();
    String mode = f.optionalChoice("mode", "unavailable", "unavailable", "refused");
    String name = given != null ? given : "outage of " + service
        + (mode.equals("refused") ? " (port closed)" : "");
    return new ScenarioStep.Outage(name, service, f.requiredMillis("durationMs"),
        mode.equals("refused"));
  }

  private static ScenarioStep latency(Fields f, String given) {
    SimulatedService service = f.service();
    double factor = f.requiredPositiveNumber("factor");
    String name = given != null ? given : "latency x" + formatFactor(factor) + " on " + service;
    return new ScenarioStep.Latency(name, service, factor, f.requiredMillis("durationMs"));
  }

  private static String formatFactor(double factor) {
    return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
  }

  private static ScenarioStep version(Fields f, String given) {
    SimulatedService service = f.service();
    String version = f.requiredText("version");
    OpenStackSimulator.checkVersion(service, version);
    int backend = f.has("backend") ? f.requiredInt("backend", 1) : 0;
    String name = given != null ? given : "set " + service + (backend == 0 ? "" : " backend "
        + backend) + " version to " + version;
    return new ScenarioStep.Version(name, service, backend, version);
  }

  private static ScenarioStep loseServer(Fields f, String given) {
    String fragment = f.optionalText("server");
    String name = given != null ? given
        : fragment == null ? "lose a server" : "lose server '" + fragment + "'";
    return new ScenarioStep.LoseServer(name, fragment, f.optionalInt("count", 1, 1));
  }

  private static ScenarioStep corruptObject(Fields f, String given) {
    String container = f.optionalText("container");
    String object = f.optionalText("object");
    String name = given != null ? given : "corrupt an object"
        + (container == null && object == null ? ""
            : " matching " + (container == null ? "*" : container) + "/"
                + (object == null ? "*" : object));
    return new ScenarioStep.CorruptObject(name, container, object, f.optionalInt("count", 1, 1));
  }

  private static ScenarioStep dropCreates(Fields f, String given) {
    if (f.has("service") && f.service() != SimulatedService.COMPUTE) {
      throw new Problem("drop-creates only applies to service 'compute'");
    }
    int percent = f.requiredInt("percent", 1);
    if (percent > 100) {
      throw new Problem("field 'percent' must be 1..100, got " + percent);
    }
    String mode = f.optionalChoice("mode", "never-created", "never-created", "deleted-later");
    String name = given != null ? given : "drop " + percent + "% of compute creates";
    return new ScenarioStep.DropCreates(name, percent, f.requiredMillis("durationMs"),
        mode.equals("deleted-later"), f.optionalMillis("deleteAfterMs", 1000));
  }

  private static ScenarioStep drain(Fields f, String given, boolean drained) {
    SimulatedService service = f.service();
    int backend = f.requiredInt("backend", 1);
    String name = given != null ? given
        : (drained ? "drain " : "undrain ") + service + " backend " + backend;
    return new ScenarioStep.Drain(name, service, backend, drained);
  }

  private static ScenarioStep pause(Fields f, String given) {
    long ms = f.has("ms") ? f.requiredMillis("ms") : f.requiredMillis("durationMs");
    return new ScenarioStep.Pause(given != null ? given : "pause " + ms + " ms", ms);
  }

  private ScenarioException fail(int step, String name, String problem) {
    return fail(step, name, problem, null);
  }

  private ScenarioException fail(int step, String name, String problem, Throwable cause) {
    return new ScenarioException(source, step, name, problem, cause);
  }

  /** Typed, checked access to one step's fields. */
  private static final class Fields {
    private final JsonNode node;

    Fields(JsonNode node) {
      this.node = node;
    }

    boolean has(String field) {
      return node.has(field) && !node.get(field).isNull();
    }

    void rejectUnknown(Set<String> allowed) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!field.equals("type") && !field.equals("name") && !allowed.contains(field)) {
          throw new Problem("unknown field '" + field + "'; this step type allows "
              + new TreeSet<>(allowed) + " plus 'type' and 'name'");
        }
      }
    }

    String requiredText(String field) {
      if (!has(field)) {
        throw new Problem("field '" + field + "' is required");
      }
      JsonNode value = node.get(field);
      if (!value.isValueNode() || value.asText().isBlank()) {
        throw new Problem("field '" + field + "' must be a non-empty text, got " + value);
      }
      return value.asText().trim();
    }

    String optionalText(String field) {
      return has(field) ? requiredText(field) : null;
    }

    SimulatedService service() {
      return SimulatedService.fromName(requiredText("service"));
    }

    String optionalChoice(String field, String absent, String... allowed) {
      if (!has(field)) {
        return absent;
      }
      String value = requiredText(field).toLowerCase(Locale.ROOT);
      if (!List.of(allowed).contains(value)) {
        throw new Problem("field '" + field + "' must be one of " + List.of(allowed) + ", got '"
            + value + "'");
      }
      return value;
    }

    int requiredInt(String field, int min) {
      if (!has(field)) {
        throw new Problem("field '" + field + "' is required");
      }
      JsonNode value = node.get(field);
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min) {
        throw new Problem("field '" + field + "' must be a whole number >= " + min + ", got "
            + value);
      }
      return value.asInt();
    }

    int optionalInt(String field, int absent, int min) {
      return has(field) ? requiredInt(field, min) : absent;
    }

    long requiredMillis(String field) {
      if (!has(field)) {
        throw new Problem("field '" + field + "' is required");
      }
      JsonNode value = node.get(field);
      if (!value.isIntegralNumber() || value.asLong() < 0 || !value.canConvertToLong()) {
        throw new Problem("field '" + field + "' must be a whole number of milliseconds >= 0, got "
            + value);
      }
      return value.asLong();
    }

    long optionalMillis(String field, long absent) {
      return has(field) ? requiredMillis(field) : absent;
    }

    double requiredPositiveNumber(String field) {
      if (!has(field)) {
        throw new Problem("field '" + field + "' is required");
      }
      JsonNode value = node.get(field);
      if (!value.isNumber() || !(value.asDouble() > 0) || Double.isInfinite(value.asDouble())) {
        throw new Problem("field '" + field + "' must be a number > 0, got " + value);
      }
      return value.asDouble();
    }

    boolean optionalBoolean(String field, boolean absent) {
      if (!has(field)) {
        return absent;
      }
      JsonNode value = node.get(field);
      if (!value.isBoolean()) {
        throw new Problem("field '" + field + "' must be true or false, got " + value);
      }
      return value.asBoolean();
    }

    List<Integer> optionalBackendList(String field) {
      if (!has(field)) {
        return List.of();
      }
      JsonNode value = node.get(field);
      List<Integer> list = new ArrayList<>();
      if (!value.isArray() || value.isEmpty()) {
        throw new Problem("field '" + field + "' must be a non-empty list of backend numbers");
      }
      for (JsonNode item : value) {
        if (!item.canConvertToInt() || !item.isIntegralNumber() || item.asInt() < 1) {
          throw new Problem("field '" + field + "' must list whole numbers >= 1, got " + item);
        }
        list.add(item.asInt());
      }
      return List.copyOf(list);
    }
  }
}
