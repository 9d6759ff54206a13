package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer, built before anything is written so that the load balancer can still replace
 * it (with a 502) when the backend that computed it was restarted meanwhile.
 */
final class ApiResponse {

  static final String JSON = "application/json";
  static final String HTML = "text/html; charset=UTF-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, Json.bytes(body));
  }

  static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static ApiResponse bytes(int status, String contentType, byte[] body) {
    return new ApiResponse(status, contentType, body);
  }

  /** No body; {@code contentType} is still sent because real services send one on 204 too. */
  static ApiResponse empty(int status, String contentType) {
    return new ApiResponse(status, contentType, new byte[0]);
  }

  /** Adds or replaces a header; returns this response for chaining. */
  ApiResponse header(String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
    return this;
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** Convenience for handlers that want to fail with this response. */
  ApiException asException() {
    return new ApiException(this);
  }
}
