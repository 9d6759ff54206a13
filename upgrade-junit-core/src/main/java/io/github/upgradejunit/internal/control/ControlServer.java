package io.github.upgradejunit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The inbound control endpoint: deployment tools {@code POST /v1/events} with a JSON body such as
 * {@code {"type": "step-started", "service": "nova", "host": "ctl1"}}; {@code GET /v1/status} says
 * which run is listening and whether the window is open. Bound to loopback by default; any other
 * address requires a shared token. A malformed request gets a 4xx with a reason and changes nothing.
 */
public final class ControlServer implements AutoCloseable {

  /** Where accepted events go. */
  public interface EventSink {
    /** The run this endpoint serves. */
    String runId();

    /** Record the event, or say why not. */
    Optional<String> record(String type, String service, String host, String step, String detail);
  }

  static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final EventSink sink;
  private final String token;
  private final Supplier<Map<String, Object>> status;

  private ControlServer(HttpServer server, ExecutorService executor, EventSink sink, String token,
      Supplier<Map<String, Object>> status) {
    this.server = server;
    this.executor = executor;
    this.sink = sink;
    this.token = token;
    this.status = status;
  }

  /**
   * Start the endpoint.
   *
   * @throws IllegalArgumentException when binding beyond loopback without a token
   * @throws IOException when the port is taken
   */
  public static ControlServer start(String bind, int port, String token, EventSink sink,
      Supplier<Map<String, Object>> status) throws IOException {
    InetAddress address = InetAddress.getByName(bind);
    if (!address.isLoopbackAddress() && (token == null || token.isBlank())) {
      throw new IllegalArgumentException("upgrade.control.bind=" + bind + " is not a loopback address: set "
          + "upgrade.control.token so that only your deployment tool can send events");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 64);
    } catch (java.net.BindException e) {
      throw new IOException("upgrade.control.port " + port + " on " + bind + " is already in use; choose another "
          + "port, or 0 for any free one", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "upgrade-junit-control");
      t.setDaemon(true);
      return t;
    });
    ControlServer control = new ControlServer(server, executor, sink, token, status);
    server.createContext("/", control::handle);
    server.setExecutor(executor);
    server.start();
    return control;
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:7878}; events go to {@code /v1/events} below it. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** The events URL, for messages and docs. */
  public String eventsUrl() {
    return baseUrl() + "/v1/events";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange)) {
        reply(exchange, 401, error("missing or wrong 'Authorization: Bearer <upgrade.control.token>'"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/v1/events") && method.equals("POST")) {
        postEvent(exchange);
      } else if (path.equals("/v1/status") && method.equals("GET")) {
        ObjectNode body = JSON.valueToTree(status.get());
        reply(exchange, 200, body);
      } else if (path.equals("/v1/events") || path.equals("/v1/status")) {
        reply(exchange, 405, error("method " + method + " not allowed on " + path));
      } else {
        reply(exchange, 404, error("no such endpoint " + path + "; use POST /v1/events or GET /v1/status"));
      }
    } catch (RuntimeException e) {
      // never let a bad request take the endpoint down
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (token == null || token.isBlank()) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  private void postEvent(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        reply(exchange, 413, error("body larger than " + MAX_BODY + " bytes"));
        return;
      }
      body = JSON.readTree(bytes);
    } catch (IOException e) {
      reply(exchange, 400, error("the body is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
      return;
    }
    if (body == null || !body.isObject()) {
      reply(exchange, 400, error("the body must be a JSON object like {\"type\": \"upgrade-started\"}"));
      return;
    }
    String run = text(body, "run");
    if (run != null && !run.equals(sink.runId())) {
      reply(exchange, 404, error("unknown run '" + run + "'; this endpoint serves run " + sink.runId()));
      return;
    }
    String type = text(body, "type");
    if (type == null || !EventRules.TYPES.contains(type)) {
      reply(exchange, 400, error(EventRules.problem(java.util.List.of(), type, null, null, null).orElse("bad type")));
      return;
    }
    Optional<String> problem = sink.record(type, text(body, "service"), text(body, "host"), text(body, "step"),
        text(body, "detail"));
    if (problem.isPresent()) {
      reply(exchange, 409, error(problem.get()));
      return;
    }
    ObjectNode ok = JSON.createObjectNode().put("recorded", type).put("run", sink.runId());
    reply(exchange, 202, ok);
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asText();
    return value.length() > 500 ? value.substring(0, 500) : value;
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
