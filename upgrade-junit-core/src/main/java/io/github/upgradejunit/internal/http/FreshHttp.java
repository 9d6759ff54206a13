package io.github.upgradejunit.internal.http;

import io.github.upgradejunit.probe.HttpAnswer;
import io.github.upgradejunit.probe.HttpTransport;
import io.github.upgradejunit.probe.Tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over a new TCP connection for every request, closed after the answer: what a user's
 * first request, or an independent prober, sees. A JDK client cannot promise this (both
 * {@code HttpClient} and {@code HttpURLConnection} pool connections), so this is a small client on a
 * plain {@link Socket}: it sends {@code Connection: close} and reads one answer (length-delimited,
 * chunked, or to the end of the stream), at most {@link #MAX_BODY} bytes of body. Thread-safe: it
 * holds only the immutable TLS settings. A host name is resolved on every call, so a DNS change
 * (or failure) shows at once.
 */
public final class FreshHttp implements HttpTransport {

  /** Bodies beyond this are read and dropped: a probe needs the start of the answer only. */
  static final int MAX_BODY = 256 * 1024;

  private final Tls tls;

  public FreshHttp(Tls tls) {
    this.tls = tls;
  }

  /**
   * Send one request on a new connection; {@code timeout} bounds the whole call: connect, and the
   * answer as a whole, so an answer that drips a byte at a time cannot hold the caller past it.
   */
  @Override
  public HttpAnswer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket plain = new Socket()) {
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(uri.getHost(), port), millis);
      plain.setSoTimeout(millis);
      Socket socket = https ? secure(plain, uri.getHost(), port) : plain;
      try {
        write(socket.getOutputStream(), method, uri, port, headers, body);
        return read(new Deadline(socket, deadline, millis), method);
      } finally {
        socket.close();
      }
    }
  }

  private Socket secure(Socket plain, String host, int port) throws IOException {
    SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    if (tls.verify()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  private static void write(OutputStream out, String method, URI uri, int port, Map<String, String> headers,
      byte[] body) throws IOException {
    String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    boolean defaultPort = uri.getPort() < 0;
    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
        .append("Connection: close\r\nUser-Agent: upgrade-junit-probe\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null || "POST".equals(method) || "PUT".equals(method)) {
      head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  private static HttpAnswer read(InputStream in, String method) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new java.net.ProtocolException("not an HTTP answer: " + abbreviate(statusLine));
    }
    int status = Integer.parseInt(parts[1].trim());
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
            (a, b) -> a + "," + b);
      }
    }
    boolean noBody = "HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1;
    byte[] body = noBody ? new byte[0] : body(in, headers);
    return new HttpAnswer(status, name -> headers.get(name.toLowerCase(Locale.ROOT)), body);
  }

  private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
        copy(in, out, size);
        line(in);
      }
      return out.toByteArray();
    }
    String length = headers.get("content-length");
    copy(in, out, length == null ? Long.MAX_VALUE : Long.parseLong(length.trim()));
    return out.toByteArray();
  }

  private static long chunkSize(String line) {
    int semicolon = line.indexOf(';');
    return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
  }

  /** Copy {@code count} bytes (or to the end when MAX_VALUE), keeping at most MAX_BODY of them. */
  private static void copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (count != Long.MAX_VALUE) {
          throw new EOFException("the answer ended " + left + " bytes early");
        }
        return;
      }
      int keep = Math.max(0, Math.min(n, MAX_BODY - out.size()));
      out.write(buffer, 0, keep);
      left -= n;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the connection closed in the middle of the answer");
      }
      if (c != '\r' && line.length() < 16_384) {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /**
   * The socket's input with a deadline for the whole answer: each read may wait only for what is
   * left of it (a socket timeout alone bounds each read, not their sum).
   */
  private static final class Deadline extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadlineNanos;
    private final int totalMillis;
    private int soTimeout;

    Deadline(Socket socket, long deadlineNanos, int totalMillis) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadlineNanos = deadlineNanos;
      this.totalMillis = totalMillis;
      this.soTimeout = socket.getSoTimeout();
    }

    private void bound() throws IOException {
      long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new java.net.SocketTimeoutException("no complete answer within " + totalMillis + " ms");
      }
      if (left < soTimeout) {
        soTimeout = (int) left;
        socket.setSoTimeout(soTimeout);
      }
    }

    @Override
    public int read() throws IOException {
      bound();
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      bound();
      return in.read(buffer, offset, length);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
