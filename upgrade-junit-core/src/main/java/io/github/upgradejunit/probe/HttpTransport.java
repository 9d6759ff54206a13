package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.upgradejunit.internal.http.FreshHttp;
import io.github.upgradejunit.internal.http.KeptAliveHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a probe sends one HTTP/1.1 request. Two transports are built in, because an upgrade can break
 * one and not the other:
 * <ul>
 *   <li>{@link Connection#FRESH}: a new TCP (and TLS) connection for every request, closed after
 *       the answer: what a new user, or a load balancer's health check, sees;</li>
 *   <li>{@link Connection#KEEPALIVE}: the JDK's {@code HttpURLConnection}, whose connection cache
 *       reuses one connection per endpoint: what a long-lived client sees. It costs about half the
 *       CPU of {@code java.net.http.HttpClient} per request (docs/benchmarks.md).</li>
 * </ul>
 * Implementations are thread-safe; redirects are never followed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface HttpTransport {

  /** The kind of connection a transport uses. */
  enum Connection {
    /** A new connection for every request. */
    FRESH,
    /** One reused connection per endpoint. */
    KEEPALIVE
  }

  /**
   * Send one request; {@code timeout} bounds the connect and every read.
   *
   * @param body the request body, or {@code null} for none
   */
  HttpAnswer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException;

  /** The transport for a kind of connection and a TLS trust. */
  static HttpTransport of(Connection connection, Tls tls) {
    return connection == Connection.FRESH ? new FreshHttp(tls) : new KeptAliveHttp(tls);
  }
}
