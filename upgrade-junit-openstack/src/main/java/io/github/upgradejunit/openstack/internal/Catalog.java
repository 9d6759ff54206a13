package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.identity.v3.Token;

/**
 * The endpoints the plugin uses, one per catalog type, chosen by interface and region from a
 * token's catalog. A service that is missing here is reported as not tested rather than failing
 * the run. Immutable.
 */
public record Catalog(Map<String, String> urls) {

  public static final String IDENTITY = "identity";
  public static final String COMPUTE = "compute";
  public static final String OBJECT_STORE = "object-store";

  public Catalog {
    urls = java.util.Collections.unmodifiableMap(new TreeMap<>(urls));
  }

  /** The endpoints of a token's catalog for the interface and (when not null) the region. */
  public static Catalog of(Token token, String interfaceName, String region) {
    Map<String, String> urls = new TreeMap<>();
    for (Service service : token.getCatalog()) {
      for (Endpoint endpoint : service.getEndpoints()) {
        boolean iface = endpoint.getIface() != null && endpoint.getIface().value().equalsIgnoreCase(interfaceName);
        boolean inRegion = region == null || region.equals(endpoint.getRegion()) || region.equals(endpoint.getRegionId());
        if (iface && inRegion && endpoint.getUrl() != null) {
          urls.putIfAbsent(service.getType(), trimSlash(endpoint.getUrl().toString()));
        }
      }
    }
    return new Catalog(urls);
  }

  /**
   * Swift's root, where its middleware answers ({@code /healthcheck}, {@code /info}): the
   * object-store endpoint up to its {@code /v1}, e.g. {@code http://h:8080/v1/AUTH_x} →
   * {@code http://h:8080}, keeping a path prefix a proxy may add ({@code https://h/swift}).
   */
  static String swiftRoot(String endpoint) {
    int at = endpoint.indexOf("/v1");
    return at < 0 ? trimSlash(endpoint) : endpoint.substring(0, at);
  }

  static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The endpoint of a catalog type, without a trailing slash. */
  public Optional<String> url(String type) {
    return Optional.ofNullable(urls.get(type));
  }

  /** The endpoint of a catalog type, or an exception saying the catalog lacks it. */
  public String require(String type) {
    return url(type).orElseThrow(() -> new OpenStackException(type, 0, "The service catalog has no " + type
        + " endpoint for this interface and region (it lists " + urls.keySet() + "), so " + type
        + " is not tested", null));
  }
}
