package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import io.github.upgradejunit.openstack.simulator.SimulatedService;
import io.github.upgradejunit.spi.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The health checks run before and after the upgrade, against the simulator. */
class OpenStackHealthTests {

  private static HealthCheck named(List<HealthCheck> checks, String service, String name) {
    return checks.stream().filter(c -> c.service().equals(service) && c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Supplier<CloudSession> admin(SimCloud cloud) {
    OpenStackSimulator simulator = cloud.simulator;
    var account = simulator.adminCredentials().orElseThrow();
    CloudConfig admin = new CloudConfig("sim-admin", "test", simulator.authUrl(), account.username(), null,
        Secret.of(account.password()), account.projectName(), null, "Default", null, "Default", null,
        simulator.region(), "public", true, null);
    return () -> new CloudSession(admin, cloud.tls, cloud.timeouts, Duration.ofMinutes(5), (s, l) -> { }).start();
  }

  @Test
  void aHealthyCloudPassesEveryCheckAndTheAdminOnlyOneIsSkippedWithoutAdminCredentials() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      List<HealthCheck> checks = new ServiceHealth(cloud.session, cloud.rest, Optional.empty()).checks();

      assertThat(checks).extracting(c -> c.service() + " " + c.name()).contains("identity endpoint answers",
          "compute endpoint answers", "object-store endpoint answers", "object-store /healthcheck",
          "object-store /info", "compute services up");
      for (HealthCheck check : checks) {
        if (!check.name().equals("services up")) {
          check.check(Duration.ofSeconds(5));
        }
      }
      assertThatThrownBy(() -> named(checks, "compute", "services up").check(Duration.ofSeconds(5)))
          .isInstanceOf(TestAbortedException.class).hasMessageContaining("upgrade.openstack.admin.cloud");
    }
  }

  @Test
  void withAdminCredentialsADownNovaServiceIsNamed() throws Exception {
    try (SimCloud cloud = SimCloud.start(b -> b.backends(SimulatedService.COMPUTE, 2))) {
      HealthCheck servicesUp = named(new ServiceHealth(cloud.session, cloud.rest, Optional.of(admin(cloud))).checks(),
          "compute", "services up");
      servicesUp.check(Duration.ofSeconds(5));

      cloud.simulator.takeDown(SimulatedService.COMPUTE, 2);

      // until the load balancer marks the node down, a request may land on it and get a 503
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThatThrownBy(() -> servicesUp.check(Duration.ofSeconds(5))).isInstanceOf(AssertionError.class)
              .hasMessageContaining("Nova services enabled but down: nova-scheduler on")
              .hasMessageContaining("nova-conductor on"));
    }
  }

  @Test
  void aMemberGivenAsAdminIsToldItLacksTheAdminRole() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      Supplier<CloudSession> member = () -> new CloudSession(cloud.cloud, cloud.tls, cloud.timeouts,
          Duration.ofMinutes(5), (s, l) -> { }).start();
      HealthCheck servicesUp = named(new ServiceHealth(cloud.session, cloud.rest, Optional.of(member)).checks(),
          "compute", "services up");

      assertThatThrownBy(() -> servicesUp.check(Duration.ofSeconds(5))).isInstanceOf(AssertionError.class)
          .hasMessageContaining("HTTP 403").hasMessageContaining("lacks the admin role");
    }
  }

  @Test
  void aSwiftWithoutAnyProxyFailsItsHealthcheckWithWhatItAnswered() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      List<HealthCheck> checks = new ServiceHealth(cloud.session, cloud.rest, Optional.empty()).checks();

      cloud.simulator.takeDownAll(SimulatedService.OBJECT_STORE);

      assertThatThrownBy(() -> named(checks, "object-store", "/healthcheck").check(Duration.ofSeconds(5)))
          .isInstanceOf(AssertionError.class).hasMessageContaining("/healthcheck answered HTTP 5");
      assertThatThrownBy(() -> named(checks, "object-store", "endpoint answers").check(Duration.ofSeconds(5)))
          .isInstanceOf(AssertionError.class).hasMessageContaining("answered HTTP 5");
    }
  }

  @Test
  void theSwiftRootIsTheEndpointUpToItsVersion() {
    assertThat(Catalog.swiftRoot("https://swift.example.org:8080/v1/AUTH_abc")).isEqualTo("https://swift.example.org:8080");
  }
}
