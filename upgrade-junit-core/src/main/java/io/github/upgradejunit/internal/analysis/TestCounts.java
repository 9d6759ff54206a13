package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.Objects;

/**
 * Test results of one phase, for one service or for none. Failed before- and after-phase tests
 * break the rolling verdict (the premise or the outcome did not hold); failed during-phase tests
 * break zero-downtime.
 *
 * @param service the service the tests are about, or {@code null}
 * @param phase the phase they ran in
 * @param passed passed tests
 * @param failed failed tests (failures and errors)
 * @param skipped skipped or aborted tests (never a failure)
 */
public record TestCounts(String service, Phase phase, int passed, int failed, int skipped) {

  /** Requires a phase and rejects negative counts. */
  public TestCounts {
    Objects.requireNonNull(phase, "phase");
    Counts.requireNonNegative(passed, failed, skipped);
  }

  /** The counts of both, under this record's service and phase. */
  public TestCounts plus(TestCounts other) {
    return new TestCounts(service, phase, passed + other.passed, failed + other.failed,
        skipped + other.skipped);
  }
}
