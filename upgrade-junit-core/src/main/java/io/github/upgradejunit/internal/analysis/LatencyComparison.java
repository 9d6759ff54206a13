package io.github.upgradejunit.internal.analysis;

/**
 * Whether latency during the upgrade was significantly higher than before it: a one-sided
 * Mann-Whitney U test (mid-ranks for ties, tie-corrected variance, normal approximation with
 * continuity correction) and Cliff's delta as the effect size. Degraded means
 * {@code p < }{@link Rules#SIGNIFICANCE} and {@code cliffsDelta >= }{@link Rules#MIN_CLIFFS_DELTA}.
 *
 * @param beforeCount successful samples before the upgrade
 * @param duringCount successful samples during it
 * @param tested whether both had at least {@link Rules#MIN_LATENCY_SAMPLES} samples
 * @param u the U statistic of the during samples (pairs where during is slower, ties count half);
 *     {@code null} when not tested
 * @param z the standardized, continuity-corrected U
 * @param p the one-sided p-value for "during is slower"
 * @param cliffsDelta P(during slower) - P(during faster), in [-1, 1]
 * @param degraded whether latency degraded significantly and non-negligibly
 */
public record LatencyComparison(int beforeCount, int duringCount, boolean tested, Double u,
    Double z, Double p, Double cliffsDelta, boolean degraded) {

  /** A comparison that could not be made for lack of samples. */
  public static LatencyComparison untested(int beforeCount, int duringCount) {
    return new LatencyComparison(beforeCount, duringCount, false, null, null, null, null, false);
  }
}
