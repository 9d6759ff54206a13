package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A Keystone in front of the simulator's that edits the catalog of every token it issues: it drops
 * services, or points one at another URL (a hanging socket, a stub). Everything else is forwarded.
 * The simulator cannot do this itself, and a catalog without a service is what clouds have.
 */
final class CatalogProxy implements AutoCloseable {

  private final HttpServer server;
  private final String target;
  private final Set<String> dropped;
  private final Map<String, String> replaced;
  private final HttpClient client = HttpClient.newHttpClient();

  CatalogProxy(String targetAuthUrl, Set<String> dropped, Map<String, String> replaced) throws IOException {
    this.target = targetAuthUrl.substring(0, targetAuthUrl.indexOf("/v3"));
    this.dropped = dropped;
    this.replaced = replaced;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  String authUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(
              exchange.getRequestBody().readAllBytes()));
      exchange.getRequestHeaders().forEach((k, v) -> {
        if (!Set.of("host", "content-length", "connection").contains(k.toLowerCase())) {
          v.forEach(value -> request.header(k, value));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = edit(response.body());
      response.headers().map().forEach((k, v) -> {
        if (!Set.of("content-length", "transfer-encoding", ":status").contains(k.toLowerCase())) {
          exchange.getResponseHeaders().put(k, v);
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] edit(byte[] body) throws IOException {
    if (body.length == 0) {
      return body;
    }
    JsonNode root;
    try {
      root = Rest.JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    JsonNode catalog = root == null ? null : root.path("token").path("catalog");
    if (!(catalog instanceof ArrayNode services)) {
      return body;
    }
    for (Iterator<JsonNode> it = services.iterator(); it.hasNext(); ) {
      JsonNode service = it.next();
      String type = service.path("type").asText();
      if (dropped.contains(type)) {
        it.remove();
      } else if (replaced.containsKey(type)) {
        service.path("endpoints").forEach(e -> ((ObjectNode) e).put("url", replaced.get(type)));
      }
    }
    return Rest.JSON.writeValueAsBytes(root);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
