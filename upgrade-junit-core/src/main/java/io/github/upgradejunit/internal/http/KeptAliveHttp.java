package io.github.upgradejunit.internal.http;

import io.github.upgradejunit.probe.HttpAnswer;
import io.github.upgradejunit.probe.HttpTransport;
import io.github.upgradejunit.probe.Tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
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

  /**
   * Send one request. {@code deadline} bounds connect and each read, and the body as a whole: an
   * answer that drips its body a byte at a time is cut at the deadline. (A server that drips its
   * headers holds the call longer: HttpURLConnection parses them in one call that cannot be cut
   * from outside; the scheduler's watchdog records the timeout at the deadline all the same.)
   */
  @Override
  public HttpAnswer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration deadline) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
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
      content = in == null ? new byte[0] : readBefore(in, end, connection, deadline);
    }
    return new HttpAnswer(status, connection::getHeaderField, content);
  }

  private static byte[] readBefore(InputStream in, long end, HttpURLConnection connection, Duration deadline)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (System.nanoTime() - end > 0) {
        connection.disconnect(); // never back into the keep-alive cache with half an answer unread
        throw new SocketTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
      }
    }
    return out.toByteArray();
  }
}
