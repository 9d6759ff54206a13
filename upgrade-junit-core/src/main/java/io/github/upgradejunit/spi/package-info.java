/**
 * The service provider interface: how a plugin teaches Upgrade JUnit about a system under upgrade.
 *
 * <p>A plugin is one {@link io.github.upgradejunit.spi.UpgradePlugin} listed in
 * {@code META-INF/services/io.github.upgradejunit.spi.UpgradePlugin}. When a run starts, each plugin
 * is {@linkplain io.github.upgradejunit.spi.UpgradePlugin#open opened} and contributes, through its
 * {@link io.github.upgradejunit.spi.PluginSession}, {@linkplain io.github.upgradejunit.spi.Probe
 * probes} for the uptime monitor, {@linkplain io.github.upgradejunit.spi.ResourceType resource types}
 * for {@code @PersistentResource} fields, {@linkplain io.github.upgradejunit.spi.UpgradeDriver upgrade
 * drivers} and injectable handles. The core knows nothing else about the system under test.
 */
package io.github.upgradejunit.spi;
