package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.upgradejunit.openstack.Keystone;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.spi.PluginSession;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication: once, shared by every thread, renewed before expiry and after a 401; wrong passwords and missing services. */
class OpenStackAuthTests {

  @TempDir
  Path directory;

  @Test
  void authenticatesOnceAndEveryThreadUsesTheSharedTokenWithItsOwnBinding() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      AuthState state = cloud.session.state();
      assertThat(state.catalog().urls()).containsOnlyKeys("identity", "compute", "object-store");
      assertThat(state.toString()).doesNotContain(state.tokenId());

      Compute compute = cloud.compute();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(() -> compute.list().size());
        }
        for (Future<Integer> result : threads.invokeAll(calls)) {
          assertThat(result.get()).isZero();
        }
      } finally {
        threads.shutdown();
      }
      assertThat(cloud.session.state()).isSameAs(state);
    }
  }

  @Test
  void theTokenIsRenewedBeforeItExpires() throws Exception {
    try (SimCloud cloud = SimCloud.start(b -> b.tokenLifetime(Duration.ofSeconds(2)))) {
      AuthState first = cloud.session.state();

      await().atMost(Duration.ofSeconds(5)).until(() -> cloud.session.state() != first);
      Compute.sleep(Duration.ofMillis(1_500)); // the first token has expired by now

      assertThat(cloud.session.state().expiresAt()).isAfter(Instant.now());
      assertThat(cloud.compute().list()).isEmpty();
      assertThat(cloud.log).anyMatch(l -> l.startsWith("token renewed"));
    }
  }

  @Test
  void aRevokedTokenIsRenewedByOpenstack4jCallsAndByPlainCalls() throws Exception {
    try (SimCloud cloud = SimCloud.start()) {
      AuthState first = cloud.session.state();
      revoke(cloud, first);

      assertThat(cloud.compute().list()).isEmpty(); // openstack4j re-authenticates and we publish the new token
      AuthState second = cloud.session.state();
      assertThat(second).isNotSameAs(first);

      revoke(cloud, second);
      assertThat(cloud.identity().validateToken()).isFalse();
      assertThat(cloud.storage().exists("nothing-here")).isFalse(); // Rest renews after the 401 and retries
      assertThat(cloud.session.state()).isNotSameAs(second);
      assertThat(cloud.identity().validateToken()).isTrue();
    }
  }

  static void revoke(SimCloud cloud, AuthState state) {
    Rest.Response revoked = cloud.rest.send("identity", "DELETE", URI.create(cloud.simulator.authUrl()
        + "/auth/tokens"), Map.of("X-Subject-Token", state.tokenId()), null, state.tokenId());
    assertThat(revoked.status()).isEqualTo(204);
  }

  @Test
  void aWrongPasswordFailsThePluginWithAClearMessageWithoutThePassword() throws Exception {
    try (var simulator = io.github.upgradejunit.openstack.simulator.OpenStackSimulator.start()) {
      Path clouds = directory.resolve("clouds.yaml");
      simulator.writeCloudsYaml(clouds);
      Files.writeString(clouds, Files.readString(clouds).replace(simulator.credentials().password(), "Wr0ng-Secret"));
      // OS_CLOUD names the standalone simulator's clouds.yaml entry; upgrade.cloud=simulator starts an embedded one
      FakeContext context = new FakeContext("r1", directory).env("OS_CLOUD", "local-simulator")
          .env("OS_CLIENT_CONFIG_FILE", clouds.toString());

      assertThatThrownBy(() -> new OpenStackPlugin().open(context)).satisfies(e -> {
        assertThat(e).isInstanceOf(OpenStackException.class).hasMessageContaining("clouds.yaml " + clouds
            + ": cloud 'local-simulator': Keystone at " + simulator.authUrl() + " refused the credentials (401) of user "
            + "'demo', project 'demo'; check the password").hasMessageNotContaining("Wr0ng-Secret");
        assertThat(((OpenStackException) e).status()).isEqualTo(401);
      });
      assertThat(context.logs).noneMatch(l -> l.contains("Wr0ng-Secret"));
    }
  }

  @Test
  void keystoneDownAtStartIsAClearConnectError() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CloudConfig nowhere = new CloudConfig("dead", "test", "http://127.0.0.1:" + port + "/v3", "demo", null,
        Secret.of("pw"), "demo", null, "Default", null, "Default", null, null, "public", true, null);
    CloudSession session = new CloudSession(nowhere, nowhere.tls(), new Timeouts(Duration.ofSeconds(1),
        Duration.ofSeconds(1)), Duration.ofMinutes(5), (s, l) -> { });

    assertThatThrownBy(session::start).isInstanceOf(OpenStackException.class)
        .hasMessageContaining("test: cloud 'dead': cannot authenticate at Keystone http://127.0.0.1:" + port
            + "/v3: connection refused");
  }

  @Test
  void aServiceMissingFromTheCatalogIsNotTestedAndTheRestGoOn() throws Exception {
    try (var simulator = io.github.upgradejunit.openstack.simulator.OpenStackSimulator.start();
        CatalogProxy proxy = new CatalogProxy(simulator.authUrl(), Set.of("object-store"), Map.of());
        SimCloud cloud = SimCloud.behind(simulator, proxy.authUrl(), new Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5)))) {
      List<String> log = new ArrayList<>();
      var probes = new Probes(cloud.session, cloud.tls, Probes.IdentityMode.ISSUE).all(Map.of(), (s, l) -> log.add(l));

      assertThat(probes).extracting(p -> p.series()).containsExactly("identity/fresh", "identity/keepalive",
          "compute/fresh", "compute/keepalive");
      assertThat(log).containsExactly("object-store is not tested: the service catalog has no object-store endpoint "
          + "for interface 'public' in region RegionOne");
      for (var probe : probes) {
        assertThat(probe.call(Duration.ofSeconds(2)).isSuccess()).as(probe.series()).isTrue();
      }
      assertThatThrownBy(() -> cloud.storage().createContainer("c", Map.of()))
          .isInstanceOf(OpenStackException.class).hasMessageStartingWith("The service catalog has no object-store "
              + "endpoint for this interface and region (it lists [compute, identity]), so object-store is not tested");
      assertThat(cloud.compute().list()).isEmpty();
    }
  }

  @Test
  void thePluginInjectsHandlesAndNoOpenstack4jTypeIsInThePublicApi() throws Exception {
    FakeContext context = new FakeContext("r2", directory).with("upgrade.cloud", "simulator")
        .with("upgrade.openstack.version.interval", "1h");
    try (PluginSession session = new OpenStackPlugin().open(context).orElseThrow()) {
      assertThat(session.handle(Keystone.class)).isPresent();
      assertThat(session.handle(Nova.class)).isPresent();
      assertThat(session.handle(Swift.class)).isPresent();
      assertThat(session.handle(String.class)).isEmpty();
      assertThat(session.probes()).hasSize(6);
      assertThat(session.drivers()).extracting(d -> d.name()).containsExactly("simulator");
      assertThat(((Keystone) session.handle(Keystone.class).get()).issueToken()).isAfter(Instant.now());
      assertThat(((Keystone) session.handle(Keystone.class).get()).validateToken()).isTrue();
    }
    assertThat(Files.exists(directory.resolve("truth.json"))).isTrue();
    for (Class<?> type : List.of(Keystone.class, Nova.class, Swift.class, io.github.upgradejunit.openstack.Server.class,
        io.github.upgradejunit.openstack.Container.class, io.github.upgradejunit.openstack.ApplicationCredential.class,
        OpenStackException.class)) {
      for (Method method : type.getMethods()) {
        List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        assertThat(types).as(type.getSimpleName() + "." + method.getName())
            .noneMatch(t -> t.getTypeName().contains("org.openstack4j"));
      }
    }
  }

  @Test
  void withNoCloudConfiguredThePluginIsOffAndLogsWhy() throws Exception {
    FakeContext context = new FakeContext("r3", directory).env("HOME", directory.toString());
    Optional<PluginSession> session = new OpenStackPlugin().open(context);
    // the real user's home and working directory may hold a clouds.yaml, but without a cloud name it is not used
    assertThat(session).isEmpty();
    assertThat(context.logs).anyMatch(l -> l.startsWith("openstack: plugin off: no OpenStack cloud is configured"));
  }
}
