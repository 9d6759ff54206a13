package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.spi.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The health checks run before and after the upgrade: every endpoint of the catalog answers; Swift's
 * {@code /healthcheck} and {@code /info}; and, with admin credentials only, every enabled Nova
 * service is up. Each says what it found when it fails, so a sick cloud is visible before the
 * upgrade is blamed for it.
 */
final class ServiceHealth {

  static final String NO_ADMIN = "Nova's service list is admin-only: set upgrade.openstack.admin.cloud to a "
      + "clouds.yaml cloud with the admin role to check that every Nova service is up";

  private final CloudSession auth;
  private final Rest rest;
  private final Optional<Supplier<CloudSession>> admin;

  /**
   * @param admin opens an authenticated session with admin credentials (closed after each use),
   *     or empty when the user gave none
   */
  ServiceHealth(CloudSession auth, Rest rest, Optional<Supplier<CloudSession>> admin) {
    this.auth = auth;
    this.rest = rest;
    this.admin = admin;
  }

  /** One check per catalog endpoint, then the Swift and Nova checks when those services exist. */
  List<HealthCheck> checks() {
    Map<String, String> urls = auth.state().catalog().urls();
    List<HealthCheck> checks = new ArrayList<>();
    urls.forEach((type, url) -> checks.add(HealthCheck.of(type, "endpoint answers", deadline -> answers(type, url))));
    if (urls.containsKey(Catalog.OBJECT_STORE)) {
      String root = Catalog.swiftRoot(urls.get(Catalog.OBJECT_STORE));
      checks.add(HealthCheck.of(Catalog.OBJECT_STORE, "/healthcheck", deadline -> swiftHealthcheck(root)));
      checks.add(HealthCheck.of(Catalog.OBJECT_STORE, "/info", deadline -> swiftInfo(root)));
    }
    if (urls.containsKey(Catalog.COMPUTE)) {
      checks.add(HealthCheck.of(Catalog.COMPUTE, "services up", deadline -> novaServicesUp()));
    }
    return checks;
  }

  private void answers(String type, String url) {
    Rest.Response response = rest.send(type, "GET", URI.create(url), Map.of("Accept", "application/json"), null,
        auth.state().tokenId());
    if (response.status() >= 500) {
      throw new AssertionError("GET " + url + " answered HTTP " + response.status() + message(response));
    }
  }

  private void swiftHealthcheck(String root) {
    Rest.Response response = rest.send(Catalog.OBJECT_STORE, "GET", URI.create(root + "/healthcheck"), Map.of(), null,
        null);
    if (response.status() != 200 || !response.text().trim().equals("OK")) {
      throw new AssertionError("GET " + root + "/healthcheck answered HTTP " + response.status() + " '"
          + abbreviate(response.text().trim()) + "'; a healthy Swift proxy answers 200 'OK'");
    }
  }

  private void swiftInfo(String root) throws IOException {
    Rest.Response response = rest.send(Catalog.OBJECT_STORE, "GET", URI.create(root + "/info"), Map.of(), null, null);
    if (response.status() != 200) {
      throw new AssertionError("GET " + root + "/info answered HTTP " + response.status() + message(response));
    }
    if (!response.json().path("swift").isObject()) {
      throw new AssertionError("GET " + root + "/info has no 'swift' section: " + abbreviate(response.text()));
    }
  }

  private void novaServicesUp() throws IOException {
    Supplier<CloudSession> opener = admin.orElseThrow(() -> new TestAbortedException(NO_ADMIN));
    try (CloudSession session = opener.get()) {
      AuthState state = session.state();
      String base = state.catalog().require(Catalog.COMPUTE);
      Rest.Response response = rest.send(Catalog.COMPUTE, "GET", URI.create(base + "/os-services"),
          Map.of("Accept", "application/json"), null, state.tokenId());
      if (response.status() != 200) {
        throw new AssertionError("GET " + base + "/os-services as " + session.cloud().where() + " answered HTTP "
            + response.status() + message(response) + (response.status() == 403
                ? "; the cloud in upgrade.openstack.admin.cloud lacks the admin role" : ""));
      }
      List<String> down = new ArrayList<>();
      for (JsonNode service : response.json().path("services")) {
        if ("enabled".equals(service.path("status").asText()) && !"up".equals(service.path("state").asText())) {
          down.add(service.path("binary").asText() + " on " + service.path("host").asText());
        }
      }
      if (!down.isEmpty()) {
        throw new AssertionError("Nova services enabled but down: " + String.join(", ", down));
      }
    }
  }

  private static String message(Rest.Response response) {
    String text = response.apiMessage();
    return text == null || text.isBlank() ? "" : ": " + abbreviate(text);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
