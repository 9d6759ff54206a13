package io.github.upgradejunit.openstack.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Nova's data: servers, keypairs, the fixed flavors and the one image. Server state is derived
 * from the clock when read (BUILD until the build time has passed, gone once a delete finished),
 * so no background thread is needed and nothing can hang. Also holds the compute faults: lost
 * servers and dropped creates.
 */
final class ComputeStore {

  record Flavor(String id, String name, int ram, int disk, int vcpus) {
  }

  record Image(String id, String name, long size, Instant created) {
  }

  record Keypair(int id, String name, String publicKey, String fingerprint, String type,
      String userId, Instant created) {
  }

  /** What clients see of a server at one instant. */
  enum Phase { BUILD, ACTIVE, SHUTOFF, DELETING }

  /** A server; mutable fields are guarded by the store's lock. */
  static final class Server {
    final String id;
    final String projectId;
    final String userId;
    final Flavor flavor;
    final Image image;
    final String keyName;
    final Instant created;
    final Instant activeAt;
    final String adminPass;
    final String description;
    String name;
    Instant updated;
    Map<String, String> metadata;
    boolean stopped;
    Instant deleteAt;
    Instant vanishAt;

    Server(String id, String name, String projectId, String userId, Flavor flavor, Image image,
        String keyName, Map<String, String> metadata, Instant created, Instant activeAt,
        String description) {
      this.id = id;
      this.name = name;
      this.projectId = projectId;
      this.userId = userId;
      this.flavor = flavor;
      this.image = image;
      this.keyName = keyName;
      this.metadata = new LinkedHashMap<>(metadata);
      this.created = created;
      this.updated = created;
      this.activeAt = activeAt;
      this.adminPass = IdentityStore.randomUrlSafe(9);
      this.description = description;
    }

    Phase phase(Instant now) {
      if (deleteAt != null) {
        return Phase.DELETING;
      }
      if (now.isBefore(activeAt)) {
        return Phase.BUILD;
      }
      return stopped ? Phase.SHUTOFF : Phase.ACTIVE;
    }

    /** Before {@code activeAt}: "scheduling" for the first third, then "spawning". */
    String buildTask(Instant now) {
      Duration total = Duration.between(created, activeAt);
      return Duration.between(created, now).compareTo(total.dividedBy(3)) < 0
          ? "scheduling" : "spawning";
    }
  }

  /** How a dropped create behaves: never created, or created and silently deleted later. */
  enum DropMode { NEVER_CREATED, DELETED_LATER }

  static final List<Flavor> FLAVORS = List.of(
      new Flavor("42", "m1.nano", 128, 1, 1),
      new Flavor("1", "m1.tiny", 512, 1, 1),
      new Flavor("2", "m1.small", 2048, 20, 1),
      new Flavor("3", "m1.medium", 4096, 40, 2));

  static final List<Image> IMAGES = List.of(new Image("8a0e5d1f-3c4b-4f7e-9a62-2b1d7c9e0f11",
      "cirros-0.6.2-x86_64-disk", 21_430_272L, Instant.parse("2026-01-05T09:00:00Z")));

  private final Duration buildTime;
  private final Duration deleteTime;
  private final int maxServers;
  private final TruthRecorder truth;
  private final Map<String, Server> servers = new LinkedHashMap<>();
  private final Map<String, Map<String, Keypair>> keypairs = new LinkedHashMap<>();
  private int nextKeypairId = 1;
  private int dropPercent;
  private DropMode dropMode = DropMode.NEVER_CREATED;
  private Duration dropDelay = Duration.ZERO;
  private long createsSeen;
  private long createsDropped;

  ComputeStore(Duration buildTime, Duration deleteTime, int maxServers, TruthRecorder truth) {
    this.buildTime = buildTime;
    this.deleteTime = deleteTime;
    this.maxServers = maxServers;
    this.truth = truth;
  }

  int maxServers() {
    return maxServers;
  }

  static Optional<Flavor> flavor(String id) {
    return FLAVORS.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  static Optional<Image> image(String id) {
    return IMAGES.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  // ---- servers -------------------------------------------------------------------------------

  /** A new server, or empty when the project's quota is used up. */
  synchronized Optional<Server> create(String name, String projectId, String userId, Flavor flavor,
      Image image, String keyName, Map<String, String> metadata, String description) {
    Instant now = Instant.now();
    purge(now);
    if (countFor(projectId) >= maxServers) {
      return Optional.empty();
    }
    Server server = new Server(UUID.randomUUID().toString(), name, projectId, userId, flavor,
        image, keyName, metadata, now, now.plus(buildTime), description);
    if (!dropIfSelected(server, now)) {
      servers.put(server.id, server);
    }
    return Optional.of(server);
  }

  /** Decides deterministically (every n-th create for the configured percentage). */
  private boolean dropIfSelected(Server server, Instant now) {
    if (dropPercent <= 0) {
      return false;
    }
    createsSeen++;
    long due = createsSeen * dropPercent / 100;
    if (due <= createsDropped) {
      return false;
    }
    createsDropped++;
    if (dropMode == DropMode.NEVER_CREATED) {
      truth.fault("dropped-create", SimulatedService.COMPUTE, server.name, server.id, now, null,
          "accepted with 202 but never created");
      return true;
    }
    server.vanishAt = now.plus(dropDelay);
    truth.fault("dropped-create", SimulatedService.COMPUTE, server.name, server.id, now,
        server.vanishAt, "created, then silently deleted after " + dropDelay.toMillis() + " ms");
    return false;
  }

  synchronized int countFor(String projectId) {
    purge(Instant.now());
    return (int) servers.values().stream().filter(s -> s.projectId.equals(projectId)).count();
  }

  synchronized int usedCores(String projectId) {
    return servers.values().stream().filter(s -> s.projectId.equals(projectId))
        .mapToInt(s -> s.flavor.vcpus()).sum();
  }

  synchronized int usedRam(String projectId) {
    return servers.values().stream().filter(s -> s.projectId.equals(projectId))
        .mapToInt(s -> s.flavor.ram()).sum();
  }

  /** The project's servers (all projects' when {@code projectId} is null), newest first. */
  synchronized List<Server> list(String projectId) {
    purge(Instant.now());
    List<Server> list = new ArrayList<>();
    for (Server s : servers.values()) {
      if (projectId == null || s.projectId.equals(projectId)) {
        list.add(s);
      }
    }
    list.sort(Comparator.comparing((Server s) -> s.created).reversed());
    return list;
  }

  synchronized Optional<Server> get(String projectId, String id) {
    purge(Instant.now());
    Server server = servers.get(id);
    return server != null && (projectId == null || server.projectId.equals(projectId))
        ? Optional.of(server) : Optional.empty();
  }

  /** Starts deleting; the server disappears after the delete time. */
  synchronized boolean delete(String projectId, String id) {
    Optional<Server> server = get(projectId, id);
    server.ifPresent(s -> {
      if (s.deleteAt == null) {
        s.deleteAt = Instant.now().plus(deleteTime);
      }
    });
    purge(Instant.now());
    return server.isPresent();
  }

  /** Runs a change on a server under the store's lock. */
  synchronized <T> T modify(Server server, Function<Server, T> change) {
    T result = change.apply(server);
    server.updated = Instant.now();
    return result;
  }

  private void purge(Instant now) {
    servers.values().removeIf(s -> (s.deleteAt != null && !now.isBefore(s.deleteAt))
        || (s.vanishAt != null && !now.isBefore(s.vanishAt)));
  }

  // ---- faults --------------------------------------------------------------------------------

  /**
   * Makes servers vanish without a trace (a lost instance): the {@code count} oldest servers whose
   * name contains {@code nameFragment} (any server when it is null or empty).
   */
  synchronized List<Server> lose(String nameFragment, int count) {
    Instant now = Instant.now();
    purge(now);
    List<Server> victims = servers.values().stream()
        .filter(s -> s.deleteAt == null)
        .filter(s -> nameFragment == null || s.name.contains(nameFragment))
        .sorted(Comparator.comparing((Server s) -> s.created))
        .limit(count).toList();
    for (Server victim : victims) {
      servers.remove(victim.id);
      truth.fault("lose-server", SimulatedService.COMPUTE, victim.name, victim.id, now, null,
          "server disappeared");
    }
    return victims;
  }

  /** Drops the given percentage of creates from now on (0 stops dropping). */
  synchronized void dropCreates(int percent, DropMode mode, Duration delay) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100, got " + percent);
    }
    dropPercent = percent;
    dropMode = mode;
    dropDelay = delay;
    createsSeen = 0;
    createsDropped = 0;
  }

  synchronized long createsDropped() {
    return createsDropped;
  }

  // ---- keypairs ------------------------------------------------------------------------------

  synchronized Optional<Keypair> addKeypair(String userId, String name, String publicKey,
      String fingerprint, String type) {
    Map<String, Keypair> own = keypairs.computeIfAbsent(userId, u -> new LinkedHashMap<>());
    if (own.containsKey(name)) {
      return Optional.empty();
    }
    Keypair keypair = new Keypair(nextKeypairId++, name, publicKey, fingerprint, type, userId,
        Instant.now());
    own.put(name, keypair);
    return Optional.of(keypair);
  }

  synchronized List<Keypair> keypairs(String userId) {
    return List.copyOf(keypairs.getOrDefault(userId, Map.of()).values());
  }

  synchronized Optional<Keypair> keypair(String userId, String name) {
    return Optional.ofNullable(keypairs.getOrDefault(userId, Map.of()).get(name));
  }

  synchronized boolean deleteKeypair(String userId, String name) {
    Map<String, Keypair> own = keypairs.get(userId);
    return own != null && own.remove(name) != null;
  }
}
