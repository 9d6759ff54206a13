package io.github.upgradejunit.internal.analysis;

/**
 * One upgrade event recorded through the deployment-control interface. Steps are what lets an
 * outage be blamed on "restart nova-api ctl1" instead of just on "the upgrade".
 *
 * @param atMicros when it happened (epoch microseconds)
 * @param type one of {@link #UPGRADE_STARTED}, {@link #STEP_STARTED}, {@link #STEP_FINISHED},
 *     {@link #UPGRADE_FINISHED}, {@link #UPGRADE_FAILED}
 * @param service the service the step works on, may be {@code null}
 * @param host the host the step works on, may be {@code null}
 * @param step the step's name, may be {@code null} for upgrade-wide events
 * @param detail what the sender said, e.g. why the upgrade failed; may be {@code null}
 */
public record Event(long atMicros, String type, String service, String host, String step, String detail) {

  /** An event without a detail. */
  public Event(long atMicros, String type, String service, String host, String step) {
    this(atMicros, type, service, host, step, null);
  }

  /** The upgrade window opens. */
  public static final String UPGRADE_STARTED = "upgrade-started";
  /** A step of the upgrade begins. */
  public static final String STEP_STARTED = "step-started";
  /** A step of the upgrade ends; matched to its start by service, host and step name. */
  public static final String STEP_FINISHED = "step-finished";
  /** The upgrade window closes successfully. */
  public static final String UPGRADE_FINISHED = "upgrade-finished";
  /** The upgrade window closes with a failure. */
  public static final String UPGRADE_FAILED = "upgrade-failed";
}
