package io.github.upgradejunit.internal.analysis;

/**
 * Counts and the observed probe interval of one probe series of one monitoring process. The
 * observed interval shows whether the monitor kept its rate; it sets the resolution of outages.
 *
 * @param series the series, e.g. {@code compute/fresh}
 * @param runner the monitoring process, may be {@code null}
 * @param samples samples taken
 * @param failed failed samples
 * @param medianIntervalMs median spacing of consecutive intended starts; {@code null} below two
 *     samples
 */
public record SeriesStats(String series, String runner, int samples, int failed,
    Double medianIntervalMs) {
}
