package io.github.upgradejunit.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.store.Rows.Resource;
import io.github.upgradejunit.internal.store.Rows.Run;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.internal.monitor.ProbeScheduler;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persistent resources of a run: created once (journaled before and after the create call),
 * found again in later JVMs, verified against their fingerprint, and deleted at the end. Only ids
 * from this run's journal are ever deleted.
 */
public final class Resources {

  /** The outcome of verifying one resource. */
  public record Verification(String key, String name, String service, String verdict, String details) {
    public boolean intact() {
      return "intact".equals(verdict);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final Run run;
  private final Plugins plugins;
  private final Map<String, Object> live = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, List<Probe>> dataPlane = new ConcurrentHashMap<>();
  private volatile ProbeScheduler monitor;

  Resources(Store store, Run run, Plugins plugins) {
    this.store = store;
    this.run = run;
    this.plugins = plugins;
  }

  /**
   * The resource for a field: created in the before phase the first time it is asked for, found
   * again from the journal in every later phase and JVM.
   */
  public Object obtain(String key, Class<?> fieldType, String baseName, Phase phase) throws Exception {
    Object existing = live.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      existing = live.get(key);
      if (existing != null) {
        return existing;
      }
      Optional<Resource> journaled = journaled(key);
      Object resource;
      if (journaled.isPresent()) {
        resource = load(journaled.get(), fieldType);
      } else if (phase == Phase.BEFORE) {
        resource = create(key, fieldType, baseName);
      } else {
        throw new IllegalStateException("The persistent resource '" + key + "' was never created in run " + run.id()
            + ": resources are created in the before phase. Run -Dupgrade.phase=before first (or use -Dupgrade.phase=all).");
      }
      live.put(key, resource);
      startProbes(key, resource, fieldType);
      return resource;
    }
  }

  /**
   * Probe the data plane of every created resource with this monitor from now on, as long as the
   * resource lives: the resources journaled so far at once, those created later as they are
   * created; a resource's probes stop before it is deleted. Returns how many probes started now.
   */
  public int probeWith(ProbeScheduler scheduler) {
    this.monitor = scheduler;
    for (Resource row : store.resources(run.id())) {
      if ("created".equals(row.state()) && !dataPlane.containsKey(row.key())) {
        found(row).ifPresent(resource -> startProbes(row.key(), resource, resource.getClass()));
      }
    }
    return dataPlane.values().stream().mapToInt(List::size).sum();
  }

  private Optional<Object> found(Resource row) {
    try {
      Object resource = live.get(row.key());
      if (resource == null) {
        Optional<ResourceType<?>> type = plugins.resourceType(row.type());
        return type.isEmpty() ? Optional.empty() : type.get().find(row.resourceId()).map(r -> (Object) r);
      }
      return Optional.of(resource);
    } catch (Exception e) {
      Console.line("WARNING: cannot find " + row.name() + " to probe its data plane: " + e.getMessage());
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private void startProbes(String key, Object resource, Class<?> fieldType) {
    ProbeScheduler scheduler = monitor;
    Optional<ResourceType<?>> type = plugins.resourceType(fieldType);
    if (scheduler == null || type.isEmpty() || dataPlane.containsKey(key)) {
      return;
    }
    List<Probe> probes;
    try {
      probes = ((ResourceType<Object>) type.get()).probes(resource);
    } catch (RuntimeException e) {
      Console.line("WARNING: the data-plane probes of " + key + " cannot start: " + e.getMessage());
      return;
    }
    dataPlane.put(key, List.copyOf(probes));
    probes.forEach(scheduler::add);
    probes.forEach(p -> Console.line("probing the data plane of " + key + ": " + p.series()));
  }

  private void stopProbes(String key) {
    List<Probe> probes = dataPlane.remove(key);
    ProbeScheduler scheduler = monitor;
    if (probes != null && scheduler != null) {
      probes.forEach(p -> scheduler.remove(p.series()));
    }
  }

  private Optional<Resource> journaled(String key) {
    return store.resources(run.id()).stream().filter(r -> r.key().equals(key)).findFirst();
  }

  @SuppressWarnings("unchecked")
  private Object create(String key, Class<?> fieldType, String baseName) throws Exception {
    ResourceType<Object> type = (ResourceType<Object>) typeFor(fieldType);
    String name = run.resourcePrefix() + baseName;
    store.resourcePlanned(run.id(), key, type.service(), type.type().getName(), name);
    try {
      Object resource = type.create(name, id -> store.resourceIdKnown(run.id(), key, id));
      store.resourceCreated(run.id(), key, type.id(resource), json(type.fingerprint(resource)));
      Console.line("created " + type.service() + " resource " + name + " (" + type.id(resource) + ")");
      return resource;
    } catch (Exception | Error e) {
      store.resourceState(run.id(), key, "failed", String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private Object load(Resource row, Class<?> fieldType) throws Exception {
    if (!"created".equals(row.state())) {
      throw new IllegalStateException("The persistent resource '" + row.name() + "' is " + row.state()
          + (row.error() == null ? "" : " (" + row.error() + ")") + " in run " + run.id());
    }
    ResourceType<?> type = typeFor(fieldType);
    return type.find(row.resourceId()).orElseThrow(() -> new AssertionError("The persistent resource '" + row.name()
        + "' (" + row.resourceId() + ") is gone: it was created before the upgrade and no longer exists."));
  }

  private ResourceType<?> typeFor(Class<?> fieldType) {
    return plugins.resourceType(fieldType).orElseThrow(() -> new IllegalStateException(
        "No plugin provides persistent resources of type " + fieldType.getName()
            + ". Is the plugin (e.g. upgrade-junit-openstack) on the test classpath, and is its cloud configured?"));
  }

  /** Verify every created resource of the run and record the outcome for the phase. */
  public List<Verification> verifyAll(Phase phase) {
    List<Verification> results = new ArrayList<>();
    for (Resource row : store.resources(run.id())) {
      if ("created".equals(row.state())) {
        Verification v = verify(row);
        store.resourceCheck(run.id(), row.key(), phase.key(), v.verdict(), v.details());
        results.add(v);
      }
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private Verification verify(Resource row) {
    Optional<ResourceType<?>> maybeType = plugins.resourceType(row.type());
    if (maybeType.isEmpty()) {
      return new Verification(row.key(), row.name(), row.service(), "unverified",
          "no plugin for " + row.type() + " is active");
    }
    ResourceType<Object> type = (ResourceType<Object>) maybeType.get();
    try {
      Optional<Object> found = type.find(row.resourceId());
      if (found.isEmpty()) {
        return new Verification(row.key(), row.name(), row.service(), "gone", "no longer exists");
      }
      String changes = differences(parse(row.fingerprint()), new TreeMap<>(type.fingerprint(found.get())));
      return new Verification(row.key(), row.name(), row.service(), changes.isEmpty() ? "intact" : "affected", changes);
    } catch (Exception e) {
      return new Verification(row.key(), row.name(), row.service(), "unverified", "verification failed: " + e.getMessage());
    }
  }

  static String differences(Map<String, String> before, Map<String, String> after) {
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<String> changes = new ArrayList<>();
    for (String key : keys) {
      String was = before.get(key);
      String now = after.get(key);
      if (was == null ? now != null : !was.equals(now)) {
        changes.add(key + ": " + (was == null ? "(none)" : was) + " -> " + (now == null ? "(none)" : now));
      }
    }
    return String.join("; ", changes);
  }

  /**
   * Delete every resource the journal holds an id for; a resource that cannot be deleted is marked
   * leaked. Returns the leaked resources' names.
   */
  public List<String> cleanup() {
    dataPlane.keySet().forEach(this::stopProbes); // our own deletion is no outage
    return cleanup(store, run.id(), plugins);
  }

  /** Replay a run's journal and delete what it created; also used by {@code cleanup --run ID}. */
  public static List<String> cleanup(Store store, String runId, Plugins plugins) {
    List<String> leaked = new ArrayList<>();
    for (Resource row : store.resources(runId)) {
      if ("deleted".equals(row.state())) {
        continue;
      }
      if (row.resourceId() == null) {
        if (!"failed".equals(row.state())) {
          store.resourceState(runId, row.key(), "leaked", "its id was never journaled; look for the name " + row.name());
          leaked.add(row.name());
        }
        continue;
      }
      Optional<ResourceType<?>> type = plugins.resourceType(row.type());
      try {
        if (type.isEmpty()) {
          throw new IllegalStateException("no active plugin can delete a " + row.type());
        }
        type.get().delete(row.resourceId());
        store.resourceState(runId, row.key(), "deleted", null);
        Console.line("deleted " + row.service() + " resource " + row.name());
      } catch (Exception e) {
        store.resourceState(runId, row.key(), "leaked", String.valueOf(e.getMessage()));
        leaked.add(row.name() + " (" + row.resourceId() + "): " + e.getMessage());
      }
    }
    return leaked;
  }

  private static String json(Map<String, String> fingerprint) throws JsonProcessingException {
    return JSON.writeValueAsString(new TreeMap<>(fingerprint));
  }

  private static Map<String, String> parse(String json) throws JsonProcessingException {
    return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
  }
}
