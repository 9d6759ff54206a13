package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.upgradejunit.spi.ProbeResult;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A TCP connect probe: a sample succeeds when a connection to {@code host:port} is accepted within
 * the deadline, and the connection is closed at once. It answers "is the port reachable", for a
 * VM's SSH port, a database or a load balancer, without speaking its protocol. The host name is
 * resolved on every call: a name that does not resolve is a {@link io.github.upgradejunit.spi.ErrorClass#DNS}
 * sample, a refused or reset connection {@link io.github.upgradejunit.spi.ErrorClass#CONNECT}.
 *
 * <pre>{@code
 * Probe ssh = TcpProbe.to("203.0.113.7", 22).service("compute").series("compute/ssh/web").rate(2).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TcpProbe extends BuiltInProbe {

  private final String host;
  private final int port;

  private TcpProbe(Builder b) {
    super(b);
    this.host = b.host;
    this.port = b.port;
  }

  /** A builder for a probe of this host (name or address) and port. */
  public static Builder to(String host, int port) {
    return new Builder(host, port);
  }

  /** The host probed. */
  public String host() {
    return host;
  }

  /** The port probed. */
  public int port() {
    return port;
  }

  @Override
  public ProbeResult call(Duration deadline) throws Exception {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.toMillis()));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis);
    }
    return ProbeResult.success();
  }

  /** Builds a {@link TcpProbe}; only the service is required. */
  public static final class Builder extends ProbeOptions<Builder> {
    private final String host;
    private final int port;

    private Builder(String host, int port) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("a TCP probe needs a host");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("a TCP port is 1 to 65535, not " + port);
      }
      this.host = host;
      this.port = port;
    }

    @Override
    Builder self() {
      return this;
    }

    /** The probe. */
    public TcpProbe build() {
      return new TcpProbe(this);
    }
  }
}
