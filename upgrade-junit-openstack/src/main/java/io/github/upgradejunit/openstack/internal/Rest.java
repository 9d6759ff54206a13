package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plain {@code java.net.http} calls with the shared token, for what openstack4j cannot do (Nova
 * microversions, application credentials, token validation, version discovery): one
 * keep-alive client, explicit timeouts, and one renewal and retry after a 401. Thread-safe.
 */
public final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();

  private final CloudSession session;
  private final HttpClient client;
  private final Duration readTimeout;
  private final Duration connectTimeout;

  public Rest(CloudSession session, Tls tls, Timeouts timeouts) {
    this.session = session;
    this.client = HttpClient.newBuilder().sslContext(tls.context()).connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.readTimeout = timeouts.read();
    this.connectTimeout = timeouts.connect();
  }

  /** An answer: status, headers and body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** A header, case-insensitively. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst();
    }

    public JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The message an OpenStack error body carries (Nova, Keystone JSON; Swift text), shortened. */
    public String apiMessage() {
      try {
        JsonNode root = json();
        if (root != null && root.isObject() && root.size() == 1) {
          JsonNode inner = root.elements().next();
          if (inner.hasNonNull("message")) {
            return inner.get("message").asText();
          }
        }
      } catch (IOException | RuntimeException e) {
        // not JSON: Swift answers errors in text or HTML
      }
      String text = text().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
      return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
  }

  /**
   * A call to a service from the catalog, e.g. {@code call("compute", "GET", "/servers/1", Map.of(), null)}.
   * A 401 renews the shared token once and retries.
   *
   * @throws io.github.upgradejunit.openstack.OpenStackException when no answer came, or the catalog
   *     has no such service
   */
  public Response call(String service, String method, String path, Map<String, String> headers, byte[] body) {
    AuthState state = session.state();
    String base = state.catalog().require(service);
    Response response = send(service, method, URI.create(base + path), headers, body, state.tokenId());
    if (response.status() == 401) {
      AuthState renewed = session.renewAfterRejection(state);
      response = send(service, method, URI.create(renewed.catalog().require(service) + path), headers, body,
          renewed.tokenId());
    }
    return response;
  }

  /** A JSON call; {@code body} is serialised with Jackson. */
  public Response callJson(String service, String method, String path, Map<String, String> headers, Object body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    all.putIfAbsent("Accept", "application/json");
    try {
      return call(service, method, path, all, body == null ? null : JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise a request body", e);
    }
  }

  /** A call to an absolute URL, with the token or without ({@code tokenId} null). */
  public Response send(String service, String method, URI url, Map<String, String> headers, byte[] body,
      String tokenId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (tokenId != null) {
      request.header("X-Auth-Token", tokenId);
    }
    java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> call = null;
    try {
      // HttpRequest.timeout() ends at the headers: a body that stalls or drips would hold the
      // caller for ever. The read timeout bounds the whole answer here (after connecting).
      call = client.sendAsync(request.build(), BodyHandlers.ofByteArray());
      HttpResponse<byte[]> answer = call.get(connectTimeout.plus(readTimeout).toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
      Map<String, String> flat = new LinkedHashMap<>();
      answer.headers().map().forEach((k, v) -> flat.put(k, String.join(",", v)));
      return new Response(answer.statusCode(), flat, answer.body() == null ? new byte[0] : answer.body());
    } catch (java.util.concurrent.TimeoutException e) {
      call.cancel(true);
      throw Failures.of(service, method + " " + url.getPath(), new java.net.http.HttpTimeoutException(
          "no complete answer within " + readTimeout.toMillis() + " ms"));
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw Failures.of(service, method + " " + url.getPath(), cause instanceof IOException io ? io
          : new IOException(cause.getMessage(), cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (call != null) {
        call.cancel(true);
      }
      throw Failures.of(service, method + " " + url.getPath(), e);
    }
  }

  /** The answer if it is a success, else an exception naming the call and Nova's/Swift's message. */
  static Response expectOk(String service, String call, Response response) {
    if (!response.ok()) {
      throw Failures.answered(service, call, response.status(), response.apiMessage());
    }
    return response;
  }
}
