package io.github.upgradejunit.internal.http;

import io.github.upgradejunit.probe.HttpAnswer;
import io.github.upgradejunit.probe.HttpTransport;
import io.github.upgradejunit.probe.Tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

/**
 * The kept-alive probe transport: {@link HttpURLConnection}, whose JDK connection cache reuses one
 * connection per endpoint. Chosen over {@code java.net.http.HttpClient}, which measured about twice
 * the CPU per request (docs/benchmarks.md), because the probes run ten times a second for hours.
 * Thread-safe: every call opens its own connection object; the JDK pools the sockets.
 */
public final class KeptAliveHttp implements HttpTransport {

  private final Tls tls;

  public KeptAliveHttp(Tls tls) {
    this.tls = tls;
  }

  @Override
  public HttpAnswer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration deadline) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(tls.context().getSocketFactory());
      if (!tls.verify()) {
        https.setHostnameVerifier((host, session) -> true);
      }
    }
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.toMillis()));
    connection.setConnectTimeout(millis);
    connection.setReadTimeout(millis);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestMethod(method);
    headers.forEach(connection::setRequestProperty);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    byte[] content;
    // reading the body to its end returns the connection to the JDK's keep-alive cache
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      content = in == null ? new byte[0] : in.readAllBytes();
    }
    return new HttpAnswer(status, connection::getHeaderField, content);
  }
}
