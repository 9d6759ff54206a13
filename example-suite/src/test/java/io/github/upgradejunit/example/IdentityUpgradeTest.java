package io.github.upgradejunit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.MeasureLatency;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.openstack.ApplicationCredential;
import io.github.upgradejunit.openstack.Keystone;
import java.time.Instant;

/**
 * Keystone: users can log in through the whole upgrade, and credentials made before it still work.
 *
 * <p>{@code services = "identity"} makes these results count toward the identity verdict.
 */
@UpgradeTest(services = "identity")
class IdentityUpgradeTest {

  /** Created once before the upgrade, by a plain project member; deleted at the end of the run. */
  @PersistentResource
  ApplicationCredential credential;

  @BeforeUpgrade
  void theCredentialAuthenticates() {
    assertThat(credential.authenticates()).isTrue();
  }

  /**
   * Every second for the whole upgrade: a user gets a token. The latency of each call is recorded
   * per phase, so the report shows whether logging in got slower while Keystone was upgraded.
   */
  @DuringUpgrade(every = "1s")
  @MeasureLatency
  void usersCanLogIn(Keystone keystone) {
    assertThat(keystone.issueToken()).isAfter(Instant.now());
  }

  @AfterUpgrade
  void theCredentialStillAuthenticates() {
    assertThat(credential.authenticates()).isTrue();
  }

  @AfterUpgrade
  @MeasureLatency(budget = "2s")
  void tokensAreStillValidated(Keystone keystone) {
    assertThat(keystone.validateToken()).isTrue();
  }
}
