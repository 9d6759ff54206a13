package io.github.upgradejunit.internal.analysis;

/**
 * The iterations of one during check: how often it ran and failed, and the first failure, so a
 * finding can say which check broke zero-downtime.
 *
 * @param checkId the check
 * @param iterations how many iterations ran
 * @param failed how many failed
 * @param firstError the first failure's message, {@code null} when none failed
 */
public record CheckCounts(String checkId, int iterations, int failed, String firstError) {
}
