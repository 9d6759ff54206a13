package io.github.upgradejunit.internal.monitor;

import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.internal.store.Micros;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local targets for the built-in probes that go down on command and record the true instants
 * (wall-clock microseconds) at which they went down and came back: ground truth for fidelity tests.
 */
final class FlappingTargets {

  /** One true outage: down from {@code downMicros} until {@code upMicros}, failing as {@code errorClass}. */
  record Truth(long downMicros, long upMicros, String errorClass) {
  }

  private FlappingTargets() {
  }

  /**
   * An HTTP server on an ephemeral loopback port answering {@code GET /health}: 200 "healthy" when
   * up; when down, 503 or a 200 with the wrong body, as chosen.
   */
  static final class Http implements AutoCloseable {
    private final HttpServer server;
    private final List<Truth> truth = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "healthy";
    private volatile long downSince;
    private volatile String failure;

    Http() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.createContext("/", exchange -> {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(content);
        }
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    /** Answer 503 from now on. */
    void serverError() {
      down(503, "down for maintenance", "HTTP_5XX");
    }

    /** Answer 200 with a body the probe does not expect from now on. */
    void wrongBody() {
      down(200, "<html>maintenance</html>", "BAD_BODY");
    }

    private void down(int newStatus, String newBody, String errorClass) {
      status = newStatus;
      body = newBody;
      failure = errorClass;
      downSince = Micros.now();
    }

    void up() {
      status = 200;
      body = "healthy";
      truth.add(new Truth(downSince, Micros.now(), failure));
    }

    List<Truth> truth() {
      return truth;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** A TCP listener on an ephemeral loopback port that closes (refusing connections) on command. */
  static final class Tcp implements AutoCloseable {
    private final int port;
    private final List<Truth> truth = new CopyOnWriteArrayList<>();
    private volatile ServerSocket socket;
    private volatile long downSince;

    Tcp() throws IOException {
      socket = listen(0);
      port = socket.getLocalPort();
    }

    private static ServerSocket listen(int port) throws IOException {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      Thread acceptor = new Thread(() -> {
        while (!s.isClosed()) {
          try (Socket accepted = s.accept()) {
            accepted.getInputStream().read(); // until the prober closes its end
          } catch (IOException closed) {
            return;
          }
        }
      }, "flapping-tcp-" + s.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return s;
    }

    int port() {
      return port;
    }

    /** Stop listening: connections are refused. */
    void down() throws IOException {
      socket.close();
      downSince = Micros.now();
    }

    /** Listen again on the same port. */
    void up() {
      try {
        socket = listen(port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      truth.add(new Truth(downSince, Micros.now(), "CONNECT"));
    }

    List<Truth> truth() {
      return truth;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
