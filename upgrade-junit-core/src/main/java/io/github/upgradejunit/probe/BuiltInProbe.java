package io.github.upgradejunit.probe;

import io.github.upgradejunit.spi.Probe;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** What every built-in probe has: its names, its own rate and deadline, and whether it is a control. */
abstract class BuiltInProbe implements Probe {

  private final String service;
  private final String series;
  private final OptionalDouble rate;
  private final Optional<Duration> deadline;
  private final boolean control;

  BuiltInProbe(ProbeOptions<?> settings) {
    this.service = Objects.requireNonNull(settings.service, "service");
    this.series = settings.series == null ? service : settings.series;
    this.rate = settings.rate;
    this.deadline = settings.deadline;
    this.control = settings.control;
  }

  @Override
  public final String service() {
    return service;
  }

  @Override
  public final String series() {
    return series;
  }

  @Override
  public final boolean control() {
    return control;
  }

  @Override
  public final OptionalDouble rate() {
    return rate;
  }

  @Override
  public final Optional<Duration> deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + series + "]";
  }
}
