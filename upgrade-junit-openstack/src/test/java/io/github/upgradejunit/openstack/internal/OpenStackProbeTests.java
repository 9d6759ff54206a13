package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.HttpTransport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.openstack.internal.ApiProbe.Request;
import io.github.upgradejunit.openstack.internal.ApiProbe.Transport;
import io.github.upgradejunit.openstack.simulator.SimulatedService;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The uptime probes: success, each failure class, and fresh versus kept-alive connections. */
class OpenStackProbeTests {

  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static SimCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = SimCloud.start(b -> b.backends(SimulatedService.COMPUTE, 1));
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static List<Probe> probes(Probes.IdentityMode mode) {
    return new Probes(cloud.session, cloud.tls, mode).all(Map.of(), (s, l) -> { });
  }

  private static Probe probe(String series) {
    return probes(Probes.IdentityMode.ISSUE).stream().filter(p -> p.series().equals(series)).findFirst()
        .orElseThrow();
  }

  @Test
  void everyProbeOfEveryServiceSucceedsAgainstAHealthyCloud() throws Exception {
    for (Probes.IdentityMode mode : Probes.IdentityMode.values()) {
      List<Probe> probes = probes(mode);
      assertThat(probes).extracting(Probe::series).containsExactly("identity/fresh", "identity/keepalive",
          "compute/fresh", "compute/keepalive", "object-store/fresh", "object-store/keepalive");
      for (Probe probe : probes) {
        for (int i = 0; i < 3; i++) {
          ProbeResult result = probe.call(DEADLINE);
          assertThat(result.isSuccess()).as(mode + " " + probe.series() + ": " + result).isTrue();
        }
      }
    }
  }

  @Test
  void aClosedPortIsAConnectErrorAndAnApiAnswering503IsA5xx() throws Exception {
    Probe fresh = probe("compute/fresh");
    Probe keepalive = probe("compute/keepalive");
    cloud.simulator.takeDownAll(SimulatedService.COMPUTE);
    try {
      assertThat(fresh.call(DEADLINE).error()).isEqualTo(ErrorClass.HTTP_5XX);
      assertThat(keepalive.call(DEADLINE).status()).isEqualTo(503);
    } finally {
      cloud.simulator.bringUpAll(SimulatedService.COMPUTE);
    }
    cloud.simulator.closeListener(SimulatedService.COMPUTE);
    try {
      assertThat(ErrorClass.of(thrown(fresh))).isEqualTo(ErrorClass.CONNECT);
      assertThat(ErrorClass.of(thrown(keepalive))).isEqualTo(ErrorClass.CONNECT);
    } finally {
      cloud.simulator.reopenListener(SimulatedService.COMPUTE);
    }
    assertThat(fresh.call(DEADLINE).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> keepalive.call(DEADLINE).isSuccess());
  }

  private static Throwable thrown(Probe probe) {
    try {
      return new AssertionError("expected a failure, got " + probe.call(DEADLINE));
    } catch (Exception e) {
      return e;
    }
  }

  @Test
  void aRefusedTokenIsRecordedAs401AndThenRenewed() throws Exception {
    Probe compute = probe("compute/fresh");
    AuthState before = cloud.session.state();
    OpenStackAuthTests.revoke(cloud, before);

    ProbeResult refused = compute.call(DEADLINE);

    assertThat(refused.error()).isEqualTo(ErrorClass.HTTP_401);
    await().atMost(Duration.ofSeconds(5)).until(() -> cloud.session.state() != before);
    assertThat(compute.call(DEADLINE).isSuccess()).isTrue();
  }

  @Test
  void anEndpointThatHangsIsATimeout() throws Exception {
    try (ServerSocket hanging = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(hanging.accept());
          }
        } catch (Exception e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      URI url = URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/v2.1/servers");
      for (Transport transport : Transport.values()) {
        long start = System.nanoTime();
        Throwable failure = thrown(probeAt(url, transport));
        assertThat(ErrorClass.of(failure)).as(transport + ": " + failure).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      }
    }
  }

  /** A compute probe of any URL, with a 300 ms deadline. */
  private static Probe probeAt(URI url, Transport transport) {
    ApiProbe probe = new ApiProbe("compute", "compute/test", transport, cloud.session,
        state -> new Request("GET", url, Map.of(), null, true), ApiProbe.jsonArray("servers"),
        HttpTransport.of(HttpTransport.Connection.FRESH, cloud.tls), HttpTransport.of(HttpTransport.Connection.KEEPALIVE, cloud.tls));
    return Probe.of("compute", "compute/test", deadline -> probe.call(Duration.ofMillis(300)));
  }

  @Test
  void freshOpensANewConnectionEveryTimeAndKeepaliveReusesOne() throws Exception {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      byte[] body = "{\"servers\": []}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2.1/servers?limit=1");
      Probe fresh = probeAt(url, Transport.FRESH);
      for (int i = 0; i < 10; i++) {
        assertThat(fresh.call(DEADLINE).isSuccess()).isTrue();
      }
      assertThat(clientPorts).hasSize(10);

      clientPorts.clear();
      Probe keepalive = probeAt(url, Transport.KEEPALIVE);
      for (int i = 0; i < 10; i++) {
        assertThat(keepalive.call(DEADLINE).isSuccess()).isTrue();
      }
      assertThat(clientPorts).hasSize(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSuccessStatusWithTheWrongBodyIsABadBody() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2.1/servers");
      ProbeResult result = probeAt(url, Transport.FRESH).call(DEADLINE);
      assertThat(result.error()).isEqualTo(ErrorClass.BAD_BODY);
      assertThat(result.detail()).isEqualTo("the body is not JSON (text/html)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void perBackendProbesReachEachBackendDirectly() throws Exception {
    String compute = cloud.simulator.baseUrl(SimulatedService.COMPUTE);
    List<Probe> probes = new Probes(cloud.session, cloud.tls, Probes.IdentityMode.ISSUE)
        .all(Map.of("compute", List.of(compute)), (s, l) -> { });

    Probe backend = probes.stream().filter(p -> p.series().startsWith("compute/backend/")).findFirst().orElseThrow();

    assertThat(backend.series()).isEqualTo("compute/backend/" + URI.create(compute).getAuthority());
    assertThat(backend.call(DEADLINE).isSuccess()).isTrue();
    assertThatThrownBy(() -> probeAt(URI.create("http://127.0.0.1:1/x"), Transport.FRESH).call(DEADLINE))
        .satisfies(e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.CONNECT));
  }
}
