package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.Keystone;
import java.time.Instant;

/** The {@link Keystone} handle. Thread-safe: it holds only the shared session's helpers. */
final class KeystoneHandle implements Keystone {

  private final Identity identity;

  KeystoneHandle(Identity identity) {
    this.identity = identity;
  }

  @Override
  public Instant issueToken() {
    return identity.issueToken();
  }

  @Override
  public boolean validateToken() {
    return identity.validateToken();
  }

  @Override
  public String toString() {
    return "Keystone";
  }
}
