package io.github.upgradejunit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.upgradejunit.probe.HttpTransport.Connection;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.ProbeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTPS probes against a live TLS server whose certificate a private CA of one (a self-signed
 * certificate for {@code localhost}, made with the JDK's keytool) vouches for, as on a lab cloud:
 * trusted through {@link Tls#trusting}, refused by the JVM's default trust and for a host name the
 * certificate does not name, accepted by {@link Tls#insecure}. Over both kinds of connection.
 */
class HttpsProbeTests {

  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final String PASSWORD = "changeit";

  private static Path directory;
  private static Path caFile;
  private static HttpsServer server;

  @BeforeAll
  static void startServer() throws Exception {
    directory = Files.createTempDirectory("https-probe");
    Path keystore = directory.resolve("server.p12");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
    caFile = directory.resolve("ca.pem");
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-file", caFile.toString());

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
    server.createContext("/healthcheck", exchange -> {
      byte[] body = "OK".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.stop(0);
    try (var files = Files.walk(directory)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Connection.class)
  void aCertificateOfThePrivateCaIsTrustedWhenTheProbeTrustsThatCa(Connection connection) throws Exception {
    ProbeResult result = probe("localhost", connection, Tls.trusting(caFile)).call(DEADLINE);

    assertThat(result.isSuccess()).as("%s", result).isTrue();
    assertThat(result.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Connection.class)
  void theJvmsDefaultTrustRefusesItAsATlsFailure(Connection connection) {
    HttpProbe probe = probe("localhost", connection, Tls.system());

    assertThatThrownBy(() -> probe.call(DEADLINE))
        .satisfies(e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.TLS));
  }

  @ParameterizedTest
  @EnumSource(Connection.class)
  void aHostNameTheCertificateDoesNotNameIsRefusedEvenWithTheRightCa(Connection connection) throws Exception {
    HttpProbe probe = probe("127.0.0.1", connection, Tls.trusting(caFile));

    assertThatThrownBy(() -> probe.call(DEADLINE))
        .satisfies(e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.TLS));
  }

  @ParameterizedTest
  @EnumSource(Connection.class)
  void anInsecureProbeAcceptsAnyCertificateForAnyHost(Connection connection) throws Exception {
    ProbeResult result = probe("127.0.0.1", connection, Tls.insecure()).call(DEADLINE);

    assertThat(result.isSuccess()).as("%s", result).isTrue();
  }

  private static HttpProbe probe(String host, Connection connection, Tls tls) {
    URI url = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/healthcheck");
    return HttpProbe.to(url).service("horizon").expect("200").body("^OK$").connection(connection).tls(tls).build();
  }

  private static SSLContext serverContext(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
  }
}
