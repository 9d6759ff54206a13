package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keystone's data: one domain, the configured users with their projects and roles, the issued
 * tokens and application credentials. Tokens are opaque random strings of Fernet's length; the
 * other services validate them here directly, like keystonemiddleware with a warm cache, so a
 * revocation takes effect at once and a Keystone outage does not break token validation.
 */
final class IdentityStore {

  record Domain(String id, String name) {
  }

  record Project(String id, String name, Domain domain) {
  }

  record Role(String id, String name) {
  }

  record User(String id, String name, Domain domain, String password, Project project,
      List<Role> roles) {
    boolean isAdmin() {
      return roles.stream().anyMatch(r -> r.name().equals("admin"));
    }
  }

  record AppCredential(String id, String name, String secret, User user, Project project,
      List<Role> roles, String description, Instant expiresAt, boolean unrestricted) {
  }

  /** An issued token; {@code project} is null for an unscoped token. */
  record Token(String id, User user, Project project, List<Role> roles, List<String> methods,
      Instant issuedAt, Instant expiresAt, String auditId, AppCredential appCredential) {
    boolean isAdmin() {
      return project != null && roles.stream().anyMatch(r -> r.name().equals("admin"));
    }
  }

  static final Domain DEFAULT_DOMAIN = new Domain("default", "Default");
  private static final int PRUNE_THRESHOLD = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration tokenLifetime;
  private final List<User> users;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, AppCredential> appCredentials = new ConcurrentHashMap<>();

  IdentityStore(Duration tokenLifetime, List<SimulatorCredentials> accounts) {
    this.tokenLifetime = tokenLifetime;
    Role reader = new Role(randomId(), "reader");
    Role member = new Role(randomId(), "member");
    Role admin = new Role(randomId(), "admin");
    Map<String, Project> projects = new ConcurrentHashMap<>();
    List<User> list = new ArrayList<>();
    for (SimulatorCredentials account : accounts) {
      Project project = projects.computeIfAbsent(account.projectName(),
          name -> new Project(randomId(), name, DEFAULT_DOMAIN));
      List<Role> roles = account.admin() ? List.of(reader, member, admin) : List.of(reader, member);
      list.add(new User(randomId(), account.username(), DEFAULT_DOMAIN, account.password(),
          project, roles));
    }
    this.users = List.copyOf(list);
  }

  /** 32 lower-case hex digits, Keystone's id format. */
  static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String randomUrlSafe(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  List<User> users() {
    return users;
  }

  Optional<User> user(String id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  Optional<Project> project(String id) {
    return users.stream().map(User::project).filter(p -> p.id().equals(id)).findFirst();
  }

  Optional<Project> projectByName(String name) {
    return users.stream().map(User::project).filter(p -> p.name().equals(name)).findFirst();
  }

  /** The token if it exists, was not revoked and has not expired. */
  Optional<Token> validate(String tokenId) {
    if (tokenId == null) {
      return Optional.empty();
    }
    Token token = tokens.get(tokenId);
    if (token == null) {
      return Optional.empty();
    }
    if (!token.expiresAt().isAfter(Instant.now())) {
      tokens.remove(tokenId);
      return Optional.empty();
    }
    if (token.appCredential() != null && !appCredentials.containsKey(token.appCredential().id())) {
      return Optional.empty();
    }
    return Optional.of(token);
  }

  boolean revoke(String tokenId) {
    return validate(tokenId).map(t -> tokens.remove(t.id()) != null).orElse(false);
  }

  /**
   * Issues a token for a Keystone v3 {@code auth} request body.
   *
   * @throws ApiException with Keystone's status and message when authentication fails
   */
  Token authenticate(JsonNode body) {
    JsonNode identity = body == null ? null : body.path("auth").get("identity");
    JsonNode methods = identity == null ? null : identity.get("methods");
    if (methods == null || !methods.isArray() || methods.isEmpty()) {
      throw Errors.keystoneError(400, "Bad Request",
          "Invalid input for field 'identity': 'methods' is a required property");
    }
    String method = methods.get(0).asText();
    JsonNode scope = body.path("auth").get("scope");
    switch (method) {
      case "password":
        return byPassword(identity.path("password").path("user"), scope);
      case "token":
        return byToken(Json.text(identity.path("token"), "id"), scope);
      case "application_credential":
        return byAppCredential(identity.path("application_credential"));
      default:
        throw unauthorized();
    }
  }

  private Token byPassword(JsonNode userNode, JsonNode scope) {
    User user = findUser(userNode).orElseThrow(IdentityStore::unauthorized);
    if (!user.password().equals(Json.text(userNode, "password"))) {
      throw unauthorized();
    }
    Project project = scopedProject(user, scope, user.project());
    return issue(user, project, List.of("password"), Instant.now().plus(tokenLifetime), null);
  }

  private Token byToken(String tokenId, JsonNode scope) {
    Token original = validate(tokenId).orElseThrow(() -> Errors.keystoneError(404, "Not Found",
        "Could not recognize Fernet token"));
    if (original.appCredential() != null) {
      throw Errors.keystoneError(403, "Forbidden",
          "The request you have made requires authentication with a scope other than the one "
              + "an application credential grants.");
    }
    Project project = scopedProject(original.user(), scope, original.project());
    List<String> methods = new ArrayList<>(original.methods());
    if (!methods.contains("token")) {
      methods.add("token");
    }
    return issue(original.user(), project, methods, original.expiresAt(), null);
  }

  private Token byAppCredential(JsonNode node) {
    String id = Json.text(node, "id");
    AppCredential credential = id != null ? appCredentials.get(id)
        : findAppCredentialByName(Json.text(node, "name"), node.path("user"));
    if (credential == null) {
      throw Errors.keystoneError(404, "Not Found",
          "Could not find Application Credential: " + (id != null ? id : Json.text(node, "name")));
    }
    if (!credential.secret().equals(Json.text(node, "secret"))) {
      throw unauthorized();
    }
    Instant expires = Instant.now().plus(tokenLifetime);
    if (credential.expiresAt() != null && credential.expiresAt().isBefore(expires)) {
      expires = credential.expiresAt();
    }
    return issue(credential.user(), credential.project(), List.of("application_credential"),
        expires, credential);
  }

  private AppCredential findAppCredentialByName(String name, JsonNode userNode) {
    Optional<User> user = findUser(userNode);
    if (name == null || user.isEmpty()) {
      return null;
    }
    return appCredentials.values().stream()
        .filter(c -> c.name().equals(name) && c.user().id().equals(user.get().id()))
        .findFirst().orElse(null);
  }

  private Optional<User> findUser(JsonNode userNode) {
    String id = Json.text(userNode, "id");
    if (id != null) {
      return user(id);
    }
    String name = Json.text(userNode, "name");
    return users.stream()
        .filter(u -> u.name().equals(name) && domainMatches(userNode.path("domain"), u.domain()))
        .findFirst();
  }

  private static boolean domainMatches(JsonNode domainNode, Domain domain) {
    String id = Json.text(domainNode, "id");
    String name = Json.text(domainNode, "name");
    if (id == null && name == null) {
      return false;
    }
    return (id == null || id.equals(domain.id())) && (name == null || name.equals(domain.name()));
  }

  /** The project a scope names (the user must have a role on it), or the fallback when none. */
  private Project scopedProject(User user, JsonNode scope, Project fallback) {
    if (scope == null || scope.isNull()) {
      return fallback;
    }
    if (scope.isTextual() && scope.asText().equals("unscoped")) {
      return null;
    }
    JsonNode projectNode = scope.get("project");
    if (projectNode == null) {
      throw unauthorized();
    }
    Project own = user.project();
    String id = Json.text(projectNode, "id");
    boolean matches = id != null ? id.equals(own.id())
        : own.name().equals(Json.text(projectNode, "name"))
            && domainMatches(projectNode.path("domain"), own.domain());
    if (!matches) {
      throw unauthorized();
    }
    return own;
  }

  private Token issue(User user, Project project, List<String> methods, Instant expiresAt,
      AppCredential credential) {
    pruneExpired();
    List<Role> roles = credential != null ? credential.roles()
        : project == null ? List.of() : user.roles();
    Token token = new Token("gAAAAAB" + randomUrlSafe(132), user, project, roles,
        List.copyOf(methods), Instant.now(), expiresAt, randomUrlSafe(16), credential);
    tokens.put(token.id(), token);
    return token;
  }

  private void pruneExpired() {
    if (tokens.size() > PRUNE_THRESHOLD) {
      Instant now = Instant.now();
      tokens.values().removeIf(t -> !t.expiresAt().isAfter(now));
    }
  }

  static ApiException unauthorized() {
    return Errors.keystoneError(401, "Unauthorized",
        "The request you have made requires authentication.");
  }

  // ---- application credentials --------------------------------------------------------------

  AppCredential createAppCredential(Token token, String name, String secret, String description,
      Instant expiresAt, boolean unrestricted) {
    synchronized (appCredentials) {
      boolean taken = appCredentials.values().stream()
          .anyMatch(c -> c.user().id().equals(token.user().id()) && c.name().equals(name));
      if (taken) {
        throw Errors.keystoneError(409, "Conflict",
            "Conflict occurred attempting to store application_credential - Duplicate entry.");
      }
      AppCredential credential = new AppCredential(randomId(), name,
          secret != null ? secret : randomUrlSafe(64), token.user(), token.project(),
          token.roles(), description, expiresAt, unrestricted);
      appCredentials.put(credential.id(), credential);
      return credential;
    }
  }

  List<AppCredential> appCredentials(String userId) {
    return appCredentials.values().stream().filter(c -> c.user().id().equals(userId)).toList();
  }

  Optional<AppCredential> appCredential(String userId, String id) {
    return Optional.ofNullable(appCredentials.get(id)).filter(c -> c.user().id().equals(userId));
  }

  boolean deleteAppCredential(String userId, String id) {
    return appCredential(userId, id).map(c -> appCredentials.remove(c.id()) != null).orElse(false);
  }
}
