package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.probe.HttpAnswer;
import io.github.upgradejunit.probe.HttpTransport;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One probe series: the same API request, sent either on a new TCP connection each time
 * ({@code fresh}) or through one shared keep-alive client ({@code keepalive}), so that an outage a
 * reused connection hides (or causes) shows as a difference between the two. Uses no openstack4j;
 * reads the token from the shared {@link CloudSession} on every call, records a 401 as it is and
 * then asks for a renewal. Thread-safe and stateless apart from immutable settings.
 */
final class ApiProbe implements Probe {

  /** How a request is sent. */
  enum Transport { FRESH, KEEPALIVE }

  /** The request of a series, built per call from the current authentication. */
  record Request(String method, URI url, Map<String, String> headers, byte[] body, boolean withToken) {
  }

  /** What makes an answer a success beyond its status: e.g. a token header, a JSON list. */
  @FunctionalInterface
  interface Check {
    /** Null when the answer is what the API promises, else what is wrong with it. */
    String problem(HttpAnswer answer);
  }

  private final String service;
  private final String series;
  private final Transport transport;
  private final CloudSession session;
  private final Function<AuthState, Request> request;
  private final Check check;
  private final HttpTransport http;

  ApiProbe(String service, String series, Transport transport, CloudSession session,
      Function<AuthState, Request> request, Check check, HttpTransport fresh, HttpTransport shared) {
    this.service = service;
    this.series = series;
    this.transport = transport;
    this.session = session;
    this.request = request;
    this.check = check;
    this.http = transport == Transport.FRESH ? fresh : shared;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String series() {
    return series;
  }

  Transport transport() {
    return transport;
  }

  @Override
  public ProbeResult call(Duration deadline) throws Exception {
    AuthState state = session.state();
    Request r = request.apply(state);
    Map<String, String> headers = new LinkedHashMap<>(r.headers());
    if (r.withToken()) {
      headers.put("X-Auth-Token", state.tokenId());
    }
    HttpAnswer answer = http.send(r.method(), r.url(), headers, r.body(), deadline);
    if (answer.status() == 401 && r.withToken()) {
      session.requestRenewal(state);
    }
    ProbeResult result = ProbeResult.ofStatus(answer.status());
    if (!result.isSuccess()) {
      return result;
    }
    String problem = check.problem(answer);
    return problem == null ? result : ProbeResult.failed(ErrorClass.BAD_BODY, problem);
  }

  // ---- checks ----------------------------------------------------------------------------------

  /** Any answer with a success status. */
  static Check anything() {
    return answer -> null;
  }

  /** The answer must carry this header (e.g. Keystone's {@code X-Subject-Token}). */
  static Check header(String name) {
    return answer -> answer.header(name) != null ? null : "the answer has no " + name + " header";
  }

  /** Both checks: the first problem found, if any. */
  static Check both(Check first, Check second) {
    return answer -> {
      String problem = first.problem(answer);
      return problem != null ? problem : second.problem(answer);
    };
  }

  /** The body must be a JSON object with an object under {@code field} (e.g. Keystone's token). */
  static Check jsonObject(String field) {
    return answer -> {
      try {
        JsonNode node = Rest.JSON.readTree(answer.body());
        return node != null && node.path(field).isObject() ? null
            : "the body is JSON but has no '" + field + "' object";
      } catch (IOException e) {
        return "the body is not JSON (" + kind(answer) + ")";
      }
    };
  }

  /** The body must be a JSON object with an array under {@code field} (e.g. Nova's servers). */
  static Check jsonArray(String field) {
    return answer -> {
      try {
        JsonNode node = Rest.JSON.readTree(answer.body());
        return node != null && node.path(field).isArray() ? null
            : "the body is JSON but has no '" + field + "' list";
      } catch (IOException e) {
        return "the body is not JSON (" + kind(answer) + ")";
      }
    };
  }

  private static String kind(HttpAnswer answer) {
    String type = answer.header("Content-Type");
    return type == null ? answer.body().length + " bytes" : type.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ApiProbe[" + series + "]";
  }
}
