package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import java.time.Duration;
import org.openstack4j.core.transport.Config;

/**
 * The connect and read timeouts of every API call the plugin makes outside the probes (which have
 * the core's whole-call deadline). Immutable.
 */
public record Timeouts(Duration connect, Duration read) {

  /** The openstack4j configuration with both timeouts set, and TLS verification as the cloud asks. */
  Config openstack4j(Tls tls) {
    Config config = Config.newConfig().withConnectionTimeout(millis(connect)).withReadTimeout(millis(read));
    return tls.verify() ? config : config.withSSLVerificationDisabled();
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }
}
