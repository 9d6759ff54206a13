package io.github.upgradejunit.internal.store;

/** The rows of the store, as immutable records; times in microseconds since the epoch. */
public final class Rows {

  private Rows() {
  }

  /** A run: one upgrade under test. */
  public record Run(String id, long createdAt, Long closedAt, String status, String resourcePrefix) {
    public boolean open() {
      return closedAt == null;
    }
  }

  /** One JVM's execution of one phase. */
  public record PhaseRecord(long id, String phase, String runner, long startedAt, Long finishedAt, String outcome) {
  }

  /** An upgrade event from a driver or a deployment tool. */
  public record Event(long id, long at, String type, String service, String host, String step, String detail,
      String runner) {
  }

  /** One probe request of the uptime monitor. */
  public record Sample(String service, String series, long intendedAt, long startedAt, long latencyMicros,
      boolean ok, String errorClass, int status, String detail, boolean control, String runner) {
  }

  /** One iteration of a during check. */
  public record Iteration(String checkId, String service, long startedAt, long finishedAt, boolean ok,
      String error, String step, boolean inWindow, String runner) {
  }

  /** The result of one test in one phase. */
  public record TestResult(String phase, String testId, String displayName, String className, String services,
      String status, long startedAt, long finishedAt, String error, String output, String runner) {

    /** The type of a plugin health check's last unique-id segment: {@code [health:<service> <name>]}. */
    public static final String HEALTH_CHECK = "health";

    /** Whether this is the result of a plugin's health check, which the engine runs itself. */
    public boolean healthCheck() {
      return testId.contains("/[" + HEALTH_CHECK + ":");
    }
  }

  /** A persistent resource and its journal state. */
  public record Resource(String key, String service, String type, String name, String resourceId, String state,
      String fingerprint, long createdAt, Long deletedAt, String error) {
  }

  /** A verification of a persistent resource. */
  public record ResourceCheck(String key, String phase, long at, String verdict, String details) {
  }

  /** A request in the honored-request ledger. */
  public record LedgerEntry(long id, String service, String operation, String target, String answer, int status,
      long at, String fate, Long settledAt, String detail, String runner) {
  }

  /** A version a service reported. */
  public record Version(String service, long at, String version, String releaseName, String runner) {
  }

  /** One measured call of a {@code @MeasureLatency} method. */
  public record Latency(String name, String phase, long at, long latencyMicros, long expectedIntervalMicros,
      String runner) {
  }

  /** A line of output (a test's, or the upgrade command's). */
  public record Log(long at, String source, String line, String runner) {
  }
}
