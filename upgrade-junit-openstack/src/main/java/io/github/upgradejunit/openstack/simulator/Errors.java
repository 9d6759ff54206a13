package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The error bodies of the real services, so clients parse our faults as they parse theirs. */
final class Errors {

  private Errors() {
  }

  /** Keystone (and keystonemiddleware in front of Nova): {@code {"error": {code, message, title}}}. */
  static ObjectNode keystone(int code, String title, String message) {
    ObjectNode error = Json.object();
    error.putObject("error").put("code", code).put("message", message).put("title", title);
    return error;
  }

  static ApiException keystoneError(int code, String title, String message) {
    return ApiResponse.json(code, keystone(code, title, message)).asException();
  }

  /** Nova: the fault name depends on the status, e.g. {@code {"itemNotFound": {code, message}}}. */
  static ObjectNode nova(int code, String message) {
    ObjectNode error = Json.object();
    error.putObject(novaFaultName(code)).put("code", code).put("message", message);
    return error;
  }

  static ApiException novaError(int code, String message) {
    return ApiResponse.json(code, nova(code, message)).asException();
  }

  private static String novaFaultName(int code) {
    switch (code) {
      case 400: return "badRequest";
      case 401: return "unauthorized";
      case 403: return "forbidden";
      case 404: return "itemNotFound";
      case 405: return "badMethod";
      case 409: return "conflictingRequest";
      case 413:
      case 429: return "overLimit";
      case 415: return "badMediaType";
      case 501: return "notImplemented";
      case 503: return "serviceUnavailable";
      default: return "computeFault";
    }
  }

  /** Swift answers errors with a tiny HTML page, e.g. {@code <html><h1>Not Found</h1>...}. */
  static ApiResponse swift(int code, String title, String message) {
    return ApiResponse.text(code, ApiResponse.HTML,
        "<html><h1>" + title + "</h1><p>" + message + "</p></html>");
  }

  static ApiException swiftError(int code, String title, String message) {
    return swift(code, title, message).asException();
  }

  /** keystonemiddleware's answer to a missing or invalid token, JSON flavour (Keystone, Nova). */
  static ApiException unauthorizedJson(String identityUri) {
    return ApiResponse.json(401, keystone(401, "Unauthorized",
            "The request you have made requires authentication."))
        .header("WWW-Authenticate", "Keystone uri=\"" + identityUri + "\"")
        .asException();
  }
}
