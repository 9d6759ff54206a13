package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.PluginSession;
import io.github.upgradejunit.spi.UpgradePlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The OpenStack plugin, found by {@link java.util.ServiceLoader}: Keystone, Nova and Swift probes,
 * persistent servers, containers and application credentials, the {@code Keystone}, {@code Nova}
 * and {@code Swift} handles, the request ledger and the release validator, for the cloud that
 * {@code upgrade.cloud}, {@code OS_CLOUD} or the {@code OS_*} variables name, or for the embedded
 * simulator ({@code upgrade.cloud=simulator}). Without any of them it stays off and says why.
 * Stateless; each {@link #open} returns an independent session.
 */
public final class OpenStackPlugin implements UpgradePlugin {

  @Override
  public String name() {
    return "openstack";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return OpenStackKeys.ALL;
  }

  @Override
  public Optional<PluginSession> open(PluginContext context) throws Exception {
    PluginLog log = new PluginLog(context);
    Optional<String> requested = context.config().find(OpenStackKeys.CLOUD).map(String::trim);
    if (requested.filter(OpenStackKeys.SIMULATOR::equalsIgnoreCase).isPresent()) {
      return Optional.of(openSimulator(context, log));
    }
    CloudLocator locator = new CloudLocator(context.config()::environment, Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")), Path.of("/etc/openstack"));
    CloudLocator.Located located = locator.locate(requested);
    if (located.cloud().isEmpty()) {
      log.accept("openstack", "plugin off: " + located.reason());
      return Optional.empty();
    }
    CloudConfig cloud = located.cloud().get();
    log.accept("openstack", "testing " + cloud.where() + " at " + cloud.authUrl() + ", interface "
        + cloud.interfaceName() + cloud.regionName().map(r -> ", region " + r).orElse(""));
    Optional<CloudConfig> admin = context.config().find(OpenStackKeys.ADMIN_CLOUD)
        .map(name -> locator.locate(Optional.of(name.trim())).cloud().orElseThrow());
    return Optional.of(OpenStackSession.open(context, log, cloud, admin, Optional.empty()));
  }

  private static PluginSession openSimulator(PluginContext context, PluginLog log) throws Exception {
    String scenario = context.config().get(OpenStackKeys.SCENARIO);
    String phase = context.config().withPrefix("upgrade.phase").getOrDefault("upgrade.phase", "all");
    if (!"all".equalsIgnoreCase(phase)) {
      log.accept("openstack", "WARNING: the embedded simulator lives only as long as this JVM, so upgrade.phase="
          + phase + " sees a fresh, empty cloud; use upgrade.phase=all, or run the simulator standalone and point "
          + "clouds.yaml at it");
    }
    SimulatedCloud simulated = SimulatedCloud.start(scenario);
    try {
      log.accept("openstack", "embedded simulator at " + simulated.simulator().authUrl() + ", scenario '"
          + simulated.driver().scenario().name() + "' (about " + simulated.driver().scenario().estimatedDuration()
          .toSeconds() + " s)");
      Optional<CloudConfig> admin = context.config().find(OpenStackKeys.ADMIN_CLOUD)
          .filter(OpenStackKeys.SIMULATOR::equalsIgnoreCase).map(name -> simulated.adminCloud());
      return OpenStackSession.open(context, log, simulated.cloud(), admin, Optional.of(simulated));
    } catch (RuntimeException e) {
      simulated.close();
      throw e;
    }
  }
}
