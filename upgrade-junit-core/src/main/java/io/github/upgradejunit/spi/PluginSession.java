package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an opened plugin contributes to one JVM's part of a run. Every method has an empty default,
 * so a plugin implements only what it has. Closed when the JVM's part of the run ends.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PluginSession extends AutoCloseable {

  /** Probes for the background uptime monitor; each runs open-loop at the configured rate. */
  default List<Probe> probes() {
    return List.of();
  }

  /** Health checks run before the upgrade and after it, each reported as a test of its own. */
  default List<HealthCheck> healthChecks() {
    return List.of();
  }

  /** Types usable as {@code @PersistentResource} fields. */
  default List<ResourceType<?>> resourceTypes() {
    return List.of();
  }

  /** Upgrade drivers selectable with {@code upgrade.driver}. */
  default List<UpgradeDriver> drivers() {
    return List.of();
  }

  /**
   * A handle to inject into a test method parameter of the given type (for example a client for
   * one service), or empty when this plugin does not provide that type.
   */
  default Optional<Object> handle(Class<?> type) {
    return Optional.empty();
  }

  /**
   * Called after the upgrade window closed and before the after-phase tests, for work such as
   * reconciling the honored-request ledger. Whatever it records goes to the store.
   */
  default void afterUpgrade() throws Exception {
  }

  @Override
  default void close() throws Exception {
  }
}
