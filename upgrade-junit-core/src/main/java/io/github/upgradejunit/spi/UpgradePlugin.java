package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The entry point of a plugin, found with {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are stateless factories; state lives in the {@link PluginSession} that
 * {@link #open} returns for one JVM's part of a run.
 *
 * <pre>{@code
 * public final class CinderPlugin implements UpgradePlugin {
 *   public String name() { return "cinder"; }
 *   public List<ConfigKey> configKeys() { return List.of(VOLUME_SIZE); }
 *   public Optional<PluginSession> open(PluginContext context) {
 *     return Optional.of(new CinderSession(context));
 *   }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UpgradePlugin {

  /** A short, lower-case name used in logs and reports, e.g. {@code openstack}. */
  String name();

  /**
   * The {@code upgrade.*} keys this plugin reads. Keys that no plugin and not the core declares
   * fail the run at start, so a typo never silently falls back to a default.
   */
  default List<ConfigKey> configKeys() {
    return List.of();
  }

  /**
   * Open the plugin for this JVM's part of the run, or return empty when it has nothing to do here
   * (for example, no cloud is configured); the reason should then be logged by the plugin.
   *
   * @throws Exception when the plugin is configured but cannot start; the message names the cause
   */
  Optional<PluginSession> open(PluginContext context) throws Exception;
}
