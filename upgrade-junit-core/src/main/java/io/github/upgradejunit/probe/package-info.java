/**
 * Built-in probes and the HTTP transports they use, for users (through properties alone:
 * {@code upgrade.probe.<name>.url}, {@code upgrade.probe.<name>.tcp}) and for plugin authors
 * (a {@link io.github.upgradejunit.probe.TcpProbe} of a server's SSH port, an
 * {@link io.github.upgradejunit.probe.HttpProbe} of a load balancer). See docs/probes.md.
 */
package io.github.upgradejunit.probe;
