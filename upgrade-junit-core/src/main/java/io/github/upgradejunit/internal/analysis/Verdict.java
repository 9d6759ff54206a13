package io.github.upgradejunit.internal.analysis;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The classification of a service's upgrade (or of the whole run), with the findings that justify
 * it. The three booleans repeat {@code level} so that {@code summary.json} reads without knowing
 * the ordering of levels.
 *
 * @param subject the service name, or {@code overall}
 * @param level the highest level met
 * @param rolling whether the upgrade was rolling
 * @param zeroDowntime whether it was zero-downtime
 * @param zeroImpact whether it was zero-impact
 * @param findings the evidence, problems first
 */
public record Verdict(String subject, Level level, boolean rolling, boolean zeroDowntime,
    boolean zeroImpact, List<Finding> findings) {

  /** The subject of the run-wide verdict. */
  public static final String OVERALL = "overall";

  /** Checks that the booleans agree with the level, and that the level is what the findings allow. */
  public Verdict {
    Objects.requireNonNull(subject, "subject");
    findings = List.copyOf(findings);
    if (level != ceilingOf(findings) || rolling != level.atLeast(Level.ROLLING)
        || zeroDowntime != level.atLeast(Level.ZERO_DOWNTIME)
        || zeroImpact != level.atLeast(Level.ZERO_IMPACT)) {
      throw new IllegalArgumentException("verdict inconsistent with its findings: " + level);
    }
  }

  /** The verdict the findings imply: the lowest ceiling among them, problems listed first. */
  public static Verdict of(String subject, List<Finding> findings) {
    List<Finding> ordered = findings.stream()
        .sorted((a, b) -> a.ceiling().compareTo(b.ceiling()))
        .collect(Collectors.toList());
    Level level = ceilingOf(ordered);
    return new Verdict(subject, level, level.atLeast(Level.ROLLING),
        level.atLeast(Level.ZERO_DOWNTIME), level.atLeast(Level.ZERO_IMPACT), ordered);
  }

  /** The findings that keep this verdict below {@code expected}, joined by ", ". */
  public String shortfall(Level expected) {
    return findings.stream().filter(f -> f.limits(expected)).map(Finding::text)
        .collect(Collectors.joining(", "));
  }

  private static Level ceilingOf(List<Finding> findings) {
    Level level = Level.ZERO_IMPACT;
    for (Finding f : findings) {
      if (f.ceiling().compareTo(level) < 0) {
        level = f.ceiling();
      }
    }
    return level;
  }
}
