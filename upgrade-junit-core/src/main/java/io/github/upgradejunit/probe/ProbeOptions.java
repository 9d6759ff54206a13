package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The options every built-in probe's builder shares: the service and series it reports under, its
 * own rate and deadline, and whether it is a control.
 *
 * @param <B> the concrete builder, for chaining
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ProbeOptions<B extends ProbeOptions<B>> {

  String service;
  String series;
  OptionalDouble rate = OptionalDouble.empty();
  Optional<Duration> deadline = Optional.empty();
  boolean control;

  /** This builder. */
  abstract B self();

  /** The service the samples are reported under (required). */
  public B service(String name) {
    this.service = name;
    return self();
  }

  /** The series name; default: the service name. */
  public B series(String name) {
    this.series = name;
    return self();
  }

  /** Calls per second, instead of the run's {@code upgrade.probe.rate}. */
  public B rate(double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a probe rate must be a number > 0, not " + perSecond);
    }
    this.rate = OptionalDouble.of(perSecond);
    return self();
  }

  /** Whole-call deadline, instead of the run's {@code upgrade.probe.deadline}. */
  public B deadline(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("a probe deadline must be longer than zero, not " + value);
    }
    this.deadline = Optional.of(value);
    return self();
  }

  /** Whether this probe is a control: something outside the system under test. */
  public B control(boolean value) {
    this.control = value;
    return self();
  }

  ProbeOptions() {
  }
}
