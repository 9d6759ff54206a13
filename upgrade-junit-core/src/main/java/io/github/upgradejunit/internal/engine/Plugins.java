package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.HealthCheck;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.PluginSession;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ResourceType;
import io.github.upgradejunit.spi.UpgradeDriver;
import io.github.upgradejunit.spi.UpgradePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The plugins on the classpath, found with {@link ServiceLoader}, and their open sessions. */
public final class Plugins implements AutoCloseable {

  private final PluginContext context;
  private final List<PluginSession> sessions;

  private Plugins(PluginContext context, List<PluginSession> sessions) {
    this.context = context;
    this.sessions = sessions;
  }

  /** Every plugin on the classpath. */
  public static List<UpgradePlugin> available() {
    List<UpgradePlugin> plugins = new ArrayList<>();
    ServiceLoader.load(UpgradePlugin.class, Plugins.class.getClassLoader()).forEach(plugins::add);
    return plugins;
  }

  /** The keys of the core and of every plugin on the classpath. */
  public static List<ConfigKey> declaredKeys(List<ConfigKey> coreKeys) {
    List<ConfigKey> keys = new ArrayList<>(coreKeys);
    available().forEach(p -> keys.addAll(p.configKeys()));
    return keys;
  }

  static Plugins open(PluginContext context) {
    List<PluginSession> sessions = new ArrayList<>();
    for (UpgradePlugin plugin : available()) {
      try {
        plugin.open(context).ifPresent(sessions::add);
      } catch (Exception e) {
        sessions.forEach(Plugins::closeQuietly);
        throw new IllegalStateException("The " + plugin.name() + " plugin cannot start: " + e.getMessage(), e);
      }
    }
    return new Plugins(context, sessions);
  }

  PluginContext context() {
    return context;
  }

  List<PluginSession> sessions() {
    return sessions;
  }

  /** Every probe the plugins contribute. */
  public List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    sessions.forEach(s -> probes.addAll(s.probes()));
    return probes;
  }

  /** Every health check the plugins contribute. */
  public List<HealthCheck> healthChecks() {
    List<HealthCheck> checks = new ArrayList<>();
    sessions.forEach(s -> checks.addAll(s.healthChecks()));
    return checks;
  }

  /** The resource type serving a field type, if a plugin has one. */
  public Optional<ResourceType<?>> resourceType(Class<?> type) {
    return sessions.stream().flatMap(s -> s.resourceTypes().stream())
        .filter(t -> t.type().isAssignableFrom(type) || type.isAssignableFrom(t.type()))
        .findFirst();
  }

  /** The resource type with this class name (as journaled). */
  public Optional<ResourceType<?>> resourceType(String typeName) {
    return sessions.stream().flatMap(s -> s.resourceTypes().stream())
        .filter(t -> t.type().getName().equals(typeName))
        .findFirst();
  }

  /** A driver by name. */
  public Optional<UpgradeDriver> driver(String name) {
    return sessions.stream().flatMap(s -> s.drivers().stream()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** The first driver any plugin offers, used when none is configured. */
  public Optional<UpgradeDriver> defaultDriver() {
    return sessions.stream().flatMap(s -> s.drivers().stream()).findFirst();
  }

  /** A handle for a parameter type. */
  public Optional<Object> handle(Class<?> type) {
    return sessions.stream().map(s -> s.handle(type)).flatMap(Optional::stream).findFirst();
  }

  /** Let every plugin reconcile what it recorded during the upgrade. */
  void afterUpgrade() {
    for (PluginSession session : sessions) {
      try {
        session.afterUpgrade();
      } catch (Exception e) {
        Console.line("WARNING: a plugin's after-upgrade work failed: " + e);
      }
    }
  }

  @Override
  public void close() {
    sessions.forEach(Plugins::closeQuietly);
  }

  private static void closeQuietly(PluginSession session) {
    try {
      session.close();
    } catch (Exception e) {
      Console.line("WARNING: closing a plugin failed: " + e);
    }
  }
}
