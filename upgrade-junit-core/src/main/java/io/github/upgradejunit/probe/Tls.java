package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
import org.apiguardian.api.API;

/**
 * The TLS trust of a probe or client: the JVM's default trust store, a PEM file of CA
 * certificates, or no checking at all (as {@code curl --insecure}). One {@link SSLContext},
 * immutable and shared by every call.
 *
 * <pre>{@code
 * Tls horizon = Tls.trusting(Path.of("/etc/ssl/certs/my-ca.pem"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Tls {

  private final SSLContext context;
  private final boolean verify;
  private final Path cacert;

  private Tls(SSLContext context, boolean verify, Path cacert) {
    this.context = context;
    this.verify = verify;
    this.cacert = cacert;
  }

  /** The JVM's default trust, with host names checked. */
  public static Tls system() {
    try {
      return new Tls(SSLContext.getDefault(), true, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no default TLS context: " + e.getMessage(), e);
    }
  }

  /** Accept any certificate for any host. */
  public static Tls insecure() {
    try {
      return new Tls(context(new TrustManager[] {new TrustingEverything()}), false, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * Trust the CA certificates of a PEM file (and only them), with host names checked.
   *
   * @throws IOException when the file cannot be read
   * @throws GeneralSecurityException when it holds no PEM certificate
   */
  public static Tls trusting(Path pemFile) throws IOException, GeneralSecurityException {
    return new Tls(context(fromPem(pemFile).getTrustManagers()), true, pemFile);
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
