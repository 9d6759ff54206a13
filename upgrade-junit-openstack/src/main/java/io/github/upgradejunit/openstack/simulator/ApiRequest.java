package io.github.upgradejunit.openstack.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the API handlers see it: method, decoded path segments, query, headers and the whole
 * body, plus which backend (and so which version) the load balancer routed it to.
 */
final class ApiRequest {

  /** Larger bodies are refused with 413, so a runaway client cannot exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final String method;
  private final String rawPath;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final int backend;
  private final String version;
  private final String baseUrl;

  private ApiRequest(String method, String rawPath, Map<String, String> query,
      Map<String, String> headers, byte[] body, int backend, String version, String baseUrl) {
    this.method = method;
    this.rawPath = rawPath;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.backend = backend;
    this.version = version;
    this.baseUrl = baseUrl;
  }

  /** Reads the whole request, including its body; fails with 413 when the body is too large. */
  static ApiRequest read(HttpExchange exchange, int backend, String version, String baseUrl)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    String rawPath = exchange.getRequestURI().getRawPath();
    return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
        parseQuery(exchange.getRequestURI().getRawQuery()), headers,
        readBody(exchange.getRequestBody()), backend, version, baseUrl);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw Errors.swiftError(413, "Request Entity Too Large",
          "The body of your request was too large for this server.");
    }
    return body;
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
      query.putIfAbsent(key, value);
    }
    return query;
  }

  /** Decodes a path segment: {@code %XX} escapes only, a {@code +} stays a plus. */
  static String decode(String raw) {
    return decodeQuery(raw.replace("+", "%2B"));
  }

  /** Decodes a form-encoded query part, where {@code +} is a space. */
  private static String decodeQuery(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  String method() {
    return method;
  }

  boolean isHead() {
    return "HEAD".equals(method);
  }

  String rawPath() {
    return rawPath;
  }

  /** The decoded, non-empty path segments. */
  List<String> segments() {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(decode(raw));
      }
    }
    return Collections.unmodifiableList(segments);
  }

  /**
   * The path split into at most {@code limit} decoded parts after the leading slash; the last part
   * keeps its inner slashes (a Swift object name may contain them).
   */
  List<String> pathParts(int limit) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    List<String> parts = new ArrayList<>();
    for (String raw : path.split("/", limit)) {
      parts.add(decode(raw));
    }
    while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  String query(String name) {
    return query.get(name);
  }

  boolean hasQuery(String name) {
    return query.containsKey(name);
  }

  /** A header value by case-insensitive name, or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** All headers, names lower-cased. */
  Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  byte[] body() {
    return body;
  }

  /** 1-based number of the backend that serves this request (0 for control requests). */
  int backend() {
    return backend;
  }

  /** The version the serving backend runs (Nova: its maximum microversion). */
  String version() {
    return version;
  }

  /** {@code http://127.0.0.1:port} of the service's load balancer, for links in bodies. */
  String baseUrl() {
    return baseUrl;
  }
}
