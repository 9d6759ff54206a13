package io.github.upgradejunit.openstack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Adds the CA certificates of a clouds.yaml {@code cacert} to the JVM's default trust, for
 * openstack4j. Its OkHttp connector cannot take a custom SSL socket factory on Java 9+ (OkHttp
 * refuses one without its trust manager), so it only ever trusts what the JVM trusts; without this,
 * a cloud behind a self-signed or private CA (the default of openstack-ansible and kolla-ansible)
 * fails at authentication. The JVM's trust store ({@code javax.net.ssl.trustStore}, or the JDK's
 * {@code cacerts}) is copied with the CA added into a file of this JVM's own, and the
 * {@code javax.net.ssl.trustStore} properties point to it: trust is only added, and only in this
 * test JVM. The probes and plain HTTP calls trust the {@code cacert} alone ({@link
 * io.github.upgradejunit.probe.Tls#trusting}), as the OpenStack CLI does.
 */
final class JvmTrust {

  private static final Set<Path> ADDED = new HashSet<>();

  private JvmTrust() {
  }

  /**
   * Trust the certificates of this PEM file JVM-wide, once per file.
   *
   * @return whether they were added now (false when they already were)
   * @throws IOException when the file or the current trust store cannot be read or written
   * @throws GeneralSecurityException when the file holds no certificate
   */
  static synchronized boolean add(Path pemFile) throws IOException, GeneralSecurityException {
    Path file = pemFile.toAbsolutePath().normalize();
    if (ADDED.contains(file)) {
      return false;
    }
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException(file + " holds no PEM certificate");
    }
    KeyStore store = current();
    int n = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("upgrade-junit-cacert-" + ADDED.size() + "-" + n++, certificate);
    }
    char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
    Path written = Files.createTempFile("upgrade-junit-truststore", ".p12");
    written.toFile().deleteOnExit();
    try (OutputStream out = Files.newOutputStream(written)) {
      store.store(out, password);
    }
    System.setProperty("javax.net.ssl.trustStore", written.toString());
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    System.setProperty("javax.net.ssl.trustStorePassword", new String(password));
    ADDED.add(file);
    return true;
  }

  /** The trust store the JVM uses now: the one its properties name, or the JDK's cacerts. */
  private static KeyStore current() throws IOException, GeneralSecurityException {
    String named = System.getProperty("javax.net.ssl.trustStore");
    Path path = named != null && !named.isBlank() && !"NONE".equals(named) ? Path.of(named)
        : Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    String type = System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
    String password = System.getProperty("javax.net.ssl.trustStorePassword");
    KeyStore store = KeyStore.getInstance(type);
    if (Files.isRegularFile(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        store.load(in, password == null ? null : password.toCharArray());
      }
    } else {
      store.load(null, null);
    }
    return store;
  }
}
