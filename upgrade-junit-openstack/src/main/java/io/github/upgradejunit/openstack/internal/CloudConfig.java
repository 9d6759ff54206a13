package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;

/**
 * One cloud's connection settings, as a clouds.yaml entry or the {@code OS_*} variables give them.
 * The password is a {@link Secret}, so printing the record never shows it. Immutable.
 *
 * @param name the cloud's name: the clouds.yaml entry, {@code envvars} or {@code simulator}
 * @param source where it came from, for messages: {@code clouds.yaml /path} or {@code OS_* variables}
 * @param authUrl Keystone's v3 endpoint, ending in {@code /v3}
 * @param interfaceName the catalog interface to use: public, internal or admin
 * @param verify whether TLS certificates are checked
 * @param cacert a PEM file of CA certificates to trust instead of the JVM's, or null
 */
public record CloudConfig(String name, String source, String authUrl, String username, String userId,
    Secret password, String projectName, String projectId, String userDomainName, String userDomainId,
    String projectDomainName, String projectDomainId, String region, String interfaceName, boolean verify,
    Path cacert) {

  /** Where the settings came from, as messages start: {@code clouds.yaml /p: cloud 'prod'}. */
  public String where() {
    return source + ": cloud '" + name + "'";
  }

  /**
   * The TLS trust the settings ask for ({@code verify}, {@code cacert}) for the plugin's own HTTP
   * calls (probes, raw API calls). openstack4j cannot take it: its OkHttp connector refuses a
   * custom SSL socket factory on Java 9+, so {@link CloudSession} adds a {@code cacert} to the
   * JVM's trust store ({@link JvmTrust}); {@code verify: false} does work there.
   */
  public Tls tls() {
    if (!verify) {
      return Tls.insecure();
    }
    if (cacert == null) {
      return Tls.system();
    }
    try {
      return Tls.trusting(cacert);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(where() + ": cannot set up TLS with cacert " + cacert + ": "
          + e.getMessage(), e);
    }
  }

  /** The user, for messages: name or id, never the password. */
  public String user() {
    return username != null ? username : userId;
  }

  /** The project, for messages. */
  public String project() {
    return projectName != null ? projectName : projectId;
  }

  /** The region, when one is set. */
  public Optional<String> regionName() {
    return Optional.ofNullable(region).filter(r -> !r.isBlank());
  }

  /** Normalise an interface as clouds.yaml and the CLI accept it ({@code publicURL} → {@code public}). */
  static String normalInterface(String value) {
    if (value == null || value.isBlank()) {
      return "public";
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.endsWith("url") ? v.substring(0, v.length() - 3) : v;
  }

  /** Keystone's v3 endpoint from an auth URL given with or without {@code /v3}. */
  static String v3Url(String authUrl) {
    String url = authUrl.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url.endsWith("/v3") ? url : url + "/v3";
  }
}
