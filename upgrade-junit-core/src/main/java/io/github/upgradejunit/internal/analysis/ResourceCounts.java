package io.github.upgradejunit.internal.analysis;

/**
 * What became of a service's {@code @PersistentResource}s. A rolling upgrade leaves every one of
 * them intact; one that was never verified proves nothing, so it counts against the verdict too.
 *
 * @param service the service, or {@code null} for resources tied to no single service
 * @param created resources created before the upgrade
 * @param intact verified unchanged after it
 * @param affected still there but changed (state, content, metadata)
 * @param gone no longer there
 * @param leaked not deleted by the cleanup (fails the run, not the verdict)
 */
public record ResourceCounts(String service, int created, int intact, int affected, int gone,
    int leaked) {

  /** Rejects negative counts. */
  public ResourceCounts {
    Counts.requireNonNegative(created, intact, affected, gone, leaked);
  }

  /** No resources for the service. */
  public static ResourceCounts none(String service) {
    return new ResourceCounts(service, 0, 0, 0, 0, 0);
  }

  /** Created resources that were neither found intact, affected nor gone: never verified. */
  public int unverified() {
    return Math.max(0, created - intact - affected - gone);
  }

  /** The counts of both, under this record's service. */
  public ResourceCounts plus(ResourceCounts other) {
    return new ResourceCounts(service, created + other.created, intact + other.intact,
        affected + other.affected, gone + other.gone, leaked + other.leaked);
  }
}
