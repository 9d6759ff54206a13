package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.OpenStackException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Image;

/**
 * Nova operations the plugin needs, each on the calling thread. Reads and deletes go through
 * openstack4j at microversion 2.1 (where its model is complete: flavor and image are plain ids);
 * creates go through plain HTTP at microversion 2.37, because openstack4j can neither send a
 * microversion per call nor express {@code "networks": "none"}. Waiting polls every 250 ms
 * (openstack4j's own wait polls once a second). Thread-safe.
 */
final class Compute {

  static final String SERVICE = Catalog.COMPUTE;
  private static final String MICROVERSION = "compute 2.37";
  private static final Duration POLL = Duration.ofMillis(250);
  /** The page asked for: Nova's default {@code [api] max_limit}. */
  static final int PAGE = 1000;
  private static final Duration CONFLICT_RETRY = Duration.ofSeconds(30);

  /** How servers are built; flavor and image are resolved on first use when not configured. */
  record Settings(String flavor, String image, String network, String keypair, Duration timeout) {
  }

  /** What Nova answered a create: the status, and the id when it accepted. */
  record Posted(int status, String id, String message) {
    boolean accepted() {
      return status >= 200 && status < 300 && id != null;
    }
  }

  private final CloudSession session;
  private final Rest rest;
  private final Settings settings;
  private final CircuitBreaker breaker;
  private volatile String flavorId;
  private volatile String imageId;

  Compute(CloudSession session, Rest rest, Settings settings, CircuitBreaker breaker) {
    this.session = session;
    this.rest = rest;
    this.settings = settings;
    this.breaker = breaker;
  }

  Duration timeout() {
    return settings.timeout();
  }

  /**
   * Create a server and wait until it is ACTIVE; {@code idKnown} gets the id as soon as Nova
   * answers. A server that ends in ERROR or stays in BUILD is deleted again before this fails.
   */
  ServerState create(String name, Map<String, String> metadata, Consumer<String> idKnown) {
    breaker.check("server " + name);
    try {
      Posted posted = post(name, metadata);
      if (!posted.accepted()) {
        throw Failures.answered(SERVICE, "creating server " + name, posted.status(), posted.message());
      }
      idKnown.accept(posted.id());
      ServerState state = awaitActiveOrDelete(posted.id(), name);
      breaker.succeeded();
      return state;
    } catch (RuntimeException e) {
      breaker.failed(e);
      throw e;
    }
  }

  private ServerState awaitActiveOrDelete(String id, String name) {
    try {
      return awaitActive(id, settings.timeout());
    } catch (RuntimeException e) {
      try {
        delete(id);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Send the create request only, and say what Nova answered (for the request ledger). */
  Posted post(String name, Map<String, String> metadata) {
    ObjectNode server = Rest.JSON.createObjectNode();
    server.put("name", name).put("imageRef", imageId()).put("flavorRef", flavorId());
    networks(server);
    if (settings.keypair() != null) {
      server.put("key_name", settings.keypair());
    }
    ObjectNode meta = server.putObject("metadata");
    metadata.forEach(meta::put);
    Rest.Response response = rest.callJson(SERVICE, "POST", "/servers", Map.of("OpenStack-API-Version", MICROVERSION),
        Map.of("server", server));
    if (!response.ok()) {
      return new Posted(response.status(), null, response.apiMessage());
    }
    try {
      JsonNode id = response.json().path("server").path("id");
      return new Posted(response.status(), id.isTextual() ? id.asText() : null, "");
    } catch (IOException e) {
      return new Posted(response.status(), null, "the answer is not JSON");
    }
  }

  private void networks(ObjectNode server) {
    String network = settings.network() == null ? "none" : settings.network().trim();
    switch (network.toLowerCase(Locale.ROOT)) {
      case "none", "auto" -> server.put("networks", network.toLowerCase(Locale.ROOT));
      default -> server.putArray("networks").addObject().put("uuid", network);
    }
  }

  /** The server now, or empty when Nova says 404. */
  Optional<ServerState> find(String id) {
    try {
      return session.withClient(SERVICE,
          os -> Optional.ofNullable(os.compute().servers().get(id)).map(ServerState::of));
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "GET /servers/" + id, e);
    }
  }

  /** The project's servers, every page. */
  List<ServerState> list() {
    return list(Map.of());
  }

  /**
   * The project's servers whose name starts with the prefix. Nova filters by name itself (a
   * regular expression), so the listing holds the run's servers however many others the project
   * holds.
   */
  List<ServerState> listNamed(String prefix) {
    if (!prefix.matches("[A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("a name prefix of letters, digits, '_' and '-' only: " + prefix);
    }
    return list(Map.of("name", "^" + prefix));
  }

  private List<ServerState> list(Map<String, String> filter) {
    return list(filter, PAGE);
  }

  /**
   * Every page of a listing. openstack4j drops Nova's "next" link, so a full page is taken to mean
   * there may be more, and the next is asked for after its last server. A cloud whose
   * {@code [api] max_limit} is below the page size answers short pages and is read only to its
   * first; Nova's default is {@link #PAGE}.
   */
  List<ServerState> list(Map<String, String> filter, int page) {
    List<ServerState> all = new ArrayList<>();
    Set<String> markers = new HashSet<>();
    String marker = null;
    while (true) {
      Map<String, String> query = new LinkedHashMap<>(filter);
      query.put("limit", String.valueOf(page));
      if (marker != null) {
        query.put("marker", marker);
      }
      List<ServerState> servers = fetch(query);
      all.addAll(servers);
      if (servers.size() < page) {
        return all;
      }
      marker = servers.get(servers.size() - 1).id();
      if (!markers.add(marker)) {
        throw new OpenStackException(SERVICE, 200, "Nova: GET /servers/detail returned the page after " + marker
            + " again; the listing does not advance", null);
      }
    }
  }

  private List<ServerState> fetch(Map<String, String> query) {
    try {
      return session.withClient(SERVICE,
          os -> os.compute().servers().list(query).stream().map(s -> ServerState.of(s)).toList());
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "GET /servers/detail", e);
    }
  }

  /** Wait for ACTIVE; fails at once on ERROR, or when the server vanishes or the time is up. */
  ServerState awaitActive(String id, Duration timeout) {
    ServerState state = await(id, timeout, s -> s.isEmpty() || !"BUILD".equals(s.get().status()), "to leave BUILD")
        .orElseThrow(() -> new OpenStackException(SERVICE, 404, "Nova: server " + id
            + " disappeared while it was being built", null));
    if (!"ACTIVE".equals(state.status())) {
      throw new OpenStackException(SERVICE, 0, "Nova: server " + state.name() + " (" + id + ") ended in "
          + state.status() + " instead of ACTIVE" + (state.fault() == null ? "" : ": " + state.fault()), null);
    }
    return state;
  }

  /** Delete a server and wait until it is gone; already gone is fine. */
  void delete(String id) {
    requestDelete(id);
    awaitGone(id);
  }

  /**
   * Ask Nova to delete a server; a 409 (the server is busy) is retried for 30 s.
   *
   * @return the status of the final answer: a 2xx, or 404 when it was already gone
   * @throws OpenStackException with Nova's status when it refuses
   */
  int requestDelete(String id) {
    long until = System.nanoTime() + CONFLICT_RETRY.toNanos();
    ActionResponse answer = deleteOnce(id);
    while (answer.getCode() == 409 && System.nanoTime() < until) {
      sleep(Duration.ofSeconds(1));
      answer = deleteOnce(id);
    }
    if (!answer.isSuccess() && answer.getCode() != 404) {
      throw Failures.answered(SERVICE, "DELETE /servers/" + id, answer.getCode(), answer.getFault());
    }
    return answer.getCode();
  }

  /** Wait until Nova answers 404 for the server. */
  void awaitGone(String id) {
    await(id, settings.timeout(), Optional::isEmpty, "to disappear after its delete");
  }

  private ActionResponse deleteOnce(String id) {
    try {
      return session.withClient(SERVICE, os -> os.compute().servers().delete(id));
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "DELETE /servers/" + id, e);
    }
  }

  /** Poll until the condition holds; returns the last state seen. */
  Optional<ServerState> await(String id, Duration timeout, Predicate<Optional<ServerState>> done, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ServerState> state = find(id);
      if (done.test(state)) {
        return state;
      }
      if (System.nanoTime() > deadline) {
        throw new OpenStackException(SERVICE, 0, "Nova: server " + id + " did not manage " + what + " within "
            + timeout.toSeconds() + " s (status " + state.map(ServerState::status).orElse("gone") + ")", null);
      }
      sleep(POLL);
    }
  }

  private String flavorId() {
    if (flavorId == null) {
      flavorId = lookup("GET /flavors/detail", () -> session.withClient(SERVICE, os -> {
        List<? extends Flavor> flavors = os.compute().flavors().list();
        return pick(flavors.stream().filter(f -> matches(settings.flavor(), f.getId(), f.getName()))
            .min(Comparator.<Flavor>comparingInt(Flavor::getRam).thenComparingInt(Flavor::getDisk))
            .map(Flavor::getId), "flavor", settings.flavor(), flavors.stream().map(Flavor::getName).toList());
      }));
    }
    return flavorId;
  }

  /**
   * Images through Nova's image proxy at microversion 2.1: deprecated, but present in every Nova
   * this plugin supports and answering without a Glance in the catalog (the simulator has none).
   */
  @SuppressWarnings("deprecation")
  private String imageId() {
    if (imageId == null) {
      imageId = lookup("GET /images/detail", () -> session.withClient(SERVICE, os -> {
        List<? extends Image> images = os.compute().images().list();
        return pick(images.stream().filter(i -> i.getStatus() == null || "ACTIVE".equals(i.getStatus().name()))
            .filter(i -> matches(settings.image(), i.getId(), i.getName()))
            .min(Comparator.comparing(Image::getName, Comparator.nullsLast(Comparator.naturalOrder())))
            .map(Image::getId), "image", settings.image(), images.stream().map(Image::getName).toList());
      }));
    }
    return imageId;
  }

  private static String lookup(String call, java.util.function.Supplier<String> read) {
    try {
      return read.get();
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, call, e);
    }
  }

  private static boolean matches(String wanted, String id, String name) {
    return wanted == null || wanted.equals(id) || wanted.equals(name);
  }

  private static String pick(Optional<String> found, String what, String wanted, List<String> available) {
    return found.orElseThrow(() -> new IllegalStateException("Nova has no " + what
        + (wanted == null ? "" : " '" + wanted + "'") + " to build servers with; available: " + available
        + " (set upgrade.openstack.server." + what + ")"));
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Nova", e);
    }
  }

}
