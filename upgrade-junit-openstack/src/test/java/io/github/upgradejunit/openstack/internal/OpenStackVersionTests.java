package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.openstack.simulator.SimulatedService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The release validator: the version table, and polling the three services through a version change. */
class OpenStackVersionTests {

  @Test
  void versionsMapToReleasesAndSaySoWhenTheyAreAmbiguousOrUnknown() {
    assertThat(Releases.release("compute", "2.93")).isEqualTo("Zed");
    assertThat(Releases.release("compute", "2.95")).isEqualTo("2023.1 Antelope or 2023.2 Bobcat");
    assertThat(Releases.release("compute", "2.96")).isEqualTo("2024.1 Caracal or 2024.2 Dalmatian");
    assertThat(Releases.release("compute", "2.100")).isEqualTo("2025.1 Epoxy or 2025.2 Flamingo");
    assertThat(Releases.release("compute", "2.94")).isEqualTo("between Zed and 2023.1 Antelope or 2023.2 Bobcat "
        + "(Nova 2.94 ended no release)");
    assertThat(Releases.release("compute", "2.110")).startsWith("newer than 2026.1 Gazpacho");
    assertThat(Releases.release("object-store", "2.30.1")).isEqualTo("Zed");
    assertThat(Releases.release("object-store", "2.31.1")).isEqualTo("2023.1 Antelope");
    assertThat(Releases.release("object-store", "2.32.0")).isEqualTo("2023.2 Bobcat");
    assertThat(Releases.release("identity", "3.14")).startsWith("Ussuri or later");
    assertThat(Releases.release("identity", "v3.13")).isEqualTo("Train");
    assertThat(Releases.release("compute", "garbage")).startsWith("unknown");
    assertThat(Releases.table()).contains(List.of("compute", "2.93", "Zed"));
  }

  @Test
  void thePollerReportsEveryServiceAtTheStartEachChangeAndAgainAtTheEnd() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      List<List<String>> seen = new CopyOnWriteArrayList<>();
      VersionPoller poller = new VersionPoller(cloud.session, cloud.rest, Duration.ofHours(1),
          (service, version, release) -> seen.add(List.of(service, version, release)), (s, l) -> { });

      poller.start();
      assertThat(seen).containsExactly(List.of("identity", "3.14", Releases.release("identity", "3.14")),
          List.of("compute", "2.93", "Zed"), List.of("object-store", "2.30.1", "Zed"));

      seen.clear();
      assertThat(poller.poll(false)).hasSize(3);
      assertThat(seen).isEmpty();

      cloud.simulator.setVersion(SimulatedService.COMPUTE, "2.95");
      cloud.simulator.setVersion(SimulatedService.OBJECT_STORE, "2.31.1");
      poller.poll(false);
      assertThat(seen).containsExactly(List.of("compute", "2.95", "2023.1 Antelope or 2023.2 Bobcat"),
          List.of("object-store", "2.31.1", "2023.1 Antelope"));

      seen.clear();
      poller.close();
      assertThat(seen).hasSize(3);
    }
  }

  @Test
  void aServiceThatIsDownIsLeftOutAndLoggedOnce() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      List<String> log = new CopyOnWriteArrayList<>();
      VersionPoller poller = new VersionPoller(cloud.session, cloud.rest, Duration.ofHours(1), (s, v, r) -> { },
          (s, l) -> log.add(l));
      cloud.simulator.closeListener(SimulatedService.OBJECT_STORE);

      assertThat(poller.poll(true)).containsOnlyKeys("identity", "compute");
      assertThat(poller.poll(true)).containsOnlyKeys("identity", "compute");

      assertThat(log).hasSize(1).allMatch(l -> l.startsWith("the object-store version could not be read"));
    }
  }
}
