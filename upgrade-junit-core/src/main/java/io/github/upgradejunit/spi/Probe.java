package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One series of the background uptime monitor: the same request, sent open-loop at a fixed rate
 * from before the upgrade until a tail after it.
 *
 * <p>The scheduler calls {@link #call} from pooled threads, several at once when the target is
 * slow, so implementations must be thread-safe and must not keep per-thread state. The scheduler
 * enforces the whole-call deadline itself; {@code deadline} is passed so the implementation can set
 * matching socket timeouts. An exception thrown by {@code call} is classified by the core
 * ({@link ErrorClass#of(Throwable)}).
 *
 * <pre>{@code
 * Probe listServers = Probe.of("compute", "compute/keepalive", deadline ->
 *     ProbeResult.ofStatus(http.send(request, discarding()).statusCode()));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Probe {

  /** The service this probe measures, keyed by catalog type: {@code identity}, {@code compute}. */
  String service();

  /** A unique series name, e.g. {@code compute/fresh}; several series may measure one service. */
  String series();

  /**
   * A control probe watches something outside the system under test; when it fails together with
   * a service probe, that outage is flagged as possibly tester-side.
   */
  default boolean control() {
    return false;
  }

  /**
   * This series' own rate in calls per second; empty (the default) means the run's
   * {@code upgrade.probe.rate}. A data-plane probe of many servers may want less than an API probe.
   */
  default OptionalDouble rate() {
    return OptionalDouble.empty();
  }

  /**
   * This series' own whole-call deadline; empty (the default) means the run's
   * {@code upgrade.probe.deadline}.
   */
  default Optional<Duration> deadline() {
    return Optional.empty();
  }

  /** Send one request and say how it went. */
  ProbeResult call(Duration deadline) throws Exception;

  /** A probe from a lambda. */
  static Probe of(String service, String series, Call call) {
    return new Probe() {
      @Override
      public String service() {
        return service;
      }

      @Override
      public String series() {
        return series;
      }

      @Override
      public ProbeResult call(Duration deadline) throws Exception {
        return call.call(deadline);
      }
    };
  }

  /** The body of a probe built with {@link #of}. */
  @FunctionalInterface
  interface Call {
    /** Send one request. */
    ProbeResult call(Duration deadline) throws Exception;
  }
}
