package io.github.upgradejunit.internal.analysis;

/**
 * The one-sided Mann-Whitney U test of "latency during the upgrade is stochastically greater than
 * before it", on sorted samples in one merge pass (O(n) after the O(n log n) sorts). Ties get
 * mid-ranks and the variance the usual tie correction; p comes from the normal approximation with
 * a continuity correction of 1/2, accurate at the sample sizes a 10 Hz monitor produces. The effect
 * size is Cliff's delta, {@code 2U / (n1 n2) - 1}.
 */
final class MannWhitney {

  private MannWhitney() {
  }

  /**
   * Compares during against before, both sorted ascending; untested when either has fewer than
   * {@link Rules#MIN_LATENCY_SAMPLES} samples.
   */
  static LatencyComparison compare(long[] before, long[] during) {
    if (before.length < Rules.MIN_LATENCY_SAMPLES || during.length < Rules.MIN_LATENCY_SAMPLES) {
      return LatencyComparison.untested(before.length, during.length);
    }
    return test(before, during);
  }

  /** The test itself, on two non-empty samples sorted ascending, whatever their size. */
  static LatencyComparison test(long[] before, long[] during) {
    double nb = before.length;
    double nd = during.length;
    RankSums sums = RankSums.of(before, during);
    double u = sums.during() - nd * (nd + 1) / 2;
    double n = nb + nd;
    double variance = nb * nd / 12 * ((n + 1) - sums.tieTerm() / (n * (n - 1)));
    double z = variance > 0 ? (u - nb * nd / 2 - 0.5) / Math.sqrt(variance) : 0;
    double p = variance > 0 ? Normal.upperTail(z) : 1;
    double delta = 2 * u / (nb * nd) - 1;
    boolean degraded = p < Rules.SIGNIFICANCE && delta >= Rules.MIN_CLIFFS_DELTA;
    return new LatencyComparison(before.length, during.length, true, u, z, p, delta, degraded);
  }

  /** The rank sum of the during sample and the tie term sum(t^3 - t) over tie groups. */
  private record RankSums(double during, double tieTerm) {

    static RankSums of(long[] before, long[] during) {
      int i = 0;
      int j = 0;
      double nextRank = 1;
      double rankSum = 0;
      double tieTerm = 0;
      while (i < before.length || j < during.length) {
        long value = Math.min(i < before.length ? before[i] : Long.MAX_VALUE,
            j < during.length ? during[j] : Long.MAX_VALUE);
        int fromBefore = 0;
        while (i < before.length && before[i] == value) {
          i++;
          fromBefore++;
        }
        int fromDuring = 0;
        while (j < during.length && during[j] == value) {
          j++;
          fromDuring++;
        }
        double ties = fromBefore + fromDuring;
        rankSum += fromDuring * (nextRank + (ties - 1) / 2);
        tieTerm += ties * ties * ties - ties;
        nextRank += ties;
      }
      return new RankSums(rankSum, tieTerm);
    }
  }
}
