package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the cloud to test the way the OpenStack CLI (openstacksdk) does, so a user's existing
 * {@code clouds.yaml} or {@code openrc} works unchanged: a cloud named by {@code upgrade.cloud} or
 * {@code OS_CLOUD} is read from the first {@code clouds.yaml} found ({@code OS_CLIENT_CONFIG_FILE},
 * then {@code ./}, {@code ~/.config/openstack/}, {@code /etc/openstack/}), with {@code secure.yaml}
 * (found likewise, or {@code OS_CLIENT_SECURE_FILE}) merged over it; without a name, the
 * {@code OS_*} variables. Every error names the file, the cloud and the key, never a value of a
 * secret. Stateless apart from its inputs; thread-safe.
 */
public final class CloudLocator {

  private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json");
  private static final Set<String> PASSWORD_AUTH = Set.of("password", "v3password");

  private final Function<String, Optional<String>> environment;
  private final Path workingDirectory;
  private final Path home;
  private final Path systemDirectory;

  /**
   * @param environment reads an environment variable (tests pass their own)
   * @param workingDirectory where {@code ./clouds.yaml} is looked for
   * @param home the user's home, for {@code ~/.config/openstack}
   * @param systemDirectory normally {@code /etc/openstack}
   */
  public CloudLocator(Function<String, Optional<String>> environment, Path workingDirectory, Path home,
      Path systemDirectory) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.home = home;
    this.systemDirectory = systemDirectory;
  }

  /** The outcome: a cloud, or why there is none. */
  public record Located(Optional<CloudConfig> cloud, String reason) {
  }

  /**
   * The configured cloud, or empty with the reason when none is configured at all.
   *
   * @param requested the value of {@code upgrade.cloud}, if set
   * @throws IllegalArgumentException when a cloud is configured but its settings are unusable
   */
  public Located locate(Optional<String> requested) {
    Optional<String> name = requested.or(() -> environment.apply("OS_CLOUD"));
    String origin = requested.isPresent() ? "upgrade.cloud" : "OS_CLOUD";
    if (name.isPresent()) {
      return new Located(Optional.of(fromCloudsYaml(name.get().trim(), origin)), "");
    }
    if (environment.apply("OS_AUTH_URL").isPresent()) {
      return new Located(Optional.of(fromEnvironment()), "");
    }
    return new Located(Optional.empty(), noCloudReason());
  }

  private String noCloudReason() {
    String reason = "no OpenStack cloud is configured: upgrade.cloud and OS_CLOUD are unset and OS_AUTH_URL is "
        + "not set either";
    Optional<Path> file = firstExisting(configFiles("clouds", "OS_CLIENT_CONFIG_FILE"));
    if (file.isPresent()) {
      try {
        reason += " (" + file.get() + " has the clouds " + cloudNames(read(file.get())) + "; set upgrade.cloud "
            + "or OS_CLOUD to test one)";
      } catch (IllegalArgumentException e) {
        reason += " (" + e.getMessage() + ")";
      }
    }
    return reason;
  }

  // ---- clouds.yaml ---------------------------------------------------------------------------

  private CloudConfig fromCloudsYaml(String name, String origin) {
    List<Path> candidates = configFiles("clouds", "OS_CLIENT_CONFIG_FILE");
    Path file = firstExisting(candidates).orElseThrow(() -> new IllegalArgumentException("The cloud '" + name
        + "' (from " + origin + ") is not defined: no clouds.yaml found; looked for " + candidates));
    String source = "clouds.yaml " + file;
    JsonNode root = read(file);
    JsonNode entry = root.path("clouds").path(name);
    if (!entry.isObject()) {
      throw new IllegalArgumentException(source + ": no cloud '" + name + "' (from " + origin
          + "); the clouds found are " + cloudNames(root));
    }
    ObjectNode merged = entry.deepCopy();
    Optional<Path> secure = firstExisting(configFiles("secure", "OS_CLIENT_SECURE_FILE"));
    if (secure.isPresent()) {
      JsonNode secret = read(secure.get()).path("clouds").path(name);
      if (secret.isObject()) {
        deepMerge(merged, (ObjectNode) secret);
        source += " + " + secure.get();
      }
    }
    return build(name, source, flatten(merged), key -> key);
  }

  private List<Path> configFiles(String baseName, String variable) {
    List<Path> files = new ArrayList<>();
    environment.apply(variable).map(Path::of).ifPresent(files::add);
    List<Path> directories = new ArrayList<>();
    directories.add(workingDirectory);
    environment.apply("XDG_CONFIG_HOME").map(d -> Path.of(d, "openstack")).ifPresent(directories::add);
    directories.add(home.resolve(".config").resolve("openstack"));
    directories.add(systemDirectory);
    for (Path directory : new LinkedHashSet<>(directories)) {
      SUFFIXES.forEach(suffix -> files.add(directory.resolve(baseName + suffix)));
    }
    return files;
  }

  private static Optional<Path> firstExisting(List<Path> files) {
    return files.stream().filter(Files::isRegularFile).findFirst();
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode node = new YAMLMapper().readTree(file.toFile());
      return node == null ? new YAMLMapper().createObjectNode() : node;
    } catch (JsonProcessingException e) {
      // the parser's message may quote the offending text (a password), so report the place only
      var at = e.getLocation();
      throw new IllegalArgumentException("clouds.yaml " + file + " is not valid YAML"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), null);
    } catch (IOException e) {
      throw new IllegalArgumentException("clouds.yaml " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private static List<String> cloudNames(JsonNode root) {
    List<String> names = new ArrayList<>();
    root.path("clouds").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void deepMerge(ObjectNode target, ObjectNode overrides) {
    for (Map.Entry<String, JsonNode> field : overrides.properties()) {
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode override) {
        deepMerge(existingObject, override);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  /** {@code auth: {auth_url: x}} becomes {@code auth.auth_url = x}; top-level scalars stay as they are. */
  private static Map<String, String> flatten(ObjectNode entry) {
    Map<String, String> values = new HashMap<>();
    entry.properties().forEach(field -> {
      if (field.getValue().isObject()) {
        field.getValue().properties().forEach(inner -> {
          if (inner.getValue().isValueNode() && !inner.getValue().isNull()) {
            values.put(field.getKey() + "." + inner.getKey(), inner.getValue().asText());
          }
        });
      } else if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        values.put(field.getKey(), field.getValue().asText());
      }
    });
    return values;
  }

  // ---- OS_* variables ------------------------------------------------------------------------

  private CloudConfig fromEnvironment() {
    Map<String, String> values = new HashMap<>();
    for (String key : List.of("auth_url", "username", "user_id", "password", "project_name", "project_id",
        "tenant_name", "tenant_id", "user_domain_name", "user_domain_id", "project_domain_name",
        "project_domain_id", "domain_name", "domain_id")) {
      environment.apply(envName(key)).ifPresent(v -> values.put("auth." + key, v));
    }
    for (String key : List.of("region_name", "interface", "endpoint_type", "cacert", "auth_type",
        "identity_api_version")) {
      environment.apply(envName(key)).ifPresent(v -> values.put(key, v));
    }
    environment.apply("OS_INSECURE").ifPresent(v -> values.put("verify", String.valueOf(!isTrue(v))));
    return build("envvars", "OS_* variables", values, key -> envName(key.replace("auth.", "")));
  }

  private static String envName(String key) {
    return "OS_" + key.toUpperCase(Locale.ROOT);
  }

  // ---- both ------------------------------------------------------------------------------------

  private CloudConfig build(String name, String source, Map<String, String> v, Function<String, String> keyName) {
    String where = source + ": cloud '" + name + "'";
    checkAuthType(v, where, keyName);
    String authUrl = require(v, "auth.auth_url", where, keyName);
    String username = v.get("auth.username");
    String userId = v.get("auth.user_id");
    if (username == null && userId == null) {
      throw missing(where, keyName.apply("auth.username") + " (or " + keyName.apply("auth.user_id") + ")");
    }
    Secret password = Secret.of(require(v, "auth.password", where, keyName));
    String projectName = first(v, "auth.project_name", "auth.tenant_name");
    String projectId = first(v, "auth.project_id", "auth.tenant_id");
    if (projectName == null && projectId == null) {
      throw missing(where, keyName.apply("auth.project_name") + " (or " + keyName.apply("auth.project_id")
          + "): the plugin needs a project-scoped token to reach Nova and Swift");
    }
    String domainName = first(v, "auth.domain_name", "auth.default_domain");
    String domainId = v.get("auth.domain_id");
    String userDomainName = first(v, "auth.user_domain_name");
    String userDomainId = first(v, "auth.user_domain_id");
    if (username != null && userDomainName == null && userDomainId == null) {
      userDomainName = domainName;
      userDomainId = domainId;
      if (userDomainName == null && userDomainId == null) {
        throw missing(where, keyName.apply("auth.user_domain_name") + " (or " + keyName.apply("auth.user_domain_id")
            + "; 'Default' is the default domain's name)");
      }
    }
    String projectDomainName = v.get("auth.project_domain_name");
    String projectDomainId = v.get("auth.project_domain_id");
    if (projectName != null && projectDomainName == null && projectDomainId == null) {
      projectDomainName = domainName;
      projectDomainId = domainId;
      if (projectDomainName == null && projectDomainId == null) {
        throw missing(where, keyName.apply("auth.project_domain_name") + " (or "
            + keyName.apply("auth.project_domain_id") + "; 'Default' is the default domain's name)");
      }
    }
    Path cacert = v.containsKey("cacert") ? Path.of(v.get("cacert")) : null;
    if (cacert != null && !Files.isReadable(cacert)) {
      throw new IllegalArgumentException(where + " has " + keyName.apply("cacert") + " " + cacert
          + ", but that file cannot be read");
    }
    String iface = CloudConfig.normalInterface(first(v, "interface", "endpoint_type"));
    if (!List.of("public", "internal", "admin").contains(iface)) {
      throw new IllegalArgumentException(where + " has " + keyName.apply("interface") + " '" + iface
          + "', but it must be public, internal or admin");
    }
    return new CloudConfig(name, source, CloudConfig.v3Url(authUrl), username, userId, password, projectName,
        projectId, userDomainName, userDomainId, projectDomainName, projectDomainId, v.get("region_name"), iface,
        !v.containsKey("verify") || isTrue(v.get("verify")), cacert);
  }

  private static void checkAuthType(Map<String, String> v, String where, Function<String, String> keyName) {
    String type = v.get("auth_type");
    if (type != null && !PASSWORD_AUTH.contains(type.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(where + " has " + keyName.apply("auth_type") + " '" + type
          + "', but only password authentication is supported (auth_type password or v3password)");
    }
    String version = v.get("identity_api_version");
    if (version != null && !version.trim().startsWith("3")) {
      throw new IllegalArgumentException(where + " has " + keyName.apply("identity_api_version") + " '" + version
          + "', but only Keystone v3 is supported");
    }
    if (v.containsKey("profile")) {
      throw new IllegalArgumentException(where + " uses the vendor profile '" + v.get("profile")
          + "', which is not supported; write auth.auth_url and region_name into the entry instead");
    }
  }

  private static String require(Map<String, String> v, String key, String where, Function<String, String> keyName) {
    String value = v.get(key);
    if (value == null || value.isBlank()) {
      throw missing(where, keyName.apply(key));
    }
    return value;
  }

  private static IllegalArgumentException missing(String where, String key) {
    return new IllegalArgumentException(where + " has no " + key);
  }

  private static String first(Map<String, String> v, String... keys) {
    for (String key : keys) {
      String value = v.get(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static boolean isTrue(String value) {
    return List.of("true", "1", "yes", "on").contains(value.trim().toLowerCase(Locale.ROOT));
  }
}
