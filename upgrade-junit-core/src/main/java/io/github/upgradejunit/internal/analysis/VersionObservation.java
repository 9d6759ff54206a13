package io.github.upgradejunit.internal.analysis;

import java.util.Objects;

/**
 * One observation of a service's version, as a plugin reported it (the OpenStack plugin reports
 * each service's version when it changes, and once when a runner starts).
 *
 * @param service the service, named as its probes name it
 * @param atMicros when it was observed (epoch microseconds)
 * @param version the version, e.g. {@code 2.93}
 * @param release the release name, e.g. {@code Zed}; {@code null} when unknown
 * @param runner the runner that observed it; {@code null} when unknown
 */
public record VersionObservation(String service, long atMicros, String version, String release,
    String runner) {

  /** Requires a service and a version. */
  public VersionObservation {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
  }

  /** An observation without a runner. */
  public VersionObservation(String service, long atMicros, String version, String release) {
    this(service, atMicros, version, release, null);
  }

  /** {@code 2.93 (Zed)}, or just the version when the release is unknown. */
  String text() {
    return release == null || release.isBlank() ? version : version + " (" + release + ")";
  }
}
