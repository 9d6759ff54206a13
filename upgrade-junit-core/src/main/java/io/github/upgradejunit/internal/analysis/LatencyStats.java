package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;

/**
 * Latency of a service's successful probe samples in one phase (failed samples are left out: their
 * latency measures a timeout or a refusal, not service time). Percentiles use the nearest-rank
 * definition: the smallest sample with at least that share of samples at or below it. The p99
 * comes with a distribution-free {@link Rules#CONFIDENCE} confidence interval from order
 * statistics; a bound is {@code null} when too few samples exist for it (the upper bound needs 368
 * samples).
 *
 * @param phase the phase
 * @param count successful samples
 * @param p50Ms median, {@code null} without samples
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs maximum
 * @param p99LowerMs lower confidence bound of the p99
 * @param p99UpperMs upper confidence bound of the p99
 */
public record LatencyStats(Phase phase, int count, Double p50Ms, Double p95Ms, Double p99Ms,
    Double maxMs, Double p99LowerMs, Double p99UpperMs) {
}
