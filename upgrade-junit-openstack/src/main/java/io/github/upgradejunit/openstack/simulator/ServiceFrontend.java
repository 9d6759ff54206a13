package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One service's listening port with a virtual haproxy in front of N virtual backends.
 *
 * <p>Requests are spread round-robin over the backends that are not drained. There are no health
 * checks, as in a plain haproxy {@code balance roundrobin} without {@code check}: a request routed to
 * a down backend gets haproxy's 503 page, and when no backend can serve, every request gets it. A
 * drained backend (haproxy's MAINT/DRAIN) gets no traffic, which is how a zero-downtime rolling
 * restart works. A request that was being processed when its backend went down gets haproxy's 502.
 * Besides backend states, the listener itself can be closed and reopened on the same port (a real
 * hard outage: connection refused).
 *
 * <p>All state flips happen under one lock, and the truth recorder is told inside that lock, with
 * a timestamp taken there.
 */
final class ServiceFrontend implements HttpHandler {

  static final String CONTROL_PREFIX = "/_simulator/";
  private static final int BACKLOG = 256;
  private static final int REBIND_ATTEMPTS = 60;
  private static final long REBIND_PAUSE_MS = 50;
  private static final String NO_SERVER_PAGE = "<html><body><h1>503 Service Unavailable</h1>\n"
      + "No server is available to handle this request.\n</body></html>\n";
  private static final String BAD_GATEWAY_PAGE = "<html><body><h1>502 Bad Gateway</h1>\n"
      + "The server returned an invalid or incomplete response.\n</body></html>\n";

  static {
    // The JDK server writes a response's headers and body in separate packets; without
    // TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add about 40 ms to every
    // response on a kept-alive connection, which would swamp the latencies we want to measure.
    // The JDK reads this once, when the first HttpServer of the JVM starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final class Backend {
    boolean down;
    boolean drained;
    long epoch;
    String version;
  }

  private record Route(int backend, long epoch, String version) {
  }

  private final SimulatedService service;
  private final ApiHandler api;
  private final ApiHandler control;
  private final ExecutorService executor;
  private final TruthRecorder truth;
  private final long baseLatencyNanos;
  private final Object lock = new Object();
  private final Backend[] backends;
  private long routed;
  private HttpServer server;
  private volatile int port;
  private volatile double latencyFactor = 1.0;

  ServiceFrontend(SimulatedService service, int backendCount, String initialVersion,
      Duration baseLatency, ApiHandler api, ApiHandler control, ExecutorService executor,
      TruthRecorder truth) {
    if (backendCount < 1) {
      throw new IllegalArgumentException(service + " needs at least one backend");
    }
    this.service = service;
    this.api = api;
    this.control = control;
    this.executor = executor;
    this.truth = truth;
    this.baseLatencyNanos = baseLatency.toNanos();
    this.backends = new Backend[backendCount];
    for (int i = 0; i < backendCount; i++) {
      backends[i] = new Backend();
      backends[i].version = initialVersion;
    }
  }

  /** Binds the port (0 = ephemeral) on loopback and starts serving. */
  void start(int requestedPort) throws IOException {
    synchronized (lock) {
      HttpServer fresh = bind(requestedPort);
      port = fresh.getAddress().getPort();
      fresh.start();
      server = fresh;
    }
  }

  private HttpServer bind(int wantedPort) throws IOException {
    HttpServer fresh = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), BACKLOG);
    fresh.createContext("/", this);
    fresh.setExecutor(executor);
    return fresh;
  }

  SimulatedService service() {
    return service;
  }

  int port() {
    return port;
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  String baseUrl() {
    return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
  }

  int backendCount() {
    return backends.length;
  }

  // ---- state flips -------------------------------------------------------------------------

  /** Takes a backend down: requests routed to it get 503, requests in flight on it get 502. */
  void down(int backend) {
    synchronized (lock) {
      Backend b = backend(backend);
      if (!b.down) {
        b.down = true;
        b.epoch++;
        publish(Instant.now());
      }
    }
  }

  /** Brings a backend back, optionally running a new version from now on. */
  void up(int backend, String newVersion) {
    synchronized (lock) {
      Backend b = backend(backend);
      Instant now = Instant.now();
      if (newVersion != null) {
        changeVersion(backend, b, newVersion, now);
      }
      if (b.down) {
        b.down = false;
        publish(now);
      }
    }
  }

  /** Takes every backend down at once: one flip, so the truth shows no partial outage first. */
  void downAll() {
    synchronized (lock) {
      boolean changed = false;
      for (Backend b : backends) {
        if (!b.down) {
          b.down = true;
          b.epoch++;
          changed = true;
        }
      }
      if (changed) {
        publish(Instant.now());
      }
    }
  }

  /** Brings every backend back at once. */
  void upAll() {
    synchronized (lock) {
      boolean changed = false;
      for (Backend b : backends) {
        changed |= b.down;
        b.down = false;
      }
      if (changed) {
        publish(Instant.now());
      }
    }
  }

  /** Per backend, whether it is up (drained backends count as up). */
  List<Boolean> backendsUp() {
    synchronized (lock) {
      List<Boolean> up = new ArrayList<>();
      for (Backend b : backends) {
        up.add(!b.down);
      }
      return up;
    }
  }

  /** Drains a backend (no new requests reach it) or puts it back into rotation. */
  void drained(int backend, boolean drained) {
    synchronized (lock) {
      Backend b = backend(backend);
      if (b.drained != drained) {
        b.drained = drained;
        publish(Instant.now());
      }
    }
  }

  /** Sets the version of one backend, or of all when {@code backend} is 0. */
  void version(int backend, String version) {
    synchronized (lock) {
      Instant now = Instant.now();
      for (int i = 1; i <= backends.length; i++) {
        if (backend == 0 || backend == i) {
          changeVersion(i, backend(i), version, now);
        }
      }
    }
  }

  private void changeVersion(int number, Backend b, String version, Instant at) {
    truth.version(service, number, b.version, version, at);
    b.version = version;
  }

  /** Closes the listening socket: clients get "connection refused" until {@link #reopen()}. */
  void close() {
    synchronized (lock) {
      if (server == null) {
        return;
      }
      HttpServer old = server;
      server = null;
      publish(Instant.now());
      old.stop(0);
    }
  }

  /**
   * Listens again on the same port. Linux lets a server socket rebind while old connections sit
   * in TIME_WAIT (the JDK sets SO_REUSEADDR); if another process took the port meanwhile, this
   * retries for about three seconds and then fails.
   */
  void reopen() throws IOException {
    synchronized (lock) {
      if (server != null) {
        return;
      }
      HttpServer fresh = bindWithRetry();
      fresh.start();
      server = fresh;
      publish(Instant.now());
    }
  }

  private HttpServer bindWithRetry() throws IOException {
    BindException last = null;
    for (int attempt = 0; attempt < REBIND_ATTEMPTS; attempt++) {
      try {
        return bind(port);
      } catch (BindException e) {
        last = e;
        sleepQuietly(TimeUnit.MILLISECONDS.toNanos(REBIND_PAUSE_MS));
      }
    }
    throw new IOException("cannot listen on 127.0.0.1:" + port + " again for " + service, last);
  }

  void latencyFactor(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("latency factor must be > 0, got " + factor);
    }
    latencyFactor = factor;
  }

  List<String> versions() {
    synchronized (lock) {
      List<String> versions = new ArrayList<>();
      for (Backend b : backends) {
        versions.add(b.version);
      }
      return versions;
    }
  }

  boolean isListening() {
    synchronized (lock) {
      return server != null;
    }
  }

  /** Tells the truth recorder the current state again (after it was reset). */
  void republish() {
    synchronized (lock) {
      publish(Instant.now());
    }
  }

  /** Stops for good (simulator shutdown). */
  void shutdown() {
    HttpServer old;
    synchronized (lock) {
      old = server;
      server = null;
    }
    if (old != null) {
      old.stop(0);
    }
  }

  ObjectNode describe() {
    synchronized (lock) {
      ObjectNode node = Json.object();
      node.put("url", baseUrl());
      node.put("listening", server != null);
      node.put("latencyFactor", latencyFactor);
      ArrayNode list = node.putArray("backends");
      for (int i = 0; i < backends.length; i++) {
        list.addObject().put("backend", i + 1).put("host", SimulatorDriver.host(i + 1))
            .put("down", backends[i].down).put("drained", backends[i].drained)
            .put("version", backends[i].version);
      }
      return node;
    }
  }

  private Backend backend(int number) {
    if (number < 1 || number > backends.length) {
      throw new IllegalArgumentException(service + " has backends 1.." + backends.length
          + ", not " + number);
    }
    return backends[number - 1];
  }

  /** Must hold the lock. */
  private void publish(Instant at) {
    String whole = null;
    Set<Integer> partial = new LinkedHashSet<>();
    if (server == null) {
      whole = "connection-refused";
    } else if (!anyBackendServes()) {
      whole = "http-503";
    } else {
      for (int i = 0; i < backends.length; i++) {
        if (backends[i].down && !backends[i].drained) {
          partial.add(i + 1);
        }
      }
    }
    truth.serviceState(service, at, whole, partial);
  }

  private boolean anyBackendServes() {
    for (Backend b : backends) {
      if (!b.down && !b.drained) {
        return true;
      }
    }
    return false;
  }

  // ---- request path ------------------------------------------------------------------------

  @Override
  public void handle(HttpExchange exchange) {
    try {
      respond(exchange);
    } catch (IOException | RuntimeException e) {
      // The client went away or the listener was closed under us: nothing left to answer.
    } finally {
      exchange.close();
    }
  }

  private void respond(HttpExchange exchange) throws IOException {
    if (control != null && exchange.getRequestURI().getRawPath().startsWith(CONTROL_PREFIX)) {
      send(exchange, answer(control, exchange, 0, null));
      return;
    }
    Route route = route();
    if (route == null) {
      send(exchange, noServer());
      return;
    }
    sleepQuietly(Math.round(baseLatencyNanos * latencyFactor));
    ApiResponse response = answer(api, exchange, route.backend(), route.version());
    if (restartedSince(route)) {
      response = ApiResponse.text(502, "text/html", BAD_GATEWAY_PAGE)
          .header("Cache-Control", "no-cache");
    } else {
      response.header("X-Simulator-Backend", Integer.toString(route.backend()));
    }
    send(exchange, response);
  }

  private Route route() {
    synchronized (lock) {
      List<Integer> inRotation = new ArrayList<>(backends.length);
      for (int i = 0; i < backends.length; i++) {
        if (!backends[i].drained) {
          inRotation.add(i);
        }
      }
      if (inRotation.isEmpty()) {
        return null;
      }
      int index = inRotation.get((int) (routed++ % inRotation.size()));
      Backend chosen = backends[index];
      return chosen.down ? null : new Route(index + 1, chosen.epoch, chosen.version);
    }
  }

  private boolean restartedSince(Route route) {
    synchronized (lock) {
      return backends[route.backend() - 1].epoch != route.epoch();
    }
  }

  private static ApiResponse noServer() {
    return ApiResponse.text(503, "text/html", NO_SERVER_PAGE).header("Cache-Control", "no-cache");
  }

  private ApiResponse answer(ApiHandler handler, HttpExchange exchange, int backend,
      String version) throws IOException {
    try {
      return handler.handle(ApiRequest.read(exchange, backend, version, baseUrl()));
    } catch (ApiException e) {
      return e.response();
    } catch (RuntimeException e) {
      return handler.internalError(e);
    }
  }

  static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    if (response.contentType() != null) {
      headers.set("Content-Type", response.contentType());
    }
    int status = response.status();
    byte[] body = response.body();
    boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    boolean bodyless = status == 204 || status == 304 || status < 200;
    if (head || bodyless) {
      if (head && !bodyless && !headers.containsKey("Content-Length")) {
        headers.set("Content-Length", Integer.toString(body.length));
      }
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sleepQuietly(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
