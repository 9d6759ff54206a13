package io.github.upgradejunit.openstack.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The OpenStack services the simulator speaks. Scenario files and {@code truth.json} name them by
 * their Keystone catalog type ({@link #type()}), so the names a user reads in a report are the
 * names a real cloud's catalog uses.
 */
public enum SimulatedService {
  /** Keystone v3. */
  IDENTITY("identity", "keystone", 2),
  /** Nova (API v2.1 with microversions). */
  COMPUTE("compute", "nova", 1),
  /** Swift (API v1). */
  OBJECT_STORE("object-store", "swift", 2);

  private final String type;
  private final String catalogName;
  private final int defaultBackends;

  SimulatedService(String type, String catalogName, int defaultBackends) {
    this.type = type;
    this.catalogName = catalogName;
    this.defaultBackends = defaultBackends;
  }

  /** The catalog type, e.g. {@code object-store}; also the name used in scenarios and truth. */
  public String type() {
    return type;
  }

  /** The catalog name, e.g. {@code swift}. */
  public String catalogName() {
    return catalogName;
  }

  /** How many backends the load balancer of this service has unless configured otherwise. */
  public int defaultBackends() {
    return defaultBackends;
  }

  /**
   * The service with this catalog type or catalog name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SimulatedService fromName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (SimulatedService service : values()) {
      if (service.type.equals(wanted) || service.catalogName.equals(wanted)) {
        return service;
      }
    }
    throw new IllegalArgumentException("unknown service '" + name + "', expected one of "
        + Arrays.stream(values()).map(SimulatedService::type).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return type;
  }
}
