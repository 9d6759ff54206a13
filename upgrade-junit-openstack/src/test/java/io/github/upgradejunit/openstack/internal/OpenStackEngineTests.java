package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.openstack.ApplicationCredential;
import io.github.upgradejunit.openstack.Container;
import io.github.upgradejunit.openstack.Keystone;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.Swift;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** One whole run through the core engine against the embedded simulator playing a short scenario. */
class OpenStackEngineTests {

  /** Two backends per service, each restarted after draining: nothing fails, versions move to 2023.1. */
  private static final String SCENARIO = """
      {
        "name": "short-rolling",
        "backends": { "identity": 2, "compute": 2, "object-store": 2 },
        "steps": [
          { "type": "pause", "ms": 500, "name": "steady" },
          { "type": "rolling-restart", "service": "compute", "drain": true, "drainMs": 200, "outageMs": 400,
            "gapMs": 200, "version": "2.95", "name": "upgrade nova-api" },
          { "type": "rolling-restart", "service": "object-store", "drain": true, "drainMs": 200, "outageMs": 400,
            "gapMs": 200, "version": "2.31.1", "name": "upgrade swift proxies" },
          { "type": "pause", "ms": 500, "name": "settle" }
        ]
      }
      """;

  static final AtomicInteger DURING_WRITES = new AtomicInteger();

  /** What a team would write; nested so that Surefire does not run it on its own. */
  @UpgradeTest(services = {"compute", "object-store", "identity"})
  static class CloudSurvivesUpgrade {
    @PersistentResource Server web;
    @PersistentResource Container archive;
    @PersistentResource ApplicationCredential robot;

    @BeforeUpgrade
    void resourcesAreReady() {
      assertThat(web.status()).isEqualTo("ACTIVE");
      assertThat(archive.objectNames()).contains("large.bin");
      assertThat(robot.authenticates()).isTrue();
    }

    @DuringUpgrade(every = "300ms")
    void usersCanLogIn(Keystone keystone) {
      assertThat(keystone.issueToken()).isAfter(Instant.now());
    }

    @DuringUpgrade(every = "400ms")
    void objectsCanBeWrittenAndRead(Swift swift) {
      byte[] data = ("write " + DURING_WRITES.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
      swift.put("scratch", "o" + DURING_WRITES.get(), data);
      assertThat(swift.get("scratch", "o" + DURING_WRITES.get())).isEqualTo(data);
    }

    @DuringUpgrade(every = "500ms")
    void serversCanBeListed(Nova nova) {
      assertThat(nova.servers()).extracting(Server::id).contains(web.id());
    }

    @AfterUpgrade
    void resourcesSurvived(Swift swift) {
      assertThat(web.status()).isEqualTo("ACTIVE");
      assertThat(archive.read("readme.txt")).isNotEmpty();
      assertThat(robot.authenticates()).isTrue();
      assertThat(swift.list("scratch")).isNotEmpty();
    }
  }

  @TempDir
  Path directory;

  @Test
  void aWholeRunAgainstTheSimulatorProbesCreatesVerifiesAndCleansUp() throws Exception {
    Path scenario = Files.writeString(directory.resolve("short.json"), SCENARIO);
    String store = "jdbc:sqlite:" + directory.resolve("s.db");
    Path report = directory.resolve("report");

    EngineExecutionResults results = EngineTestKit.engine(new UpgradeTestEngine())
        .configurationParameter("upgrade.phase", "all")
        .configurationParameter("upgrade.cloud", "simulator")
        .configurationParameter("upgrade.scenario", scenario.toString())
        .configurationParameter("upgrade.store", store)
        .configurationParameter("upgrade.report.dir", report.toString())
        .configurationParameter("upgrade.control.port", "0")
        .configurationParameter("upgrade.probe.baseline", "1s")
        .configurationParameter("upgrade.probe.tail", "1s")
        .configurationParameter("upgrade.openstack.version.interval", "250ms")
        .selectors(selectClass(CloudSurvivesUpgrade.class))
        .execute();

    results.testEvents().assertStatistics(s -> s.failed(0));
    assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(5);
    assertThat(Files.exists(report.resolve("truth.json"))).isTrue();
    try (Store s = Store.open(store)) {
      String run = s.runs().get(0).id();
      Set<String> series = new HashSet<>();
      s.samples(run, sample -> series.add(sample.series()));
      assertThat(series).contains("identity/fresh", "identity/keepalive", "compute/fresh", "compute/keepalive",
          "object-store/fresh", "object-store/keepalive");
      List<Rows.Resource> resources = s.resources(run);
      assertThat(resources).hasSize(3).allSatisfy(r -> assertThat(r.state()).isEqualTo("deleted"));
      assertThat(resources).extracting(Rows.Resource::name).allMatch(n -> n.startsWith("uj-"));
      assertThat(s.resourceChecks(run)).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).isEqualTo("intact"));
      assertThat(s.versions(run)).extracting(Rows.Version::service, Rows.Version::version)
          .contains(org.assertj.core.groups.Tuple.tuple("compute", "2.93"),
              org.assertj.core.groups.Tuple.tuple("compute", "2.95"),
              org.assertj.core.groups.Tuple.tuple("object-store", "2.31.1"));
      assertThat(s.ledger(run)).isNotEmpty().allSatisfy(e -> assertThat(e.fate()).isEqualTo("HONORED"));
      assertThat(s.logs(run, "openstack")).extracting(Rows.Log::line)
          .noneMatch(l -> l.contains("demo-password"));
    }
  }
}
