package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.OpenStackException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keystone operations, over plain HTTP because openstack4j 3.12 has no application credentials at
 * all and re-authenticates behind the caller's back: issuing and validating tokens, and the
 * application credentials a project member may own. Thread-safe.
 */
final class Identity {

  static final String SERVICE = Catalog.IDENTITY;

  private final CloudSession session;
  private final Rest rest;
  private final byte[] passwordAuth;

  Identity(CloudSession session, Rest rest) {
    this.session = session;
    this.rest = rest;
    this.passwordAuth = Probes.passwordAuthBody(session.cloud());
  }

  /** An application credential as Keystone shows it (never with its secret). */
  record AppCredential(String id, String name, Map<String, String> details) {
  }

  /** Issue a token with the configured password; returns its expiry. */
  Instant issueToken() {
    Rest.Response response = rest.send(SERVICE, "POST", URI.create(v3() + "/auth/tokens?nocatalog"),
        Map.of("Content-Type", "application/json", "Accept", "application/json"), passwordAuth, null);
    Rest.expectOk(SERVICE, "POST /v3/auth/tokens", response);
    try {
      return Instant.parse(response.json().path("token").path("expires_at").asText());
    } catch (IOException | RuntimeException e) {
      throw new OpenStackException(SERVICE, response.status(), "Keystone: the token it issued has no readable "
          + "expires_at", e);
    }
  }

  /** Whether Keystone accepts the shared token: true on 200, false on 401/404. */
  boolean validateToken() {
    AuthState state = session.state();
    Rest.Response response = rest.send(SERVICE, "GET", URI.create(v3() + "/auth/tokens?nocatalog"),
        Map.of("X-Subject-Token", state.tokenId(), "Accept", "application/json"), null, state.tokenId());
    if (response.status() == 401 || response.status() == 404) {
      return false;
    }
    Rest.expectOk(SERVICE, "GET /v3/auth/tokens", response);
    return true;
  }

  // ---- application credentials -----------------------------------------------------------------

  /** Create a restricted application credential with a derived secret. */
  AppCredential createAppCredential(String name, String description) {
    ObjectNode credential = Rest.JSON.createObjectNode().put("name", name).put("secret", secretOf(name))
        .put("description", description).put("unrestricted", false);
    Rest.Response response = rest.callJson(SERVICE, "POST", credentialsPath(""),
        Map.of(), Map.of("application_credential", credential));
    Rest.expectOk(SERVICE, "creating application credential " + name, response);
    return parse(response, name);
  }

  /** The credential, or empty when Keystone answers 404. */
  Optional<AppCredential> findAppCredential(String id) {
    Rest.Response response = rest.call(SERVICE, "GET", credentialsPath("/" + id), Map.of("Accept",
        "application/json"), null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    Rest.expectOk(SERVICE, "GET application credential " + id, response);
    return Optional.of(parse(response, id));
  }

  /** The user's application credentials. */
  List<AppCredential> listAppCredentials() {
    Rest.Response response = rest.call(SERVICE, "GET", credentialsPath(""), Map.of("Accept", "application/json"),
        null);
    Rest.expectOk(SERVICE, "GET application credentials", response);
    try {
      JsonNode list = response.json().path("application_credentials");
      return StreamSupport.stream(list.spliterator(), false).map(Identity::parse).toList();
    } catch (IOException e) {
      throw new OpenStackException(SERVICE, response.status(), "Keystone: the credential list is not JSON", e);
    }
  }

  /** Delete; already gone is fine. */
  void deleteAppCredential(String id) {
    Rest.Response response = rest.call(SERVICE, "DELETE", credentialsPath("/" + id), Map.of(), null);
    if (response.status() != 404) {
      Rest.expectOk(SERVICE, "DELETE application credential " + id, response);
    }
  }

  /** Whether Keystone issues a token for the credential: 201 yes; 401 or 404 no. */
  boolean authenticates(String id, String name) {
    ObjectNode root = Rest.JSON.createObjectNode();
    ObjectNode identity = root.putObject("auth").putObject("identity");
    identity.putArray("methods").add("application_credential");
    identity.putObject("application_credential").put("id", id).put("secret", secretOf(name));
    Rest.Response response;
    try {
      response = rest.send(SERVICE, "POST", URI.create(v3() + "/auth/tokens?nocatalog"),
          Map.of("Content-Type", "application/json"), Rest.JSON.writeValueAsBytes(root), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (response.status() == 401 || response.status() == 404) {
      return false;
    }
    Rest.expectOk(SERVICE, "POST /v3/auth/tokens (application credential " + name + ")", response);
    return true;
  }

  /**
   * The secret of a credential, derived (HMAC-SHA256) from the configured password and the
   * credential's run-prefixed name: every JVM of the run can compute it, and none has to store it.
   */
  String secretOf(String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(session.cloud().password().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("upgrade-junit application credential " + name).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private String credentialsPath(String rest) {
    return "/users/" + session.state().userId() + "/application_credentials" + rest;
  }

  private String v3() {
    return session.state().catalog().url(SERVICE).map(CloudConfig::v3Url).orElse(session.cloud().authUrl());
  }

  private static AppCredential parse(Rest.Response response, String what) {
    try {
      return parse(response.json().path("application_credential"));
    } catch (IOException e) {
      throw new OpenStackException(SERVICE, response.status(), "Keystone: the answer about " + what
          + " is not JSON", e);
    }
  }

  private static AppCredential parse(JsonNode node) {
    Map<String, String> details = new TreeMap<>();
    details.put("name", node.path("name").asText());
    details.put("project_id", node.path("project_id").asText());
    details.put("description", text(node, "description", ""));
    details.put("expires_at", text(node, "expires_at", "never"));
    details.put("unrestricted", text(node, "unrestricted", "false"));
    details.put("roles", StreamSupport.stream(node.path("roles").spliterator(), false)
        .map(r -> r.path("name").asText()).sorted().toList().toString());
    return new AppCredential(node.path("id").asText(), node.path("name").asText(), details);
  }

  private static String text(JsonNode node, String field, String absent) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? absent : value.asText();
  }
}
