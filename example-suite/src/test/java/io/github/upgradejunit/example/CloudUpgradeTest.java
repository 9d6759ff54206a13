package io.github.upgradejunit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.UpgradeRun;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.openstack.Keystone;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Swift;

/**
 * A user's whole journey, across services: log in, see the servers, use object storage. Before the
 * upgrade this is the baseline; after it, the proof that the cloud as a whole still works.
 */
@UpgradeTest(services = {"identity", "compute", "object-store"})
class CloudUpgradeTest {

  @BeforeUpgrade
  void aUserCanUseTheCloud(Keystone keystone, Nova nova, Swift swift, UpgradeRun run) {
    userJourney(keystone, nova, swift, run);
  }

  @AfterUpgrade
  void aUserCanStillUseTheCloud(Keystone keystone, Nova nova, Swift swift, UpgradeRun run) {
    userJourney(keystone, nova, swift, run);
  }

  private static void userJourney(Keystone keystone, Nova nova, Swift swift, UpgradeRun run) {
    assertThat(keystone.validateToken()).isTrue();
    assertThat(nova.servers()).isNotNull();
    byte[] note = ("run " + run.id() + ", phase " + run.phase().key()).getBytes();
    swift.put("journey", "note", note);
    assertThat(swift.get("journey", "note")).isEqualTo(note);
    swift.delete("journey", "note");
  }
}
