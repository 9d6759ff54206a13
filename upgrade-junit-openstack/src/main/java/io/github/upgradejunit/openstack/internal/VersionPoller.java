package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The release validator: polls Keystone's {@code /v3} document, Nova's maximum microversion and
 * Swift's {@code /info} at the start, every interval on its own thread, and at the end, and reports
 * each service's version whenever it changes (and at start and end). Behind a load balancer the
 * answers alternate between old and new backends during a rolling upgrade, which is exactly the
 * mixed-version window the report shows. Version discovery needs no token. Thread-safe.
 */
final class VersionPoller implements AutoCloseable {

  /** Receives (service, version, release). */
  @FunctionalInterface
  interface Sink {
    void observed(String service, String version, String release);
  }

  private final CloudSession session;
  private final Rest rest;
  private final Duration interval;
  private final Sink sink;
  private final BiConsumer<String, String> log;
  private final Map<String, String> last = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private volatile Thread thread;

  VersionPoller(CloudSession session, Rest rest, Duration interval, Sink sink, BiConsumer<String, String> log) {
    this.session = session;
    this.rest = rest;
    this.interval = interval;
    this.sink = sink;
    this.log = log;
  }

  /** Poll once now (reporting every service), then every interval in the background. */
  VersionPoller start() {
    poll(true);
    Thread t = new Thread(this::loop, "upgrade-junit-openstack-versions");
    t.setDaemon(true);
    thread = t;
    t.start();
    return this;
  }

  private void loop() {
    while (thread != null) {
      try {
        Thread.sleep(interval.toMillis());
        poll(false);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.accept("openstack", "version poll failed: " + e.getMessage());
      }
    }
  }

  /**
   * Read every service's version; report it when it changed, or always with {@code force}.
   *
   * @return the versions read, by service (services that did not answer are left out)
   */
  Map<String, String> poll(boolean force) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String service : List.of(Catalog.IDENTITY, Catalog.COMPUTE, Catalog.OBJECT_STORE)) {
      read(service).ifPresent(version -> {
        seen.put(service, version);
        String before = last.put(service, version);
        if (force || !version.equals(before)) {
          sink.observed(service, version, Releases.release(service, version));
        }
      });
    }
    return seen;
  }

  /**
   * Read each service's version several times and report every distinct version seen: after the
   * upgrade, more than one means an API node was left behind (the analysis flags mixed versions).
   */
  void settle(int reads) {
    for (String service : List.of(Catalog.IDENTITY, Catalog.COMPUTE, Catalog.OBJECT_STORE)) {
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < reads; i++) {
        read(service).ifPresent(seen::add);
      }
      seen.forEach(version -> {
        last.put(service, version);
        sink.observed(service, version, Releases.release(service, version));
      });
    }
  }

  /** The version of one service now, or empty when it is not in the catalog or did not answer. */
  Optional<String> read(String service) {
    Optional<String> endpoint = session.state().catalog().url(service);
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<String> version = switch (service) {
        case Catalog.IDENTITY -> field(get(service, CloudConfig.v3Url(endpoint.get())), "version", "id")
            .map(v -> v.startsWith("v") ? v.substring(1) : v);
        case Catalog.COMPUTE -> computeVersion(get(service, computeRoot(endpoint.get())));
        default -> field(get(service, Catalog.swiftRoot(endpoint.get()) + "/info"), "swift", "version");
      };
      failures.remove(service);
      return version.filter(v -> !v.isBlank());
    } catch (RuntimeException | IOException e) {
      if (failures.put(service, "x") == null) {
        log.accept("openstack", "the " + service + " version could not be read: " + e.getMessage());
      }
      return Optional.empty();
    }
  }

  private JsonNode get(String service, String url) throws IOException {
    Rest.Response response = rest.send(service, "GET", URI.create(url), Map.of("Accept", "application/json"), null,
        null);
    return Rest.expectOk(service, "GET " + URI.create(url).getPath(), response).json();
  }

  private static Optional<String> field(JsonNode root, String object, String name) {
    return Optional.ofNullable(root).map(r -> r.path(object).path(name)).filter(JsonNode::isValueNode)
        .map(JsonNode::asText);
  }

  /**
   * {@code http://h:8774/v2.1/<project>} → {@code http://h:8774/}: Nova's version list, the one
   * document Nova serves without a token ({@code /v2.1} itself answers 401).
   */
  static String computeRoot(String endpoint) {
    int at = endpoint.indexOf("/v2.1");
    return (at < 0 ? endpoint : endpoint.substring(0, at)) + "/";
  }

  /** The maximum microversion of the {@code v2.1} entry of Nova's version list. */
  private static Optional<String> computeVersion(JsonNode versions) {
    for (JsonNode version : versions.path("versions")) {
      if ("v2.1".equals(version.path("id").asText())) {
        return Optional.of(version.path("version").asText());
      }
    }
    return Optional.empty();
  }


  /** Stop polling and report every service's version one last time. */
  @Override
  public void close() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      poll(true);
    }
  }
}
