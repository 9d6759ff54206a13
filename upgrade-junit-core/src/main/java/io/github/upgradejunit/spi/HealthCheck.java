package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A check that a service is healthy, contributed by a plugin and needing no test code: the core
 * runs every health check at the start of the before phase and again after the upgrade, each as a
 * test of its own named {@code health: <service> <name>}, so a sick cloud shows before the upgrade
 * is blamed for it.
 *
 * <p>Like a test: return normally when healthy; throw (an {@link AssertionError} or any exception)
 * with a message that says what is wrong when not; abort with
 * {@code org.opentest4j.TestAbortedException} (JUnit's {@code Assumptions.abort}) when the check
 * does not apply, e.g. it needs admin credentials the user did not give — it is then reported as
 * skipped with that reason. The core stops waiting at {@code deadline} and reports the check as
 * failed; implementations should set matching socket timeouts.
 *
 * <pre>{@code
 * HealthCheck swift = HealthCheck.of("object-store", "/healthcheck", deadline ->
 *     assertThat(http.get(root + "/healthcheck", deadline).status()).isEqualTo(200));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface HealthCheck {

  /** The service checked, keyed by catalog type: {@code object-store}. */
  String service();

  /** What is checked, short: {@code /healthcheck}, {@code endpoint answers}, {@code nova services up}. */
  String name();

  /** Check once; return when healthy, throw when not, abort when the check does not apply. */
  void check(Duration deadline) throws Exception;

  /** A health check from a lambda. */
  static HealthCheck of(String service, String name, Body body) {
    return new HealthCheck() {
      @Override
      public String service() {
        return service;
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public void check(Duration deadline) throws Exception {
        body.check(deadline);
      }
    };
  }

  /** The body of a health check built with {@link #of}. */
  @FunctionalInterface
  interface Body {
    /** Check once. */
    void check(Duration deadline) throws Exception;
  }
}
