package io.github.upgradejunit.internal.analysis;

/**
 * The honored-request ledger of a service, reconciled: a zero-downtime upgrade honors every
 * mutating request it accepted and rejects none with a 5xx.
 *
 * @param service the service, or {@code null} for requests tied to no single service
 * @param accepted mutating requests the API accepted during the upgrade
 * @param honored accepted requests that took effect (VM active, object readable, ...)
 * @param lost accepted requests that never took effect
 * @param rejected5xx mutating requests answered with a 5xx
 */
public record LedgerCounts(String service, int accepted, int honored, int lost, int rejected5xx) {

  /** Rejects negative counts. */
  public LedgerCounts {
    Counts.requireNonNegative(accepted, honored, lost, rejected5xx);
  }

  /** No ledger entries for the service. */
  public static LedgerCounts none(String service) {
    return new LedgerCounts(service, 0, 0, 0, 0);
  }

  /** Accepted requests that were never settled as honored or lost. */
  public int unsettled() {
    return Math.max(0, accepted - honored - lost);
  }

  /** The counts of both, under this record's service. */
  public LedgerCounts plus(LedgerCounts other) {
    return new LedgerCounts(service, accepted + other.accepted, honored + other.honored,
        lost + other.lost, rejected5xx + other.rejected5xx);
  }
}
