package io.github.upgradejunit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.MeasureLatency;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Server;

/**
 * Nova: a server booted before the upgrade survives it unchanged, and new servers can be booted
 * while it runs.
 *
 * <p>The background monitor already measures the compute API's uptime ten times a second; these
 * checks test what the API must <em>do</em>. A rolling upgrade may take the API away for a
 * moment, so the during checks here use {@link Retry#within} — they assert that the API works
 * again within a few seconds, which is what a rolling upgrade promises. Drop the retry to demand
 * more.
 */
@UpgradeTest(services = "compute")
class ComputeUpgradeTest {

  /** Booted before the upgrade; its status, flavor, image, addresses and metadata must not change. */
  @PersistentResource
  Server web;

  @BeforeUpgrade
  void theServerIsActive() {
    assertThat(web.status()).isEqualTo("ACTIVE");
  }

  /** Every 2 s: the server is still listed and still ACTIVE. */
  @DuringUpgrade(every = "2s")
  void theServerStaysActive(Nova nova) {
    Server seen = Retry.within(5, () -> nova.server(web.id()).orElseThrow());
    assertThat(seen.status()).isEqualTo("ACTIVE");
  }

  /**
   * Every 5 s: a new server can be booted and deleted. Each create and delete made during the
   * upgrade goes into the honored-request ledger; after the upgrade every accepted one is checked.
   */
  @DuringUpgrade(every = "5s")
  void serversCanBeBooted(Nova nova) {
    Server server = Retry.within(5, () -> nova.createServer("boot-check"));
    assertThat(server.status()).isEqualTo("ACTIVE");
    Retry.within(5, () -> {
      nova.deleteServer(server.id());
      return null;
    });
  }

  @AfterUpgrade
  void theServerSurvived(Nova nova) {
    assertThat(nova.server(web.id())).get().extracting(Server::status).isEqualTo("ACTIVE");
  }

  @AfterUpgrade
  @MeasureLatency(budget = "2s")
  void serversCanBeListed(Nova nova) {
    assertThat(nova.servers()).extracting(Server::id).contains(web.id());
  }
}
