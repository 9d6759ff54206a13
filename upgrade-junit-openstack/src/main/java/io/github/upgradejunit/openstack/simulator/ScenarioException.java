package io.github.upgradejunit.openstack.simulator;

/**
 * A scenario file that cannot be played, reported before anything starts. The message names the
 * file, the step (1-based number and name) and the problem, so the user can fix it without
 * guessing.
 */
public final class ScenarioException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int stepNumber;
  private final String stepName;

  ScenarioException(String source, int stepNumber, String stepName, String problem,
      Throwable cause) {
    super(message(source, stepNumber, stepName, problem), cause);
    this.source = source;
    this.stepNumber = stepNumber;
    this.stepName = stepName;
  }

  private static String message(String source, int stepNumber, String stepName, String problem) {
    StringBuilder text = new StringBuilder("Scenario ").append(source);
    if (stepNumber > 0) {
      text.append(", step ").append(stepNumber);
      if (stepName != null) {
        text.append(" ('").append(stepName).append("')");
      }
    }
    return text.append(": ").append(problem).toString();
  }

  /** The file (or {@code classpath:} resource) the scenario came from. */
  public String source() {
    return source;
  }

  /** The 1-based number of the faulty step, or 0 when the problem is not in one step. */
  public int stepNumber() {
    return stepNumber;
  }

  /** The faulty step's name (given or generated), or {@code null}. */
  public String stepName() {
    return stepName;
  }
}
