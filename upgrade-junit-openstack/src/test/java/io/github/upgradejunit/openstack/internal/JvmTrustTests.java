package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Path corporate = Certificates.selfSigned(directory, "corporate-ca", "corporate", null, "secret1");
    Certificates.selfSigned(directory, "cloud-ca", "cloud-ca", null, "changeit");
    Path cloudCa = directory.resolve("cloud-ca.pem");
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
}
