/**
 * What a test author uses to test an OpenStack upgrade: resources to declare as
 * {@code @PersistentResource} fields ({@link io.github.upgradejunit.openstack.Server},
 * {@link io.github.upgradejunit.openstack.Container},
 * {@link io.github.upgradejunit.openstack.ApplicationCredential}) and service handles to declare as
 * test method parameters ({@link io.github.upgradejunit.openstack.Keystone},
 * {@link io.github.upgradejunit.openstack.Nova}, {@link io.github.upgradejunit.openstack.Swift}).
 *
 * <p>The plugin behind them is found on the classpath; it connects to the cloud that
 * {@code upgrade.cloud}, {@code OS_CLOUD} or the {@code OS_*} variables name (or starts the embedded
 * simulator with {@code upgrade.cloud=simulator}), probes the APIs in the background, keeps the
 * honored-request ledger and validates the release. See {@code docs/openstack.md}.
 */
package io.github.upgradejunit.openstack;
