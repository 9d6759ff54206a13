package io.github.upgradejunit.internal.analysis;

/**
 * A stretch in which a service was not observed at all (longer than {@link Rules#GAP_INTERVALS}
 * probe intervals without a sample), e.g. because the monitoring JVM was killed. A gap is neither
 * an outage nor uptime: nothing is invented for it, and a gap inside the upgrade window means
 * zero-downtime cannot be proven.
 *
 * @param service the service
 * @param startMicros the last sample before the gap, or the window start
 * @param endMicros the first sample after the gap, or the window end
 * @param durationMs its length
 */
public record MonitoringGap(String service, long startMicros, long endMicros, double durationMs) {
}
