package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.internal.ApiProbe.Check;
import io.github.upgradejunit.openstack.internal.ApiProbe.Request;
import io.github.upgradejunit.openstack.internal.ApiProbe.Transport;
import io.github.upgradejunit.probe.HttpTransport;
import io.github.upgradejunit.spi.Probe;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The API uptime probes of Keystone, Nova and Swift: for each service in the catalog a
 * {@code fresh} and a {@code keepalive} series, plus one {@code fresh} series per configured
 * backend. A service missing from the catalog is logged as not tested; the others go on.
 *
 * <ul>
 *   <li>identity: {@code GET /v3/auth/tokens} of the shared token, or, with
 *       {@code upgrade.openstack.probe.identity=issue}, {@code POST /v3/auth/tokens} with the
 *       configured password (the login path, at the price of a password hash per sample);</li>
 *   <li>compute: {@code GET /servers?limit=1}, which must answer a JSON server list;</li>
 *   <li>object-store: {@code HEAD} of the account, which must carry Swift's account headers.</li>
 * </ul>
 */
final class Probes {

  /** Which request the identity probes send. */
  enum IdentityMode { ISSUE, VALIDATE }

  private final CloudSession session;
  private final HttpTransport fresh;
  private final HttpTransport shared;
  private final IdentityMode identityMode;
  private final byte[] passwordAuth;

  Probes(CloudSession session, Tls tls, IdentityMode identityMode) {
    this.session = session;
    this.fresh = HttpTransport.of(HttpTransport.Connection.FRESH, tls);
    this.shared = HttpTransport.of(HttpTransport.Connection.KEEPALIVE, tls);
    this.identityMode = identityMode;
    this.passwordAuth = passwordAuthBody(session.cloud());
  }

  /**
   * Every probe for the catalog of the current token.
   *
   * @param backends per service, base URLs ({@code scheme://host:port}) of individual API backends
   * @param log (source, line) for the services that are not tested
   */
  List<Probe> all(Map<String, List<String>> backends, BiConsumer<String, String> log) {
    List<Probe> probes = new ArrayList<>();
    for (String service : List.of(Catalog.IDENTITY, Catalog.COMPUTE, Catalog.OBJECT_STORE)) {
      Optional<String> url = session.state().catalog().url(service);
      if (url.isEmpty()) {
        log.accept("openstack", service + " is not tested: the service catalog has no " + service + " endpoint for "
            + "interface '" + session.cloud().interfaceName() + "'" + session.cloud().regionName()
                .map(r -> " in region " + r).orElse(""));
        continue;
      }
      probes.add(probe(service, service + "/fresh", Transport.FRESH, null));
      probes.add(probe(service, service + "/keepalive", Transport.KEEPALIVE, null));
      for (String backend : backends.getOrDefault(service, List.of())) {
        URI base = URI.create(backend.trim());
        probes.add(probe(service, service + "/backend/" + base.getAuthority(), Transport.FRESH, base));
      }
    }
    return probes;
  }

  /** One series; {@code backend} (scheme and authority only) replaces the catalog's host when set. */
  ApiProbe probe(String service, String series, Transport transport, URI backend) {
    Function<AuthState, Request> request = switch (service) {
      case Catalog.IDENTITY -> identityRequest(backend);
      case Catalog.COMPUTE -> state -> new Request("GET", at(backend, state.catalog().require(service)
          + "/servers?limit=1"), Map.of("Accept", "application/json"), null, true);
      default -> state -> new Request("HEAD", at(backend, state.catalog().require(service)), Map.of(), null, true);
    };
    return new ApiProbe(service, series, transport, session, request, check(service), fresh, shared);
  }

  private Function<AuthState, Request> identityRequest(URI backend) {
    if (identityMode == IdentityMode.VALIDATE) {
      return state -> new Request("GET", at(backend, identityV3(state) + "/auth/tokens?nocatalog"),
          Map.of("X-Subject-Token", state.tokenId(), "Accept", "application/json"), null, true);
    }
    return state -> new Request("POST", at(backend, identityV3(state) + "/auth/tokens?nocatalog"),
        Map.of("Content-Type", "application/json", "Accept", "application/json"), passwordAuth, false);
  }

  private Check check(String service) {
    return switch (service) {
      // the token header alone would pass a cut-off or garbled body, which every client fails to parse
      case Catalog.IDENTITY -> ApiProbe.both(ApiProbe.header("X-Subject-Token"), ApiProbe.jsonObject("token"));
      case Catalog.COMPUTE -> ApiProbe.jsonArray("servers");
      default -> ApiProbe.header("X-Account-Container-Count");
    };
  }

  /** Keystone's v3 root from the catalog (which may or may not carry {@code /v3}), else auth_url. */
  private String identityV3(AuthState state) {
    return state.catalog().url(Catalog.IDENTITY).map(CloudConfig::v3Url).orElse(session.cloud().authUrl());
  }

  private static URI at(URI backend, String url) {
    URI uri = URI.create(url);
    if (backend == null) {
      return uri;
    }
    return URI.create(backend.getScheme() + "://" + backend.getRawAuthority() + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  /** The body of a password authentication, scoped like the plugin's own token. Holds the password. */
  static byte[] passwordAuthBody(CloudConfig cloud) {
    ObjectNode root = Rest.JSON.createObjectNode();
    ObjectNode identity = root.putObject("auth").putObject("identity");
    identity.putArray("methods").add("password");
    ObjectNode user = identity.putObject("password").putObject("user");
    if (cloud.userId() != null && cloud.username() == null) {
      user.put("id", cloud.userId());
    } else {
      user.put("name", cloud.username());
      domain(user, cloud.userDomainName(), cloud.userDomainId());
    }
    user.put("password", cloud.password().reveal());
    ObjectNode project = ((ObjectNode) root.get("auth")).putObject("scope").putObject("project");
    if (cloud.projectId() != null) {
      project.put("id", cloud.projectId());
    } else {
      project.put("name", cloud.projectName());
      domain(project, cloud.projectDomainName(), cloud.projectDomainId());
    }
    try {
      return Rest.JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot build the authentication request", e);
    }
  }

  private static void domain(ObjectNode owner, String name, String id) {
    if (id != null) {
      owner.putObject("domain").put("id", id);
    } else if (name != null) {
      owner.putObject("domain").put("name", name);
    }
  }
}
