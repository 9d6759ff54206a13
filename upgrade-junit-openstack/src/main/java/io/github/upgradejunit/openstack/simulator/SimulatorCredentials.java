package io.github.upgradejunit.openstack.simulator;

import java.util.Objects;

/**
 * A Keystone account of the simulator, in the shape a clouds.yaml entry or
 * {@code OSFactory.builderV3()} needs. Users and projects live in the {@code Default} domain.
 * {@link #toString()} never shows the password, so passing this to a logger is safe.
 *
 * @param admin whether the user also has the {@code admin} role on its project
 */
public record SimulatorCredentials(String username, String password, String projectName,
    boolean admin) {

  /** The domain every simulated user and project lives in. */
  public static final String DOMAIN = "Default";

  public SimulatorCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(projectName, "projectName");
  }

  public String userDomainName() {
    return DOMAIN;
  }

  public String projectDomainName() {
    return DOMAIN;
  }

  @Override
  public String toString() {
    return "SimulatorCredentials[username=" + username + ", project=" + projectName
        + ", admin=" + admin + ", password=***]";
  }
}
