package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin session across JVMs of one run (during, then after): what handles leave waits for the
 * ledger, then goes; versions are observed; nothing leaks.
 */
class OpenStackSessionTests {

  @TempDir
  Path directory;

  @Test
  void whatTheDuringJvmLeavesIsReconciledAndSweptByTheAfterJvm() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      FakeContext during = new FakeContext("20261125T130000-ef56", directory)
          .with("upgrade.openstack.version.interval", "1h");
      during.phase = Phase.DURING;
      String container = during.resourceName("scratch");
      String serverName;
      try (OpenStackSession session = OpenStackSession.open(during, new PluginLog(during), cloud.cloud, Optional.empty(),
          Optional.empty())) {
        ((Swift) session.handle(Swift.class).orElseThrow()).put("scratch", "o", new byte[] {1, 2, 3});
        Server server = ((Nova) session.handle(Nova.class).orElseThrow()).createServer("forgotten");
        serverName = server.name();
      }
      // the server's create was settled (ACTIVE), so it went; the upload still waits for its check
      assertThat(cloud.compute().list()).extracting(ServerState::name).doesNotContain(serverName);
      assertThat(cloud.storage().exists(container)).isTrue();
      assertThat(during.versions).extracting(v -> v.get(0)).contains("identity", "compute", "object-store");

      FakeContext after = new FakeContext(during.runId, directory).with("upgrade.openstack.version.interval", "1h");
      after.phase = Phase.AFTER;
      after.ledger.entries.addAll(during.ledger.entries);
      try (OpenStackSession session = OpenStackSession.open(after, new PluginLog(after), cloud.cloud, Optional.empty(),
          Optional.empty())) {
        session.afterUpgrade();
        assertThat(after.ledger.only(Ledger.PUT_OBJECT).fate()).isEqualTo(Fate.HONORED);
      }
      assertThat(cloud.storage().exists(container)).isFalse();
    }
  }

  @Test
  void theSweepCommandListsAndDeletesARunsLeftovers() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      String run = "20261125T140000-aa11";
      cloud.storage().createContainer("uj-" + run.toLowerCase().replace("-", "") + "-left", java.util.Map.of(
          RunTag.KEY, run));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // the command reads the real environment; without OS_* it must refuse clearly, not guess
      int code = SweepCommand.run(new String[] {"--run", run, "--cloud", "no-such-cloud-here"},
          new PrintStream(out), new PrintStream(out));
      assertThat(code).isEqualTo(2);
      assertThat(out.toString()).startsWith("sweep failed: ");

      Sweeper sweeper = new Sweeper(Optional.of(cloud.compute()), Optional.of(cloud.storage()),
          Optional.of(cloud.identity()), (s, l) -> { });
      assertThat(sweeper.find(run, false)).hasSize(1);
      assertThat(sweeper.delete(sweeper.find(run, false))).isEmpty();
      assertThat(sweeper.find(run, false)).isEmpty();
    }
  }
}
