package io.github.upgradejunit.openstack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust a cloud's settings ask for ({@code verify}, {@code cacert}), as one
 * {@link SSLContext} for the plugin's own HTTP calls (probes, raw API calls). Immutable.
 *
 * <p>openstack4j cannot take it: its OkHttp 3 connector refuses a custom SSL socket factory on
 * Java 9+ ("not supported on JDK 9+"). For openstack4j's calls a {@code cacert} must therefore be in
 * the JVM's trust store; {@code verify: false} does work there.
 */
public final class Tls {

  private final SSLContext context;
  private final boolean verify;
  private final Path cacert;

  private Tls(SSLContext context, boolean verify, Path cacert) {
    this.context = context;
    this.verify = verify;
    this.cacert = cacert;
  }

  /** The trust of a cloud: the JVM default, a CA file, or none at all ({@code verify: false}). */
  public static Tls of(CloudConfig cloud) {
    try {
      if (!cloud.verify()) {
        return new Tls(context(new TrustManager[] {new TrustingEverything()}), false, null);
      }
      if (cloud.cacert() != null) {
        return new Tls(context(fromPem(cloud.cacert()).getTrustManagers()), true, cloud.cacert());
      }
      return new Tls(SSLContext.getDefault(), true, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(cloud.where() + ": cannot set up TLS"
          + (cloud.cacert() == null ? "" : " with cacert " + cloud.cacert()) + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext context(TrustManager[] trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust, new SecureRandom());
    return context;
  }

  private static TrustManagerFactory fromPem(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(file)) {
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new GeneralSecurityException("no PEM certificate in " + file);
      }
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  public SSLContext context() {
    return context;
  }

  /** Whether certificates (and host names) are checked. */
  public boolean verify() {
    return verify;
  }

  /** The CA file in use, or null for the JVM default. */
  public Path cacert() {
    return cacert;
  }

  /** {@code verify: false}: accepts any certificate for any host, as the CLI's {@code --insecure}. */
  private static final class TrustingEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
