package io.github.upgradejunit.openstack.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP/1.1 proxy for tests, on an ephemeral loopback port, in front of one API
 * (the simulator's, or a real cloud's). Healthy, it forwards every request on a new upstream
 * connection and answers the client on its own (possibly kept-alive) connection. A {@link Fault}
 * set with {@link #inject} applies to every request it matches from then on, until {@link #heal}:
 * per request, or per connection with a predicate on {@link Request#connectionRequest()}.
 *
 * <p>Every fault is one a real path shows: a load balancer that accepts and never answers, a
 * backend that sends the headers and stalls, a reset in the middle of an answer, a 5xx storm, an
 * HTML maintenance page where JSON is due, a cut-off JSON body, added latency, a closed port.
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does to a matching request. */
  public enum Fault {
    /** Forward and answer faithfully. */
    NONE("healthy"),
    /** Accept the connection (and read the request) and never answer. */
    BLACKHOLE("accept, never answer"),
    /** Send the status line and headers (and half of the body, if any), then stall for ever. */
    STALL_BODY("headers, then stall"),
    /** Send the headers, then one byte of body every 100 ms for ever (a slow-loris answer; without a body, the headers drip). */
    DRIP_BODY("headers, then 1 byte/100 ms"),
    /** Send part of the answer, then reset the connection (TCP RST). */
    RESET("reset mid-answer"),
    /** Answer 500, 502, 503 and 504 in turn without asking the API. */
    STORM_5XX("5xx storm"),
    /** Answer 200 with an HTML maintenance page, without asking the API. */
    HTML("HTML instead of JSON"),
    /** Forward, then answer with the first half of the body (a complete HTTP message, cut JSON). */
    TRUNCATED_JSON("truncated JSON"),
    /** Forward after {@link #latencyMillis} of added delay. */
    LATENCY("+300 ms latency"),
    /** Close the listening port and every open connection: connection refused until healed. */
    REFUSE("connection refused");

    private final String label;

    Fault(String label) {
      this.label = label;
    }

    /** A short name for display names: "accept, never answer". */
    public String label() {
      return label;
    }
  }

  /** A request as the proxy read it. {@code connectionRequest} counts from 1 on each connection. */
  public record Request(String method, String target, int connectionRequest, long number) {
  }

  private static final byte[] HTML_PAGE = ("<html><body><h1>Down for maintenance</h1>\n"
      + "The service is being upgraded.</body></html>").getBytes(StandardCharsets.US_ASCII);

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private volatile ServerSocket listener;
  private volatile Fault fault = Fault.NONE;
  private volatile Predicate<Request> matches = r -> true;
  private volatile long latencyMillis = 300;
  private volatile boolean closed;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong faulted = new AtomicLong();
  private final AtomicLong storm = new AtomicLong();

  /** A proxy in front of {@code http://targetHost:targetPort}. */
  public FaultProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** A proxy in front of the scheme and authority of {@code url} (http only). */
  public static FaultProxy inFrontOf(String url) throws IOException {
    java.net.URI uri = java.net.URI.create(url);
    return new FaultProxy(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
  }

  /** {@code http://127.0.0.1:port}, without a path. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The same URL with the proxy's authority instead of the API's: path and query are kept. */
  public String rewrite(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return baseUrl() + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** Apply {@code fault} to every request from now on. */
  public FaultProxy inject(Fault fault) {
    return inject(fault, r -> true);
  }

  /** Apply {@code fault} to the requests {@code when} selects (the others are forwarded faithfully). */
  public synchronized FaultProxy inject(Fault fault, Predicate<Request> when) {
    this.matches = when;
    this.fault = fault;
    if (fault == Fault.REFUSE) {
      refuse();
    }
    return this;
  }

  /** Added delay of {@link Fault#LATENCY}. */
  public FaultProxy latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Back to healthy: the port listens again, stalled answers are cut. */
  public synchronized FaultProxy heal() {
    Fault was = fault;
    fault = Fault.NONE;
    matches = r -> true;
    if (was == Fault.REFUSE && !closed) {
      try {
        listener = listen(port);
        acceptOn(listener);
      } catch (IOException e) {
        throw new IllegalStateException("cannot listen again on port " + port, e);
      }
    }
    // stalled, dripping and black-holed answers see the change and end their connection; others,
    // a delayed answer in flight for instance, finish normally
    return this;
  }

  /** The fault in force. */
  public Fault fault() {
    return fault;
  }

  /** Requests read so far. */
  public long requests() {
    return requests.get();
  }

  /** Requests a fault was applied to so far. */
  public long faulted() {
    return faulted.get();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    return socket;
  }

  private void acceptOn(ServerSocket socket) {
    Thread acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          open.add(client);
          Thread worker = new Thread(() -> serve(client), "fault-proxy-" + port + "-conn");
          worker.setDaemon(true);
          worker.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }, "fault-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void refuse() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    closeAll();
  }

  private void closeAll() {
    for (Socket s : List.copyOf(open)) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int n = 1; ; n++) {
        Head head = Head.read(in);
        if (head == null) {
          return; // the client closed its connection
        }
        byte[] body = Head.body(in, head.headers, false, head.method);
        Request request = new Request(head.method, head.target, n, requests.incrementAndGet());
        Fault now = fault;
        if (now != Fault.NONE && matches.test(request)) {
          faulted.incrementAndGet();
        } else {
          now = Fault.NONE;
        }
        if (!answer(now, head, body, out, client)) {
          return;
        }
        if ("close".equalsIgnoreCase(head.headers.getOrDefault("connection", ""))) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the proxy was healed or closed
    } finally {
      open.remove(client);
    }
  }

  /** Answer one request; false when the connection must end. */
  private boolean answer(Fault now, Head head, byte[] body, OutputStream out, Socket client)
      throws IOException, InterruptedException {
    switch (now) {
      case BLACKHOLE -> {
        hold();
        return false;
      }
      case STORM_5XX -> {
        int status = 500 + (int) (storm.getAndIncrement() % 4);
        byte[] page = ("{\"error\": {\"code\": " + status + ", \"message\": \"storm\"}}").getBytes(StandardCharsets.US_ASCII);
        write(out, status, Map.of("Content-Type", "application/json"), page, page.length, head.method);
        return true;
      }
      case HTML -> {
        write(out, 200, Map.of("Content-Type", "text/html"), HTML_PAGE, HTML_PAGE.length, head.method);
        return true;
      }
      case REFUSE -> {
        return false; // raced with refuse(): drop the connection
      }
      default -> {
        // the faults below need the API's answer first
      }
    }
    if (now == Fault.LATENCY) {
      Thread.sleep(latencyMillis);
    }
    Answer answer = forward(head, body);
    switch (now) {
      case TRUNCATED_JSON -> {
        byte[] cut = java.util.Arrays.copyOf(answer.body, answer.body.length / 2);
        write(out, answer.status, answer.headers, cut, cut.length, head.method);
        return true;
      }
      case STALL_BODY -> {
        if (answer.body.length > 0) {
          writeHead(out, answer.status, answer.headers, answer.body.length);
          out.write(answer.body, 0, answer.body.length / 2);
        } else {
          byte[] headText = headText(answer.status, answer.headers, answer.declaredLength);
          out.write(headText, 0, headText.length / 2); // an answer without a body stalls in its headers
        }
        out.flush();
        hold();
        return false;
      }
      case DRIP_BODY -> {
        if (answer.body.length == 0) { // an answer without a body drips its headers
          byte[] headText = headText(answer.status, answer.headers, answer.declaredLength);
          for (int i = 0; i < headText.length - 2 && fault == Fault.DRIP_BODY && !closed; i++) {
            out.write(headText[i]);
            out.flush();
            Thread.sleep(100);
          }
          hold();
          return false;
        }
        writeHead(out, answer.status, answer.headers, 1_000_000);
        out.flush();
        while (fault == Fault.DRIP_BODY && !closed) {
          out.write(answer.body.length > 0 ? answer.body[0] : ' ');
          out.flush();
          Thread.sleep(100);
        }
        return false;
      }
      case RESET -> {
        byte[] whole = message(answer.status, answer.headers, answer.body, answer.body.length, head.method,
            answer.declaredLength);
        out.write(whole, 0, Math.max(1, whole.length / 2));
        out.flush();
        client.setSoLinger(true, 0); // close() now sends RST
        return false;
      }
      default -> {
        write(out, answer.status, answer.headers, answer.body, answer.body.length, head.method,
            answer.declaredLength);
        return true;
      }
    }
  }

  private void hold() throws InterruptedException {
    Fault held = fault;
    while (fault == held && !closed) {
      Thread.sleep(20);
    }
  }

  // ---- forwarding ------------------------------------------------------------------------------

  private record Answer(int status, Map<String, String> headers, byte[] body, long declaredLength) {
  }

  private Answer forward(Head head, byte[] body) throws IOException {
    try (Socket upstream = new Socket()) {
      upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
      upstream.setSoTimeout(60_000);
      StringBuilder text = new StringBuilder(head.method).append(' ').append(head.target).append(" HTTP/1.1\r\n");
      head.headers.forEach((k, v) -> {
        if (!Set.of("connection", "content-length", "transfer-encoding", "keep-alive").contains(k)) {
          text.append(k).append(": ").append(v).append("\r\n");
        }
      });
      text.append("Connection: close\r\n");
      if (body.length > 0 || Set.of("POST", "PUT", "PATCH").contains(head.method)) {
        text.append("Content-Length: ").append(body.length).append("\r\n");
      }
      text.append("\r\n");
      OutputStream out = upstream.getOutputStream();
      out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = upstream.getInputStream();
      String statusLine = Head.line(in);
      int status = Integer.parseInt(statusLine.split(" ", 3)[1].trim());
      Map<String, String> headers = Head.headers(in);
      boolean noBody = "HEAD".equals(head.method) || status == 204 || status == 304 || status / 100 == 1;
      long declared = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length").trim()) : -1;
      byte[] content = noBody ? new byte[0] : Head.body(in, headers, true, head.method);
      return new Answer(status, headers, content, declared);
    }
  }

  // ---- writing answers -------------------------------------------------------------------------

  private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body, long length,
      String method) throws IOException {
    write(out, status, headers, body, length, method, length);
  }

  private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body, long length,
      String method, long declaredForHead) throws IOException {
    out.write(message(status, headers, body, length, method, declaredForHead));
    out.flush();
  }

  private static byte[] message(int status, Map<String, String> headers, byte[] body, long length, String method,
      long declaredForHead) {
    boolean head = "HEAD".equals(method);
    byte[] text = headText(status, headers, head ? declaredForHead : length);
    ByteArrayOutputStream all = new ByteArrayOutputStream(text.length + body.length);
    all.writeBytes(text);
    if (!head) {
      all.writeBytes(body);
    }
    return all.toByteArray();
  }

  private static void writeHead(OutputStream out, int status, Map<String, String> headers, long length)
      throws IOException {
    out.write(headText(status, headers, length));
  }

  private static byte[] headText(int status, Map<String, String> headers, long length) {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    headers.forEach((k, v) -> {
      if (!Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date").contains(
          k.toLowerCase(Locale.ROOT))) {
        text.append(k).append(": ").append(v).append("\r\n");
      }
    });
    if (length >= 0 && status != 204 && status != 304) {
      text.append("Content-Length: ").append(length).append("\r\n");
    }
    text.append("\r\n");
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    closeAll();
  }

  @Override
  public String toString() {
    return "FaultProxy[" + baseUrl() + " -> " + targetHost + ":" + targetPort + ", " + fault + "]";
  }

  /** A request or answer head: the first line's parts and the headers (names in lower case). */
  private static final class Head {
    final String method;
    final String target;
    final Map<String, String> headers;

    private Head(String method, String target, Map<String, String> headers) {
      this.method = method;
      this.target = target;
      this.headers = headers;
    }

    /** The next request on a connection, or null at its clean end. */
    static Head read(InputStream in) throws IOException {
      String first;
      try {
        first = line(in);
      } catch (EOFException | SocketException e) {
        return null;
      }
      if (first.isEmpty()) {
        return null;
      }
      String[] parts = first.split(" ", 3);
      return new Head(parts[0], parts.length > 1 ? parts[1] : "/", headers(in));
    }

    static Map<String, String> headers(InputStream in) throws IOException {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
              (a, b) -> a + ", " + b);
        }
      }
      return headers;
    }

    /** A body by Content-Length or chunks; to the end of the stream only for answers. */
    static byte[] body(InputStream in, Map<String, String> headers, boolean answer, String method) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
            size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
          out.write(in.readNBytes(size));
          line(in);
        }
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
          // trailers are dropped
        }
        return out.toByteArray();
      }
      String length = headers.get("content-length");
      if (length != null) {
        return in.readNBytes(Integer.parseInt(length.trim()));
      }
      return answer ? in.readAllBytes() : new byte[0];
    }

    static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("end of stream");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }

  /** The faults of the matrix, in a fixed order. */
  public static List<Fault> faults() {
    List<Fault> all = new ArrayList<>(List.of(Fault.values()));
    all.remove(Fault.NONE);
    return all;
  }
}
