package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.simulator.IdentityStore.AppCredential;
import io.github.upgradejunit.openstack.simulator.IdentityStore.Project;
import io.github.upgradejunit.openstack.simulator.IdentityStore.Role;
import io.github.upgradejunit.openstack.simulator.IdentityStore.Token;
import io.github.upgradejunit.openstack.simulator.IdentityStore.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keystone v3: version discovery, tokens (password, token and application-credential methods),
 * a service catalog with identity, compute and object-store, application credentials, and the
 * admin-only service and endpoint lists. Everything else answers Keystone's 404.
 */
final class IdentityApi implements ApiHandler {

  private static final String VERSION_UPDATED = "2020-04-07T00:00:00Z";
  private static final List<String> INTERFACES = List.of("public", "internal", "admin");
  private static final Map<SimulatedService, String> SERVICE_IDS = Map.of(
      SimulatedService.IDENTITY, IdentityStore.randomId(),
      SimulatedService.COMPUTE, IdentityStore.randomId(),
      SimulatedService.OBJECT_STORE, IdentityStore.randomId());

  private final IdentityStore store;
  private final Endpoints endpoints;
  private final String region;

  IdentityApi(IdentityStore store, Endpoints endpoints, String region) {
    this.store = store;
    this.endpoints = endpoints;
    this.region = region;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    List<String> path = request.segments();
    ApiResponse response = route(request, path);
    return response.header("Vary", "X-Auth-Token")
        .header("X-Openstack-Request-Id", "req-" + UUID.randomUUID());
  }

  private ApiResponse route(ApiRequest request, List<String> path) {
    if (path.isEmpty()) {
      return only(request, "GET") ? versions(request) : methodNotAllowed();
    }
    if (!path.get(0).equals("v3")) {
      throw notFound();
    }
    if (path.size() == 1) {
      return only(request, "GET") ? ApiResponse.json(200, versionDocument(request)) : methodNotAllowed();
    }
    String collection = path.get(1);
    switch (collection) {
      case "auth":
        return auth(request, path);
      case "users":
        return users(request, path);
      case "projects":
        return projects(request, path);
      case "services":
      case "endpoints":
      case "regions":
        return adminCatalog(request, path, collection);
      default:
        throw notFound();
    }
  }

  // ---- versions -----------------------------------------------------------------------------

  private ApiResponse versions(ApiRequest request) {
    ObjectNode body = Json.object();
    body.putObject("versions").putArray("values").add(versionBody(request));
    return ApiResponse.json(300, body).header("Location", endpoints.identityUrl() + "/");
  }

  private ObjectNode versionDocument(ApiRequest request) {
    ObjectNode body = Json.object();
    body.set("version", versionBody(request));
    return body;
  }

  private ObjectNode versionBody(ApiRequest request) {
    String version = request.version().startsWith("v") ? request.version() : "v" + request.version();
    ObjectNode node = Json.object();
    node.put("id", version).put("status", "stable").put("updated", VERSION_UPDATED);
    node.putArray("links").addObject().put("rel", "self").put("href", endpoints.identityUrl() + "/");
    node.putArray("media-types").addObject().put("base", "application/json")
        .put("type", "application/vnd.openstack.identity-v3+json");
    return node;
  }

  // ---- /v3/auth -----------------------------------------------------------------------------

  private ApiResponse auth(ApiRequest request, List<String> path) {
    if (path.size() != 3) {
      throw notFound();
    }
    switch (path.get(2)) {
      case "tokens":
        return tokens(request);
      case "catalog":
        return only(request, "GET") ? catalogOf(request) : methodNotAllowed();
      case "projects":
        return only(request, "GET") ? projectsOf(request) : methodNotAllowed();
      default:
        throw notFound();
    }
  }

  private ApiResponse tokens(ApiRequest request) {
    switch (request.method()) {
      case "POST":
        return issueToken(request);
      case "GET":
      case "HEAD":
        return validateToken(request);
      case "DELETE":
        return revokeToken(request);
      default:
        return methodNotAllowed();
    }
  }

  private ApiResponse issueToken(ApiRequest request) {
    JsonNode body = Json.parseOrNull(request.body());
    if (body == null) {
      throw Errors.keystoneError(400, "Bad Request",
          "Expecting to find auth in request body. The server could not comply with the request "
              + "since it is either malformed or otherwise incorrect.");
    }
    Token token;
    try {
      token = store.authenticate(body);
    } catch (ApiException e) {
      if (e.response().status() == 401) {
        e.response().header("WWW-Authenticate", "Keystone uri=\"" + endpoints.identityUrl() + "\"");
      }
      throw e;
    }
    boolean withCatalog = !request.hasQuery("nocatalog");
    return ApiResponse.json(201, tokenDocument(token, withCatalog))
        .header("X-Subject-Token", token.id());
  }

  private ApiResponse validateToken(ApiRequest request) {
    requireToken(request);
    Token subject = store.validate(request.header("X-Subject-Token"))
        .orElseThrow(() -> Errors.keystoneError(404, "Not Found", "Could not recognize Fernet token"));
    return ApiResponse.json(200, tokenDocument(subject, !request.hasQuery("nocatalog")))
        .header("X-Subject-Token", subject.id());
  }

  private ApiResponse revokeToken(ApiRequest request) {
    requireToken(request);
    if (!store.revoke(request.header("X-Subject-Token"))) {
      throw Errors.keystoneError(404, "Not Found", "Could not recognize Fernet token");
    }
    return ApiResponse.empty(204, ApiResponse.JSON);
  }

  private ApiResponse catalogOf(ApiRequest request) {
    Token token = requireToken(request);
    ObjectNode body = Json.object();
    body.set("catalog", catalog(token));
    body.putObject("links").put("self", endpoints.identityUrl() + "/auth/catalog");
    return ApiResponse.json(200, body);
  }

  private ApiResponse projectsOf(ApiRequest request) {
    Token token = requireToken(request);
    ObjectNode body = Json.object();
    body.putArray("projects").add(project(token.user().project()));
    body.putObject("links").put("self", endpoints.identityUrl() + "/auth/projects");
    return ApiResponse.json(200, body);
  }

  private ObjectNode tokenDocument(Token token, boolean withCatalog) {
    ObjectNode node = Json.object();
    ArrayNode methods = node.putArray("methods");
    token.methods().forEach(methods::add);
    ObjectNode user = node.putObject("user");
    user.set("domain", domain());
    user.put("id", token.user().id()).put("name", token.user().name())
        .putNull("password_expires_at");
    node.putArray("audit_ids").add(token.auditId());
    node.put("expires_at", Json.micros(token.expiresAt()));
    node.put("issued_at", Json.micros(token.issuedAt()));
    if (token.project() != null) {
      ObjectNode project = node.putObject("project");
      project.set("domain", domain());
      project.put("id", token.project().id()).put("name", token.project().name());
      node.put("is_domain", false);
      node.set("roles", roles(token.roles()));
      if (withCatalog) {
        node.set("catalog", catalog(token));
      }
    }
    if (token.appCredential() != null) {
      node.putObject("application_credential").put("id", token.appCredential().id())
          .put("name", token.appCredential().name())
          .put("restricted", !token.appCredential().unrestricted());
    }
    ObjectNode document = Json.object();
    document.set("token", node);
    return document;
  }

  private static ObjectNode domain() {
    return Json.object().put("id", IdentityStore.DEFAULT_DOMAIN.id())
        .put("name", IdentityStore.DEFAULT_DOMAIN.name());
  }

  private static ArrayNode roles(List<Role> roles) {
    ArrayNode array = Json.array();
    roles.forEach(r -> array.addObject().put("id", r.id()).put("name", r.name()));
    return array;
  }

  private ArrayNode catalog(Token token) {
    ArrayNode catalog = Json.array();
    if (token.project() == null) {
      return catalog;
    }
    for (SimulatedService service : SimulatedService.values()) {
      ObjectNode entry = catalog.addObject();
      entry.set("endpoints", endpointsOf(service, serviceUrl(service, token.project())));
      entry.put("id", SERVICE_IDS.get(service)).put("type", service.type())
          .put("name", service.catalogName());
    }
    return catalog;
  }

  private String serviceUrl(SimulatedService service, Project project) {
    switch (service) {
      case IDENTITY:
        return endpoints.identityUrl() + "/";
      case COMPUTE:
        return endpoints.computeUrl();
      default:
        return endpoints.objectStoreUrl(project.id());
    }
  }

  private ArrayNode endpointsOf(SimulatedService service, String url) {
    ArrayNode list = Json.array();
    for (String iface : INTERFACES) {
      list.addObject()
          .put("id", UUID.nameUUIDFromBytes((service.type() + iface).getBytes()).toString()
              .replace("-", ""))
          .put("interface", iface).put("region_id", region).put("url", url).put("region", region);
    }
    return list;
  }

  // ---- /v3/users ----------------------------------------------------------------------------

  private ApiResponse users(ApiRequest request, List<String> path) {
    Token token = requireToken(request);
    if (path.size() < 3) {
      return adminOnly(token, "identity:list_users", () -> usersList());
    }
    String userId = path.get(2);
    if (!userId.equals(token.user().id()) && !token.isAdmin()) {
      throw forbidden("identity:get_user");
    }
    User user = store.user(userId).orElseThrow(() -> Errors.keystoneError(404, "Not Found",
        "Could not find user: " + userId + "."));
    if (path.size() == 3) {
      return only(request, "GET") ? ApiResponse.json(200, wrap("user", user(user))) : methodNotAllowed();
    }
    if (path.get(3).equals("application_credentials") && path.size() <= 5) {
      return applicationCredentials(request, token, user, path.size() == 5 ? path.get(4) : null);
    }
    throw notFound();
  }

  private ApiResponse usersList() {
    ArrayNode list = Json.array();
    store.users().forEach(u -> list.add(user(u)));
    ObjectNode body = Json.object();
    body.set("users", list);
    return ApiResponse.json(200, body);
  }

  private ObjectNode user(User user) {
    ObjectNode node = Json.object();
    node.put("id", user.id()).put("name", user.name()).put("domain_id", user.domain().id())
        .put("enabled", true).put("default_project_id", user.project().id())
        .putNull("password_expires_at");
    node.putObject("links").put("self", endpoints.identityUrl() + "/users/" + user.id());
    return node;
  }

  private ApiResponse applicationCredentials(ApiRequest request, Token token, User user,
      String credentialId) {
    if (credentialId == null) {
      switch (request.method()) {
        case "GET":
          ArrayNode list = Json.array();
          store.appCredentials(user.id()).forEach(c -> list.add(appCredential(c, false)));
          ObjectNode body = Json.object();
          body.set("application_credentials", list);
          return ApiResponse.json(200, body);
        case "POST":
          return createAppCredential(request, token, user);
        default:
          return methodNotAllowed();
      }
    }
    AppCredential credential = store.appCredential(user.id(), credentialId)
        .orElseThrow(() -> Errors.keystoneError(404, "Not Found",
            "Could not find Application Credential: " + credentialId + "."));
    switch (request.method()) {
      case "GET":
        return ApiResponse.json(200, wrap("application_credential", appCredential(credential, false)));
      case "DELETE":
        refuseAppCredentialToken(token);
        store.deleteAppCredential(user.id(), credentialId);
        return ApiResponse.empty(204, ApiResponse.JSON);
      default:
        return methodNotAllowed();
    }
  }

  private ApiResponse createAppCredential(ApiRequest request, Token token, User user) {
    if (!token.user().id().equals(user.id())) {
      throw forbidden("identity:create_application_credential");
    }
    refuseAppCredentialToken(token);
    if (token.project() == null) {
      throw Errors.keystoneError(401, "Unauthorized",
          "The request you have made requires authentication.");
    }
    JsonNode body = Json.parseOrNull(request.body());
    JsonNode node = body == null ? null : body.get("application_credential");
    String name = Json.text(node, "name");
    if (name == null || name.isBlank()) {
      throw Errors.keystoneError(400, "Bad Request",
          "Invalid input for field 'application_credential': 'name' is a required property");
    }
    AppCredential credential = store.createAppCredential(token, name, Json.text(node, "secret"),
        Json.text(node, "description"), expiry(Json.text(node, "expires_at")),
        node.path("unrestricted").asBoolean(false));
    return ApiResponse.json(201, wrap("application_credential", appCredential(credential, true)));
  }

  private static Instant expiry(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.endsWith("Z") ? text : text + "Z");
    } catch (DateTimeParseException e) {
      throw Errors.keystoneError(400, "Bad Request",
          "Invalid input for field 'expires_at': '" + text + "' is not a 'date-time'");
    }
  }

  private static void refuseAppCredentialToken(Token token) {
    if (token.appCredential() != null && !token.appCredential().unrestricted()) {
      throw Errors.keystoneError(403, "Forbidden",
          "Using method 'application_credential' is not allowed for managing additional "
              + "application credentials.");
    }
  }

  private ObjectNode appCredential(AppCredential credential, boolean withSecret) {
    ObjectNode node = Json.object();
    node.put("id", credential.id()).put("name", credential.name())
        .put("description", credential.description())
        .put("expires_at", credential.expiresAt() == null ? null : Json.micros(credential.expiresAt()))
        .put("project_id", credential.project().id())
        .put("user_id", credential.user().id())
        .put("unrestricted", credential.unrestricted());
    if (withSecret) {
      node.put("secret", credential.secret());
    }
    node.set("roles", roles(credential.roles()));
    node.putArray("access_rules");
    node.putObject("links").put("self", endpoints.identityUrl() + "/users/"
        + credential.user().id() + "/application_credentials/" + credential.id());
    return node;
  }

  // ---- /v3/projects and admin lists -------------------------------------------------------------

  private ApiResponse projects(ApiRequest request, List<String> path) {
    Token token = requireToken(request);
    if (path.size() != 3) {
      throw path.size() == 2 ? forbidden("identity:list_projects") : notFound();
    }
    String id = path.get(2);
    boolean own = token.project() != null && token.project().id().equals(id);
    if (!own && !token.isAdmin()) {
      throw forbidden("identity:get_project");
    }
    Project project = store.project(id).orElseThrow(() -> Errors.keystoneError(404, "Not Found",
        "Could not find project: " + id + "."));
    return only(request, "GET") ? ApiResponse.json(200, wrap("project", project(project))) : methodNotAllowed();
  }

  private ObjectNode project(Project project) {
    ObjectNode node = Json.object();
    node.put("id", project.id()).put("name", project.name())
        .put("domain_id", project.domain().id()).put("enabled", true).put("is_domain", false)
        .put("parent_id", project.domain().id()).put("description", "");
    node.putObject("links").put("self", endpoints.identityUrl() + "/projects/" + project.id());
    return node;
  }

  private ApiResponse adminCatalog(ApiRequest request, List<String> path, String collection) {
    Token token = requireToken(request);
    if (path.size() != 2) {
      throw notFound();
    }
    if (!only(request, "GET")) {
      return methodNotAllowed();
    }
    return adminOnly(token, "identity:list_" + collection, () -> {
      ArrayNode list = Json.array();
      for (SimulatedService service : SimulatedService.values()) {
        if (collection.equals("services")) {
          list.addObject().put("id", SERVICE_IDS.get(service)).put("type", service.type())
              .put("name", service.catalogName()).put("enabled", true);
        } else if (collection.equals("endpoints")) {
          String url = service == SimulatedService.OBJECT_STORE
              ? endpoints.baseUrl(service) + "/v1/AUTH_%(project_id)s"
              : serviceUrl(service, null);
          endpointsOf(service, url).forEach(e -> list.add(((ObjectNode) e)
              .put("service_id", SERVICE_IDS.get(service)).put("enabled", true)));
        }
      }
      if (collection.equals("regions")) {
        list.addObject().put("id", region).put("description", "").putNull("parent_region_id");
      }
      ObjectNode body = Json.object();
      body.set(collection, list);
      return ApiResponse.json(200, body);
    });
  }

  private static ApiResponse adminOnly(Token token, String action,
      Supplier<ApiResponse> answer) {
    if (!token.isAdmin()) {
      throw forbidden(action);
    }
    return answer.get();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Token requireToken(ApiRequest request) {
    return store.validate(request.header("X-Auth-Token"))
        .orElseThrow(() -> Errors.unauthorizedJson(endpoints.identityUrl()));
  }

  private static boolean only(ApiRequest request, String method) {
    return request.method().equals(method) || (method.equals("GET") && request.isHead());
  }

  private static ObjectNode wrap(String key, JsonNode value) {
    ObjectNode node = Json.object();
    node.set(key, value);
    return node;
  }

  private static ApiException notFound() {
    return Errors.keystoneError(404, "Not Found", "The resource could not be found.");
  }

  private static ApiException forbidden(String action) {
    return Errors.keystoneError(403, "Forbidden",
        "You are not authorized to perform the requested action: " + action + ".");
  }

  private static ApiResponse methodNotAllowed() {
    return ApiResponse.json(405, Errors.keystone(405, "Method Not Allowed",
        "The method is not allowed for the requested URL."));
  }
}
