package io.github.upgradejunit.openstack.internal;

import java.util.Objects;

/**
 * A password (or credential secret) that cannot leak by accident: its {@link #toString()} is a
 * mask, so a secret inside a record, an exception message or a log line shows as {@code ****}.
 * Only {@link #reveal()} gives the value, and only code that sends it to Keystone calls it.
 * Immutable and thread-safe.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Wrap a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself, for the request that needs it; never log or store it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
