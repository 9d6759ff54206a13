package io.github.upgradejunit.internal.analysis;

import java.util.Objects;

/**
 * One iteration of a {@code @DuringUpgrade} check. A zero-downtime upgrade has no failed iteration:
 * the checks exercise what probes cannot (create a server, write an object).
 *
 * @param checkId the check, e.g. {@code ComputeSurvivesUpgrade#canListServers}
 * @param service the service it exercises, or {@code null} when it belongs to no single service
 * @param startMicros when the iteration began (epoch microseconds)
 * @param endMicros when it ended
 * @param ok whether it passed
 * @param error the failure message, {@code null} when it passed
 */
public record Iteration(String checkId, String service, long startMicros, long endMicros,
    boolean ok, String error) {

  /** Requires a check id. */
  public Iteration {
    Objects.requireNonNull(checkId, "checkId");
  }
}
