package io.github.upgradejunit.testkit;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.HealthCheck;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.PluginSession;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import io.github.upgradejunit.spi.ResourceJournal;
import io.github.upgradejunit.spi.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plugin for the core's own tests: boxes kept in this JVM's memory as persistent resources, and
 * one probe whose health a test switches. Active only with {@code upgrade.testkit.enabled=true}.
 */
public final class InMemoryPlugin implements io.github.upgradejunit.spi.UpgradePlugin {

  public static final ConfigKey ENABLED = ConfigKey.choice("upgrade.testkit.enabled", "false",
      "Activate the in-memory test plugin; 'refused' makes it fail to start, as a wrong password would.",
      "true", "false", "refused");

  /** An HTTP URL the probe GETs instead of reading {@link #HEALTHY}: lets child JVMs probe a target. */
  public static final ConfigKey TARGET = ConfigKey.string("upgrade.testkit.target", null,
      "An HTTP URL the testkit probe requests (2xx is up); by default it reads an in-memory flag.");

  /** Boxes that exist, by id: what a cloud would hold. */
  public static final Map<String, Box> BOXES = new ConcurrentHashMap<>();

  /** The health checks the plugin contributes; tests set them. */
  public static final List<HealthCheck> HEALTH_CHECKS = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Whether boxes contribute a data-plane probe each (off unless a test turns it on). */
  public static final AtomicBoolean DATA_PLANE = new AtomicBoolean(false);

  /** Whether the probe succeeds. */
  public static final AtomicBoolean HEALTHY = new AtomicBoolean(true);

  @Override
  public String name() {
    return "testkit";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(ENABLED, TARGET);
  }

  @Override
  public Optional<PluginSession> open(PluginContext context) {
    if ("refused".equals(context.config().get(ENABLED))) {
      throw new IllegalStateException("the cloud refused the credentials (401)");
    }
    if (!Boolean.parseBoolean(context.config().get(ENABLED))) {
      return Optional.empty();
    }
    String target = context.config().find(TARGET).orElse(null);
    return Optional.of(new PluginSession() {
      @Override
      public List<ResourceType<?>> resourceTypes() {
        return List.of(new BoxType());
      }

      @Override
      public List<HealthCheck> healthChecks() {
        return List.copyOf(HEALTH_CHECKS);
      }

      @Override
      public List<Probe> probes() {
        if (target != null) {
          return List.of(Probe.of("boxes", "boxes/http", deadline -> get(target)));
        }
        return List.of(Probe.of("boxes", "boxes/memory", deadline -> HEALTHY.get()
            ? ProbeResult.success() : ProbeResult.ofStatus(503)));
      }
    });
  }

  private static ProbeResult get(String target) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(target).toURL().openConnection();
      c.setConnectTimeout(1_000);
      c.setReadTimeout(1_000);
      int status = c.getResponseCode();
      try (java.io.InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return status / 100 == 2 ? ProbeResult.success() : ProbeResult.ofStatus(status);
    } catch (java.io.IOException e) {
      return ProbeResult.failed(io.github.upgradejunit.spi.ErrorClass.CONNECT, e.toString());
    }
  }

  static final class BoxType implements ResourceType<Box> {
    @Override
    public String service() {
      return "boxes";
    }

    @Override
    public Class<Box> type() {
      return Box.class;
    }

    @Override
    public Box create(String name, ResourceJournal journal) {
      Box box = new Box(UUID.randomUUID().toString(), name, "hello");
      journal.recordId(box.id());
      BOXES.put(box.id(), box);
      return box;
    }

    @Override
    public String id(Box resource) {
      return resource.id();
    }

    @Override
    public Optional<Box> find(String id) {
      return Optional.ofNullable(BOXES.get(id));
    }

    @Override
    public Map<String, String> fingerprint(Box resource) {
      return Map.of("name", resource.name(), "content", resource.content());
    }

    @Override
    public void delete(String id) {
      BOXES.remove(id);
    }

    /** With {@link #DATA_PLANE} on: a probe that fails once the box is gone. */
    @Override
    public List<Probe> probes(Box box) {
      return DATA_PLANE.get() ? List.of(Probe.of("boxes-dataplane", "boxes-dataplane/" + box.name(),
          deadline -> BOXES.containsKey(box.id()) ? ProbeResult.success() : ProbeResult.ofStatus(404)))
          : List.of();
    }
  }
}
