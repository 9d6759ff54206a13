package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain java.net.http calls against the simulator, the way the probes talk to a cloud. */
final class RawHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private RawHttp() {
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder);
  }

  static HttpResponse<String> post(String url, String body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder);
  }

  static HttpResponse<String> method(String method, String url, String body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** A project-scoped token for the simulator's member user. */
  static String token(OpenStackSimulator cloud) {
    SimulatorCredentials user = cloud.credentials();
    return token(cloud, user.username(), user.password(), user.projectName());
  }

  static String token(OpenStackSimulator cloud, String user, String password, String project) {
    HttpResponse<String> response = post(cloud.authUrl() + "/auth/tokens", passwordAuth(user,
        password, project));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("auth failed: " + response.statusCode() + " "
          + response.body());
    }
    return response.headers().firstValue("X-Subject-Token").orElseThrow();
  }

  static String passwordAuth(String user, String password, String project) {
    return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{"
        + "\"name\":\"" + user + "\",\"domain\":{\"name\":\"Default\"},\"password\":\""
        + password + "\"}}},\"scope\":{\"project\":{\"name\":\"" + project
        + "\",\"domain\":{\"name\":\"Default\"}}}}}";
  }
}
