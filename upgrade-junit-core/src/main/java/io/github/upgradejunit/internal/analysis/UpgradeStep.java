package io.github.upgradejunit.internal.analysis;

/**
 * One step of the upgrade, rebuilt from its step-started and step-finished events; the report draws
 * them on the timeline and outages name the steps they began in.
 *
 * @param label the name outages use: the step name, followed by the host unless the name has it
 * @param service the service the step works on, may be {@code null}
 * @param host the host, may be {@code null}
 * @param startMicros when it started
 * @param endMicros when it finished; for an unfinished step, the end of the upgrade window
 * @param finished whether a step-finished event closed it
 */
public record UpgradeStep(String label, String service, String host, long startMicros,
    long endMicros, boolean finished) {

  /** Whether the step was running at some moment of the closed interval {@code [from, to]}. */
  public boolean runsWithin(long fromMicros, long toMicros) {
    return startMicros <= toMicros && endMicros >= fromMicros;
  }
}
