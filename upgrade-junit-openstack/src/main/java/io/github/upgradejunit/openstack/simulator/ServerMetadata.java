package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's {@code /servers/{id}/metadata[/{key}]}: POST merges, PUT replaces, and single items are
 * read, set and deleted as {@code {"meta": {key: value}}}.
 */
final class ServerMetadata {

  private static final int MAX_ITEMS = 128;

  private ServerMetadata() {
  }

  static ApiResponse handle(ApiRequest request, List<String> path, ComputeStore store,
      Server server) {
    if (path.size() == 3) {
      return collection(request, store, server);
    }
    if (path.size() == 4) {
      return item(request, store, server, path.get(3));
    }
    throw ComputeApi.notFound("The resource could not be found.");
  }

  private static ApiResponse collection(ApiRequest request, ComputeStore store, Server server) {
    switch (request.method()) {
      case "GET":
      case "HEAD":
        return metadataResponse(store.modify(server, s -> new LinkedHashMap<>(s.metadata)));
      case "POST":
        Map<String, String> added = parse(request, "metadata");
        return metadataResponse(store.modify(server, s -> {
          Map<String, String> merged = new LinkedHashMap<>(s.metadata);
          merged.putAll(added);
          checkCount(merged);
          s.metadata = merged;
          return new LinkedHashMap<>(merged);
        }));
      case "PUT":
        Map<String, String> replacement = parse(request, "metadata");
        checkCount(replacement);
        return metadataResponse(store.modify(server, s -> {
          s.metadata = new LinkedHashMap<>(replacement);
          return new LinkedHashMap<>(replacement);
        }));
      default:
        throw ComputeApi.methodNotAllowed();
    }
  }

  private static ApiResponse item(ApiRequest request, ComputeStore store, Server server,
      String key) {
    switch (request.method()) {
      case "GET":
      case "HEAD":
        String value = store.modify(server, s -> s.metadata.get(key));
        if (value == null) {
          throw ComputeApi.notFound("Metadata item was not found");
        }
        return metaResponse(key, value);
      case "PUT":
        Map<String, String> meta = parse(request, "meta");
        if (meta.size() != 1 || !meta.containsKey(key)) {
          throw Errors.novaError(400, "Request body and URI mismatch");
        }
        store.modify(server, s -> {
          Map<String, String> changed = new LinkedHashMap<>(s.metadata);
          changed.put(key, meta.get(key));
          checkCount(changed);
          s.metadata = changed;
          return null;
        });
        return metaResponse(key, meta.get(key));
      case "DELETE":
        Boolean removed = store.modify(server, s -> s.metadata.remove(key) != null);
        if (!removed) {
          throw ComputeApi.notFound("Metadata item was not found");
        }
        return ApiResponse.empty(204, ApiResponse.JSON);
      default:
        throw ComputeApi.methodNotAllowed();
    }
  }

  private static Map<String, String> parse(ApiRequest request, String key) {
    JsonNode body = Json.parseOrNull(request.body());
    JsonNode node = body == null ? null : body.get(key);
    if (node == null || !node.isObject()) {
      throw ComputeApi.invalidInput(key, "'" + key + "' is a required property");
    }
    Map<String, String> values = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual() || e.getKey().isEmpty() || e.getKey().length() > 255
          || e.getValue().asText().length() > 255) {
        throw ComputeApi.invalidInput(key, "Value: " + e.getValue()
            + ". must be a string of at most 255 characters with a key of 1 to 255");
      }
      values.put(e.getKey(), e.getValue().asText());
    });
    return values;
  }

  private static void checkCount(Map<String, String> metadata) {
    if (metadata.size() > MAX_ITEMS) {
      throw Errors.novaError(403, "Quota exceeded for metadata_items: Requested "
          + metadata.size() + ", but already used 0 of " + MAX_ITEMS + " metadata_items");
    }
  }

  private static ApiResponse metadataResponse(Map<String, String> metadata) {
    return ApiResponse.json(200, ComputeApi.wrap("metadata", Json.MAPPER.valueToTree(metadata)));
  }

  private static ApiResponse metaResponse(String key, String value) {
    return ApiResponse.json(200, ComputeApi.wrap("meta", Json.object().put(key, value)));
  }
}
