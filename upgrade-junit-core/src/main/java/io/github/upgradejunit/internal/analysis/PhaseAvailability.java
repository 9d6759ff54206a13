package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;

/**
 * The share of successful probe samples in one phase. It is sample-based, so time without samples
 * (a monitoring gap) counts neither as up nor as down.
 *
 * @param phase the phase
 * @param samples samples whose intended start falls in the phase
 * @param failed failed ones among them
 * @param availabilityPercent {@code 100 * (samples - failed) / samples}; {@code null} without samples
 */
public record PhaseAvailability(Phase phase, int samples, int failed, Double availabilityPercent) {

  /** The availability of {@code failed} failures among {@code samples}. */
  public static PhaseAvailability of(Phase phase, int samples, int failed) {
    Double percent = samples == 0 ? null : 100.0 * (samples - failed) / samples;
    return new PhaseAvailability(phase, samples, failed, percent);
  }
}
