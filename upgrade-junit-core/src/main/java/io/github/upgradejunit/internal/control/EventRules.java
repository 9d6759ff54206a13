package io.github.upgradejunit.internal.control;

import io.github.upgradejunit.internal.store.Rows.Event;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order upgrade events must come in, whoever sends them (a driver, the control endpoint, the
 * {@code signal} command): started once, steps inside the window, finished or failed once, last.
 */
public final class EventRules {

  public static final String UPGRADE_STARTED = "upgrade-started";
  public static final String STEP_STARTED = "step-started";
  public static final String STEP_FINISHED = "step-finished";
  public static final String UPGRADE_FINISHED = "upgrade-finished";
  public static final String UPGRADE_FAILED = "upgrade-failed";
  public static final Set<String> TYPES = Set.of(UPGRADE_STARTED, STEP_STARTED, STEP_FINISHED, UPGRADE_FINISHED,
      UPGRADE_FAILED);

  private EventRules() {
  }

  /** Whether an event ends the upgrade window. */
  public static boolean closesWindow(String type) {
    return UPGRADE_FINISHED.equals(type) || UPGRADE_FAILED.equals(type);
  }

  /** A step's name as events carry it: the step, else service and host. */
  public static String stepName(String service, String host, String step) {
    if (step != null && !step.isBlank()) {
      return step;
    }
    return (service == null ? "" : service) + (host == null || host.isBlank() ? "" : " on " + host);
  }

  /**
   * Why this event cannot be accepted after the given ones, or empty when it can.
   *
   * @param existing the run's events so far, in order
   */
  public static Optional<String> problem(List<Event> existing, String type, String service, String host, String step) {
    if (type == null || !TYPES.contains(type)) {
      return Optional.of("unknown event type '" + type + "'; expected one of " + String.join(", ",
          List.of(UPGRADE_STARTED, STEP_STARTED, STEP_FINISHED, UPGRADE_FINISHED, UPGRADE_FAILED)));
    }
    boolean started = existing.stream().anyMatch(e -> UPGRADE_STARTED.equals(e.type()));
    boolean ended = existing.stream().anyMatch(e -> closesWindow(e.type()));
    if (UPGRADE_STARTED.equals(type)) {
      return started ? Optional.of("the upgrade already started; a run has one upgrade window") : Optional.empty();
    }
    if (!started) {
      return Optional.of("'" + type + "' before 'upgrade-started'");
    }
    if (ended) {
      return Optional.of("'" + type + "' after the upgrade already ended");
    }
    if (STEP_STARTED.equals(type) || STEP_FINISHED.equals(type)) {
      String name = stepName(service, host, step);
      if (name.isBlank()) {
        return Optional.of("a step event needs 'step' or 'service' (and optionally 'host')");
      }
      if (STEP_FINISHED.equals(type) && existing.stream().noneMatch(e -> STEP_STARTED.equals(e.type())
          && name.equals(stepName(e.service(), e.host(), e.step())))) {
        return Optional.of("'step-finished' for step '" + name + "' that never started");
      }
    }
    return Optional.empty();
  }
}
