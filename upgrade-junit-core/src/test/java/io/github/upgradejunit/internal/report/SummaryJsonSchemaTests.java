package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.internal.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary.json} against its documentation: the field table of docs/report.md lists exactly
 * the fields a report of a rich synthetic run has, every field has the documented type, and every
 * field not documented as absent is present in every object it belongs to.
 */
class SummaryJsonSchemaTests {

  private static final Set<String> PHASES = Set.of("before", "during", "after");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]+)\\|.*\\|\\s*$");

  /** A documented field: the types it may have, and whether it may be absent. */
  record Spec(Set<String> types, boolean mayBeAbsent) {
  }

  @TempDir
  static Path directory;
  static JsonNode summary;
  static Map<String, Spec> documented;

  @BeforeAll
  static void writeReportAndReadDocs() throws Exception {
    String url = ReportFixtures.storeUrl(directory);
    try (Store store = Store.open(url)) {
      SyntheticRun run = SyntheticRun.realistic("20261125T102400-ab12", ReportFixtures.CURRENT_START)
          .withWindow(Duration.ofMinutes(3)).withGap("identity", 40_000, 5_000)
          .withRunner("ci-runner-2", "identity", 90_000, 3_000).writeTo(store, url);
      RunReporter.write(store, run.runId, directory.resolve("report"), ReportFixtures.expecting("zero-downtime"));
    }
    summary = SummaryJson.JSON.readTree(directory.resolve("report").resolve("summary.json").toFile());
    documented = fieldTable(docs().resolve("report.md"));
  }

  @Test
  void theDocumentListsExactlyTheFieldsTheJsonHas() {
    Set<String> actual = new TreeSet<>();
    collectPaths(summary, "", actual);
    assertThat(documented).as("the field table of docs/report.md").isNotEmpty();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(documented.keySet());
  }

  @Test
  void everyFieldHasItsDocumentedType() {
    List<String> wrong = new ArrayList<>();
    checkTypes(summary, "", wrong);
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyFieldNotDocumentedAsAbsentIsPresentInEveryObjectItBelongsTo() {
    List<String> missing = new ArrayList<>();
    checkPresence(summary, "", missing);
    assertThat(missing).isEmpty();
  }

  @Test
  void theSchemaVersionIsTheOneTheCodeWrites() {
    assertThat(summary.get("schemaVersion").asInt()).isEqualTo(SummaryJson.SCHEMA_VERSION);
  }

  // ---- the JSON's paths, normalized as the document writes them ---------------------------------

  private static String child(String prefix, String field) {
    if (prefix.equals("services")) {
      return "services.<service>";
    }
    if (prefix.endsWith(".availability") || prefix.endsWith(".latency")) {
      assertThat(PHASES).as("a phase key under " + prefix).contains(field);
      return prefix + ".<phase>";
    }
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  /** Every path; an array's element is a path of its own only when it is not an object. */
  private static void collectPaths(JsonNode node, String path, Set<String> paths) {
    if (!path.isEmpty() && !(path.endsWith("[]") && node.isObject())) {
      paths.add(path);
    }
    if (node.isObject()) {
      node.properties().forEach(e -> collectPaths(e.getValue(), child(path, e.getKey()), paths));
    } else if (node.isArray()) {
      node.forEach(element -> collectPaths(element, path + "[]", paths));
    }
  }

  private static void checkTypes(JsonNode node, String path, List<String> wrong) {
    if (!path.isEmpty() && documented.containsKey(path) && !documented.get(path).types().contains(type(node))) {
      wrong.add(path + " is " + type(node) + ", documented as " + documented.get(path).types());
    }
    if (node.isObject()) {
      node.properties().forEach(e -> checkTypes(e.getValue(), child(path, e.getKey()), wrong));
    } else if (node.isArray()) {
      node.forEach(element -> checkTypes(element, path + "[]", wrong));
    }
  }

  private static void checkPresence(JsonNode node, String path, List<String> missing) {
    if (node.isObject()) {
      for (Map.Entry<String, Spec> field : documented.entrySet()) {
        String name = directChild(path, field.getKey());
        if (name != null && !name.startsWith("<") && !field.getValue().mayBeAbsent() && !node.has(name)) {
          missing.add(field.getKey() + " (in " + (path.isEmpty() ? "the root" : path) + ")");
        }
      }
      if (path.endsWith(".availability") || path.endsWith(".latency")) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(path + " has every phase").isEqualTo(new TreeSet<>(PHASES));
      }
      node.properties().forEach(e -> checkPresence(e.getValue(), child(path, e.getKey()), missing));
    } else if (node.isArray()) {
      node.forEach(element -> checkPresence(element, path + "[]", missing));
    }
  }

  /** The field name when {@code documentedPath} is a direct child of {@code parent}, else null. */
  private static String directChild(String parent, String documentedPath) {
    String prefix = parent.isEmpty() ? "" : parent + ".";
    if (!documentedPath.startsWith(prefix)) {
      return null;
    }
    String rest = documentedPath.substring(prefix.length());
    return rest.contains(".") || rest.endsWith("[]") || rest.isEmpty() ? null : rest;
  }

  private static String type(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isArray() ? "array" : "object";
  }

  // ---- the document --------------------------------------------------------------------------------

  static Path docs() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs").resolve("report.md"))) {
        return dir.resolve("docs");
      }
    }
    throw new IllegalStateException("docs/report.md not found above " + Paths.get("").toAbsolutePath());
  }

  /**
   * The rows between the {@code summary-fields} markers: {@code | `path` | type[ or type][, absent ...] | meaning |}.
   * An integer is also a number, so a field documented as {@code number} accepts integers.
   */
  static Map<String, Spec> fieldTable(Path document) throws IOException {
    Map<String, Spec> fields = new LinkedHashMap<>();
    boolean inside = false;
    for (String line : Files.readAllLines(document)) {
      if (line.contains("summary-fields:start")) {
        inside = true;
      } else if (line.contains("summary-fields:end")) {
        inside = false;
      } else if (inside) {
        Matcher row = ROW.matcher(line);
        if (row.matches()) {
          String[] parts = row.group(2).trim().split(",", 2);
          Set<String> types = new TreeSet<>(List.of(parts[0].trim().split("\\s+or\\s+")));
          if (types.contains("number")) {
            types.add("integer");
          }
          boolean absent = parts.length > 1 && parts[1].contains("absent");
          assertThat(fields.put(row.group(1), new Spec(types, absent))).as("documented twice: " + row.group(1))
              .isNull();
        }
      }
    }
    return fields;
  }

  @Test
  void theDocumentedTypesAreJsonTypes() {
    Set<String> known = Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    documented.forEach((path, spec) -> assertThat(known).as(path).containsAll(spec.types()));
    Iterator<String> paths = documented.keySet().iterator();
    assertThat(paths.next()).isEqualTo("schemaVersion");
  }
}
