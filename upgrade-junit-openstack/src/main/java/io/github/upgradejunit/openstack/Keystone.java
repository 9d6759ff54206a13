package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Keystone for a test method: declare a parameter of this type and the plugin injects it.
 * Issuing a token is what every user and every OpenStack service does first, so it is the check
 * that matters while Keystone is upgraded. Each call goes to Keystone at once; safe to use from any
 * thread, including concurrent during checks.
 *
 * <pre>{@code
 * @DuringUpgrade(every = "2s") void usersCanLogIn(Keystone keystone) {
 *   assertThat(keystone.issueToken()).isAfter(Instant.now());
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Keystone {

  /**
   * Issue a new project-scoped token with the configured credentials and return when it expires.
   * The token itself is dropped: tests never see a secret.
   *
   * @throws OpenStackException when Keystone refuses (with its status) or does not answer
   */
  Instant issueToken();

  /**
   * Whether Keystone still accepts the plugin's shared token ({@code GET /v3/auth/tokens}); false
   * when it answers 401 or 404 (revoked, expired, or unknown after a key rotation gone wrong).
   *
   * @throws OpenStackException when Keystone does not answer, or answers another error
   */
  boolean validateToken();
}
