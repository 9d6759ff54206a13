package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.openstack.ApplicationCredential;
import io.github.upgradejunit.openstack.Container;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers, containers and application credentials as persistent resources, and what goes wrong with them. */
class OpenStackResourceTests {

  private static final String RUN = "20261125T101010-ab12";
  private static SimCloud cloud;

  @TempDir
  Path directory;

  @BeforeAll
  static void start() throws Exception {
    cloud = SimCloud.start();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static List<String> journal() {
    return new CopyOnWriteArrayList<>();
  }

  @Test
  void aServerIsCreatedActiveFoundFingerprintedAndDeletedAndAChangeShows() {
    ServerResource type = new ServerResource(cloud.compute(), RUN, java.util.Optional.empty());
    List<String> ids = journal();

    Server server = type.create("uj-test-web", ids::add);

    assertThat(ids).containsExactly(server.id());
    assertThat(server.status()).isEqualTo("ACTIVE");
    Map<String, String> before = type.fingerprint(type.find(server.id()).orElseThrow());
    assertThat(before).containsEntry("status", "ACTIVE").containsKeys("flavor", "image", "addresses", "key_name")
        .hasEntrySatisfying("metadata", m -> assertThat(m).contains("upgrade-junit-run=" + RUN)
            .contains("upgrade-junit-role=persistent"));
    assertThat(before.get("flavor")).isEqualTo("42"); // the smallest flavor, m1.nano

    Rest.Response stopped = cloud.rest.callJson("compute", "POST", "/servers/" + server.id() + "/action", Map.of(),
        Map.of("os-stop", Map.of()));
    assertThat(stopped.status()).isEqualTo(202);
    assertThat(type.fingerprint(server)).containsEntry("status", "SHUTOFF").isNotEqualTo(before);

    type.delete(server.id());
    assertThat(type.find(server.id())).isEmpty();
    type.delete(server.id()); // idempotent
    assertThatThrownBy(server::status).isInstanceOf(OpenStackException.class).hasMessageContaining("is gone (404)");
  }

  @Test
  void aServerIsProbedOnItsPortOnlyWhenThePortIsSetAndItHasAnAddress() {
    ServerResource unprobed = new ServerResource(cloud.compute(), RUN, java.util.Optional.empty());
    ServerResource probed = new ServerResource(cloud.compute(), RUN, java.util.Optional.of(22));
    Server server = unprobed.create("uj-test-dataplane", id -> { });

    assertThat(unprobed.probes(server)).isEmpty();
    assertThat(probed.probes(server)).as("network none: no address to probe").isEmpty();
    unprobed.delete(server.id());
  }

  @Test
  void theProbedAddressIsTheFirstOfTheFirstNetworkByName() {
    ServerState state = new ServerState("id", "web", "ACTIVE", "42", "img",
        Map.of("public", "203.0.113.9", "private", "10.0.0.5,10.0.0.6"), Map.of(), null, null);

    assertThat(ServerResource.address(state)).hasValue("10.0.0.5");
    assertThat(ServerResource.address(new ServerState("id", "web", "ACTIVE", "42", "img", Map.of(), Map.of(),
        null, null))).isEmpty();
  }

  @Test
  void aListingFollowsNovasPagesToTheLastServer() {
    Compute compute = cloud.compute();
    List<String> created = new CopyOnWriteArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        created.add(compute.create("uj-page-" + i, Map.of(), id -> { }).id());
      }

      for (int page : List.of(1, 2, 5, 1000)) {
        assertThat(compute.list(Map.of("name", "^uj-page-"), page)).as("in pages of %d", page)
            .extracting(ServerState::id).containsExactlyInAnyOrderElementsOf(created);
      }
      assertThat(compute.listNamed("uj-page-")).extracting(ServerState::id).containsExactlyInAnyOrderElementsOf(created);
    } finally {
      created.forEach(compute::delete);
    }
  }

  @Test
  void aLostServerIsGone() {
    ServerResource type = new ServerResource(cloud.compute(), RUN, java.util.Optional.empty());
    Server server = type.create("uj-test-lost", id -> { });

    assertThat(cloud.simulator.loseServers("uj-test-lost", 1)).containsExactly("uj-test-lost");

    assertThat(type.find(server.id())).isEmpty();
  }

  @Test
  void aContainerHoldsObjectsAndALargeObjectAndACorruptedObjectShows() {
    ContainerResource type = new ContainerResource(cloud.storage(), new CircuitBreaker("object-store", 3), RUN);
    List<String> ids = journal();

    Container container = type.create("uj-test-archive", ids::add);

    assertThat(ids).containsExactly("uj-test-archive");
    assertThat(container.objectNames()).containsExactlyInAnyOrder("readme.txt", "random.bin", "large.bin",
        "large.bin.segments/000", "large.bin.segments/001", "large.bin.segments/002");
    assertThat(container.read("large.bin")).hasSize(3 * 32 * 1024);
    Map<String, String> before = type.fingerprint(type.find("uj-test-archive").orElseThrow());
    assertThat(before).containsEntry("container.meta.upgrade-junit-run", RUN)
        .hasEntrySatisfying("object.large.bin", v -> assertThat(v).contains("size=98304", "slo=true"))
        .hasEntrySatisfying("object.readme.txt", v -> assertThat(v).contains("type=text/plain",
            "upgrade-junit-run=" + RUN));
    assertThat(type.fingerprint(container)).isEqualTo(before);

    assertThat(cloud.simulator.corruptObjects("uj-test-archive", "random.bin", 1)).hasSize(1);

    Map<String, String> after = type.fingerprint(container);
    assertThat(after.get("object.random.bin")).isNotEqualTo(before.get("object.random.bin"));
    assertThat(after.get("object.readme.txt")).isEqualTo(before.get("object.readme.txt"));

    type.delete("uj-test-archive");
    assertThat(type.find("uj-test-archive")).isEmpty();
    type.delete("uj-test-archive");
  }

  @Test
  void anApplicationCredentialAuthenticatesUntilItIsDeleted() {
    AppCredentialResource type = new AppCredentialResource(cloud.identity(), new CircuitBreaker("identity", 3), RUN);
    List<String> ids = journal();

    ApplicationCredential credential = type.create("uj-test-robot", ids::add);

    assertThat(ids).containsExactly(credential.id());
    assertThat(credential.authenticates()).isTrue();
    Map<String, String> print = type.fingerprint(type.find(credential.id()).orElseThrow());
    assertThat(print).containsEntry("authenticates", "true").containsEntry("name", "uj-test-robot")
        .containsEntry("description", "upgrade-junit-run=" + RUN).containsEntry("unrestricted", "false");
    assertThat(print.values()).noneMatch(v -> v.contains(cloud.identity().secretOf("uj-test-robot")));

    type.delete(credential.id());
    assertThat(type.find(credential.id())).isEmpty();
    assertThat(credential.authenticates()).isFalse();
    type.delete(credential.id());
  }

  @Test
  void quotaExceededIsAClearErrorLeavesNothingAndTheCircuitBreakerStopsFurtherCreates() throws Exception {
    try (SimCloud full = SimCloud.start(b -> b.maxServersPerProject(0))) {
      ServerResource type = new ServerResource(full.compute(2), RUN, java.util.Optional.empty());
      List<String> ids = journal();

      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> type.create("uj-test-q", ids::add)).isInstanceOf(OpenStackException.class)
            .hasMessageStartingWith("Nova: creating server uj-test-q answered 403: Quota exceeded for instances")
            .satisfies(e -> assertThat(((OpenStackException) e).status()).isEqualTo(403));
      }
      assertThatThrownBy(() -> type.create("uj-test-q", ids::add)).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Not creating server uj-test-q: 2 creates of Nova resources failed in a row "
              + "(last: Nova: creating server uj-test-q answered 403: Quota exceeded");
      assertThat(ids).isEmpty();
      assertThat(full.compute().list()).isEmpty();
    }
  }

  @Test
  void aServerThatEndsInErrorIsDeletedAgainAndItsIdWasJournaled() throws Exception {
    try (SimCloud dropping = SimCloud.start()) {
      dropping.simulator.dropServerCreates(100);
      ServerResource type = new ServerResource(dropping.compute(), RUN, java.util.Optional.empty());
      List<String> ids = journal();

      assertThatThrownBy(() -> type.create("uj-test-dropped", ids::add)).isInstanceOf(OpenStackException.class)
          .hasMessageContaining("disappeared while it was being built");
      assertThat(ids).hasSize(1); // the core can still clean up by this id
      assertThat(dropping.compute().list()).isEmpty();
    }
  }

  @Test
  void aContainerSwiftWillNotDeleteIs409WithAClearMessage() throws Exception {
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", exchange -> {
      byte[] body = switch (exchange.getRequestMethod()) {
        case "GET" -> "[]".getBytes(StandardCharsets.UTF_8);
        case "DELETE" -> "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p>"
            .getBytes(StandardCharsets.UTF_8);
        default -> new byte[0];
      };
      int status = switch (exchange.getRequestMethod()) {
        case "DELETE" -> 409;
        case "HEAD" -> 204;
        default -> 200;
      };
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    stub.start();
    String swift = "http://127.0.0.1:" + stub.getAddress().getPort() + "/v1/AUTH_x";
    try (OpenStackSimulator simulator = OpenStackSimulator.start();
        CatalogProxy proxy = new CatalogProxy(simulator.authUrl(), Set.of(), Map.of("object-store", swift));
        SimCloud conflicted = SimCloud.behind(simulator, proxy.authUrl(), new Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(2)))) {
      ObjectStorage storage = new ObjectStorage(conflicted.session, conflicted.rest, Duration.ofSeconds(1));

      assertThatThrownBy(() -> storage.deleteContainer("uj-test-busy")).isInstanceOf(OpenStackException.class)
          .hasMessage("Swift: DELETE /uj-test-busy answered 409: the container still holds [] after its objects "
              + "were deleted for 1 s (conflict: the resource is busy or not empty; try again later)");
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void aComputeApiThatHangsFailsTheHandleCallAfterTheReadTimeout() throws Exception {
    try (ServerSocket hanging = new ServerSocket(0); OpenStackSimulator simulator = OpenStackSimulator.start();
        CatalogProxy proxy = new CatalogProxy(simulator.authUrl(), Set.of(),
            Map.of("compute", "http://127.0.0.1:" + hanging.getLocalPort() + "/v2.1"));
        SimCloud hung = SimCloud.behind(simulator, proxy.authUrl(), new Timeouts(Duration.ofSeconds(1),
            Duration.ofMillis(500)))) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            hanging.accept();
          }
        } catch (Exception e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      FakeContext context = new FakeContext(RUN, directory);
      Nova nova = new NovaHandle(hung.compute(), context, new Ledger(context), new CircuitBreaker("compute", 3),
          new Transients());

      long start = System.nanoTime();
      assertThatThrownBy(nova::servers).isInstanceOf(OpenStackException.class)
          .hasMessageStartingWith("Nova: GET /servers/detail failed: no answer in time (upgrade.openstack.connect.timeout, upgrade.openstack.read.timeout)")
          .satisfies(e -> assertThat(((OpenStackException) e).status()).isZero());
      assertThatThrownBy(() -> nova.createServer("x")).isInstanceOf(OpenStackException.class)
          .hasMessageContaining("timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }
}
