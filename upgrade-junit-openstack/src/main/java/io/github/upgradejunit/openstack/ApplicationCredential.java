package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A Keystone application credential, the identity resource a project member can own: an upgrade
 * of Keystone must keep it, and it must still authenticate afterwards. As a
 * {@code @PersistentResource} field it is created before the upgrade (restricted, with the run
 * tag in its description) and deleted at the end of the run.
 *
 * <p>Its secret is never stored: the plugin derives it from the run and the configured password, so
 * any later JVM of the run can authenticate with it while the store holds no secret. Safe to use
 * from any thread.
 *
 * <pre>{@code
 * @PersistentResource ApplicationCredential robot;
 * @AfterUpgrade void stillAuthenticates() { assertThat(robot.authenticates()).isTrue(); }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ApplicationCredential {

  /** Keystone's id of the credential. */
  String id();

  /** Its name, with the run prefix. */
  String name();

  /**
   * Whether Keystone issues a token for it now ({@code POST /v3/auth/tokens} with the
   * {@code application_credential} method): false when Keystone refuses it (401 or 404).
   *
   * @throws OpenStackException when Keystone does not answer, or answers an error other than 401/404
   */
  boolean authenticates();

  /**
   * What must not change, read now: name, project, roles, expiry, restriction, description, and
   * whether it authenticates.
   */
  Map<String, String> details();
}
