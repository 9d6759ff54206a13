package io.github.upgradejunit.internal.analysis;

/**
 * Every threshold of the analysis, in one place, so that {@code docs/analysis.md}, the code and the
 * tests cannot drift apart. Changing one changes what the verdicts mean: do it on purpose.
 */
public final class Rules {

  /** A stretch without samples longer than this many probe intervals is a monitoring gap. */
  public static final int GAP_INTERVALS = 3;

  /** The probe interval assumed when a service has too few samples to observe one: 100 ms. */
  public static final long DEFAULT_INTERVAL_MICROS = 100_000;

  /** Confidence level of the p99 confidence interval. */
  public static final double CONFIDENCE = 0.95;

  /** Latency is compared only when each phase has at least this many successful samples. */
  public static final int MIN_LATENCY_SAMPLES = 20;

  /** One-sided Mann-Whitney p-value below which latency during the upgrade is significantly higher. */
  public static final double SIGNIFICANCE = 0.01;

  /**
   * Cliff's delta from which a significant shift counts as a degradation: 0.147 is the lower end
   * of a "small" effect (Romano et al., 2006). Below it the shift is negligible, however many
   * samples made it significant.
   */
  public static final double MIN_CLIFFS_DELTA = 0.147;

  /** At most this many step names are listed in one finding. */
  public static final int MAX_LISTED = 5;

  private Rules() {
  }
}
