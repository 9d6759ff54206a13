package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.List;

/**
 * One interval during which a service's probes failed with one error class, with the honest
 * resolution the probe spacing allows. The true outage lies between the last sample before it and
 * the first sample after it ({@code upperMs}), and covers at least its own failed samples
 * ({@code lowerMs}); {@code estimateMs} is the midpoint, whose error is at most half the spacing at
 * each edge. {@code startMicros} and {@code endMicros} are the estimated edges (midway between the
 * neighbouring samples), so {@code endMicros - startMicros} is the estimate.
 *
 * @param service the service
 * @param errorClass the {@link io.github.upgradejunit.spi.ErrorClass} name of every failed sample
 * @param startMicros estimated start: midway between the preceding sample and the first failed one
 * @param endMicros estimated end: midway between the last failed sample and the following one
 * @param estimateMs point estimate of the duration, the midpoint of the bounds
 * @param lowerMs lower bound: first to last failed sample
 * @param upperMs upper bound: preceding to following sample
 * @param firstFailedMicros intended start of the first failed sample
 * @param lastFailedMicros intended start of the last failed sample
 * @param precedingMicros intended start of the sample before (synthetic when {@code censored})
 * @param followingMicros intended start of the sample after (synthetic when {@code censored})
 * @param failedSamples number of failed samples
 * @param series the probe series that failed, sorted
 * @param steps the upgrade steps running when it began, in order of start; empty when none
 * @param phase the phase of its first failed sample
 * @param detail the first failed sample's detail, may be {@code null}
 * @param openAtEnd whether the data ends inside it: the service never recovered
 * @param censored whether an edge touches the start or end of the data or a monitoring gap, so
 *     that edge assumes one probe interval and the true outage may be longer
 * @param testerSide whether a control probe failed at the same time, blaming the tester's side
 */
public record Outage(
    String service,
    String errorClass,
    long startMicros,
    long endMicros,
    double estimateMs,
    double lowerMs,
    double upperMs,
    long firstFailedMicros,
    long lastFailedMicros,
    long precedingMicros,
    long followingMicros,
    int failedSamples,
    List<String> series,
    List<String> steps,
    Phase phase,
    String detail,
    boolean openAtEnd,
    boolean censored,
    boolean testerSide) {

  /** Copies the lists. */
  public Outage {
    series = List.copyOf(series);
    steps = List.copyOf(steps);
  }

  /** The steps as one label: {@code -} when none, else their names joined by ", ". */
  public String stepLabel() {
    return steps.isEmpty() ? "-" : String.join(", ", steps);
  }

  /** This outage flagged as caused on the tester's side. */
  public Outage withTesterSide(boolean flag) {
    return new Outage(service, errorClass, startMicros, endMicros, estimateMs, lowerMs, upperMs,
        firstFailedMicros, lastFailedMicros, precedingMicros, followingMicros, failedSamples,
        series, steps, phase, detail, openAtEnd, censored, flag);
  }
}
