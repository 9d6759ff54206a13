package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA of a clouds.yaml {@code cacert} is added to the JVM's trust, never put in its place: what
 * the JVM trusted before (a trust store the user named, with its corporate CA) is still trusted.
 */
class JvmTrustTests {

  private static final List<String> PROPERTIES = List.of("javax.net.ssl.trustStore",
      "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword");
  private final Map<String, String> saved = new HashMap<>();

  @TempDir
  Path directory;

  @BeforeEach
  void saveTrustProperties() {
    PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
  }

  @AfterEach
  void restoreTrustProperties() {
    saved.forEach((p, v) -> {
      if (v == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, v);
      }
    });
  }

  @Test
  void theCaIsAddedToTheTrustStoreTheUserNamedWhichKeepsItsOwnEntries() throws Exception {
    Path corporate = directory.resolve("corporate.p12");
    keytool("-genkeypair", "-alias", "corporate-ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=corporate", "-validity", "2", "-storetype", "PKCS12", "-keystore", corporate.toString(),
        "-storepass", "secret1");
    Path cloudCa = pem("cloud-ca");
    System.setProperty("javax.net.ssl.trustStore", corporate.toString());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    System.setProperty("javax.net.ssl.trustStorePassword", "secret1");

    assertThat(JvmTrust.add(cloudCa)).isTrue();
    assertThat(JvmTrust.add(cloudCa)).as("once per file").isFalse();

    KeyStore now = KeyStore.getInstance(System.getProperty("javax.net.ssl.trustStoreType"));
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("javax.net.ssl.trustStore")))) {
      now.load(in, System.getProperty("javax.net.ssl.trustStorePassword").toCharArray());
    }
    assertThat(Collections.list(now.aliases())).contains("corporate-ca").hasSize(2);
    assertThat(System.getProperty("javax.net.ssl.trustStore")).isNotEqualTo(corporate.toString());
  }

  @Test
  void aFileWithoutACertificateIsRefused() throws Exception {
    Path empty = Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");

    assertThatThrownBy(() -> JvmTrust.add(empty)).isInstanceOf(GeneralSecurityException.class);
  }

  private Path pem(String name) throws Exception {
    Path store = directory.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
    Path pem = directory.resolve(name + ".pem");
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    return pem;
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
  }
}
