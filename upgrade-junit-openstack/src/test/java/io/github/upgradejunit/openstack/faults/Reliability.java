package io.github.upgradejunit.openstack.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts the fault matrix produced, written to {@code target/reliability/<matrix>.json} after
 * every cell, so that {@code docs/reliability.md} quotes a real run: per cell the fault, the
 * component, what was observed, samples lost, resources leaked, secrets found.
 */
public final class Reliability {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Map<String, List<Map<String, Object>>> MATRICES = new LinkedHashMap<>();

  private Reliability() {
  }

  /** Record one cell (values in insertion order) and rewrite the matrix's file. */
  public static synchronized void cell(String matrix, String fault, String component, Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fault", fault);
    row.put("component", component);
    row.putAll(values);
    List<Map<String, Object>> rows = MATRICES.computeIfAbsent(matrix, m -> new ArrayList<>());
    rows.removeIf(r -> r.get("fault").equals(fault) && r.get("component").equals(component));
    rows.add(row);
    Path file = Path.of("target", "reliability", matrix + ".json");
    try {
      Files.createDirectories(file.getParent());
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("matrix", matrix);
      document.put("cells", rows);
      document.put("samplesLost", rows.stream().mapToLong(r -> number(r, "samplesLost")).sum());
      document.put("resourcesLeaked", rows.stream().mapToLong(r -> number(r, "resourcesLeaked")).sum());
      document.put("secretsFound", rows.stream().mapToLong(r -> number(r, "secretsFound")).sum());
      JSON.writeValue(file.toFile(), document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Map<String, Object> row, String key) {
    return row.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
