package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import io.github.upgradejunit.openstack.simulator.SimulatedService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Keystone behind TLS with a private CA, as openstack-ansible and kolla-ansible set up by
 * default: the simulator's identity API behind a TLS-terminating proxy whose certificate (for
 * {@code localhost}) no public CA signed. openstack4j authenticates there once clouds.yaml's
 * {@code cacert} names that certificate, and a CA that did not sign it is refused with a message
 * that says what to check.
 */
class OpenStackTlsTests {

  private static final String PASSWORD = "changeit";

  @TempDir
  static Path directory;
  private static OpenStackSimulator simulator;
  private static TlsProxy keystone;
  private static TlsProxy impostor;

  @BeforeAll
  static void start() throws Exception {
    simulator = OpenStackSimulator.start();
    keystone = new TlsProxy(Certificates.selfSigned(directory, "keystone", "localhost", "dns:localhost", PASSWORD),
        simulator.port(SimulatedService.IDENTITY));
    impostor = new TlsProxy(Certificates.selfSigned(directory, "impostor", "localhost", "dns:localhost", PASSWORD),
        simulator.port(SimulatedService.IDENTITY));
    Certificates.selfSigned(directory, "unrelated", "unrelated", null, PASSWORD); // a CA that signed nothing here
  }

  @AfterAll
  static void stop() throws IOException {
    keystone.close();
    impostor.close();
    simulator.close();
  }

  @Test
  void openstack4jAuthenticatesAgainstAKeystoneWhosePrivateCaIsTheCacert() {
    List<String> log = new CopyOnWriteArrayList<>();
    CloudConfig cloud = cloud(keystone, directory.resolve("keystone.pem"));

    try (CloudSession session = new CloudSession(cloud, cloud.tls(), timeouts(), Duration.ofMinutes(5),
        (source, line) -> log.add(line)).start()) {
      assertThat(session.state().catalog().urls()).containsKey("identity");
    }
    assertThat(log).anyMatch(line -> line.contains("is trusted JVM-wide too"));
  }

  @Test
  void aCacertThatDidNotSignTheCertificateIsRefusedSayingWhatToCheck() {
    CloudConfig cloud = cloud(impostor, directory.resolve("unrelated.pem"));

    assertThatThrownBy(() -> new CloudSession(cloud, cloud.tls(), timeouts(), Duration.ofMinutes(5),
        (source, line) -> { }).start())
        .isInstanceOf(OpenStackException.class)
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("is " + directory.resolve("unrelated.pem") + " the CA that signed its certificate");
  }

  private static CloudConfig cloud(TlsProxy proxy, Path cacert) {
    CloudConfig plain = SimCloud.cloudOf(simulator, "https://localhost:" + proxy.port() + "/v3");
    return new CloudConfig(plain.name(), plain.source(), plain.authUrl(), plain.username(), null, plain.password(),
        plain.projectName(), null, "Default", null, "Default", null, plain.region(), "public", true, cacert);
  }

  private static Timeouts timeouts() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  /** Terminates TLS with the key store's certificate and forwards the bytes to a plain port. */
  private static final class TlsProxy implements AutoCloseable {
    private final ServerSocket server;

    TlsProxy(Path keystore, int target) throws Exception {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      server = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            pipe(client, upstream);
            pipe(upstream, client);
          } catch (IOException e) {
            // closed, or one connection failed: the client sees it
          }
        }
      }, "tls-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private static void pipe(Socket from, Socket to) {
      Thread thread = new Thread(() -> {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException e) {
          // the other side closed
        } finally {
          try {
            from.close();
            to.close();
          } catch (IOException ignored) {
            // already closed
          }
        }
      }, "tls-proxy-pipe");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
