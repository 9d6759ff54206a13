package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict rules about versions (docs/analysis.md, section 7): a service whose versions are
 * still mixed after the upgrade did not finish it, and a service that did not reach the release
 * {@code upgrade.expect.release} names was not upgraded to it. Both break rolling. A service with
 * no version observation gets no finding: there is nothing to judge.
 */
final class VersionRules {

  /** Time order; runner and version break ties, so that the result does not depend on input order. */
  private static final Comparator<VersionObservation> ORDER = Comparator
      .comparingLong(VersionObservation::atMicros)
      .thenComparing(VersionObservation::runner, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(VersionObservation::version);

  private VersionRules() {
  }

  /** The version findings of one service. */
  static List<Finding> forService(String service, AnalysisInput in) {
    List<VersionObservation> seen = in.versions().stream()
        .filter(v -> v.service().equals(service)).sorted(ORDER).toList();
    if (seen.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    mixedAtEnd(seen, in.window()).ifPresent(findings::add);
    expectedRelease(seen, in.expectedRelease()).ifPresent(findings::add);
    return findings;
  }

  /**
   * The version findings of services that have version observations but no analysis of their
   * own (nothing probed or counted them), each prefixed with the service name.
   */
  static List<Finding> forUnanalysed(AnalysisInput in, Set<String> analysed) {
    Set<String> services = new TreeSet<>();
    in.versions().stream().map(VersionObservation::service).filter(s -> !analysed.contains(s))
        .forEach(services::add);
    List<Finding> findings = new ArrayList<>();
    for (String service : services) {
      forService(service, in).forEach(f -> findings.add(
          new Finding(f.ceiling(), service + ": " + f.text())));
    }
    return findings;
  }

  /**
   * Versions still mixed after the upgrade window. What each runner saw after the window counts;
   * a runner that saw nothing after it (plugins report changes only) still sees the last version
   * it saw in the window. Runners that only observed before the window say nothing about the end.
   */
  private static Optional<Finding> mixedAtEnd(List<VersionObservation> seen,
      UpgradeWindow window) {
    Map<String, List<VersionObservation>> byRunner = new LinkedHashMap<>();
    for (VersionObservation v : seen) {
      byRunner.computeIfAbsent(Objects.requireNonNullElse(v.runner(), ""),
          k -> new ArrayList<>()).add(v);
    }
    List<VersionObservation> atEnd = new ArrayList<>();
    for (List<VersionObservation> runner : byRunner.values()) {
      List<VersionObservation> after = runner.stream()
          .filter(v -> window.phaseOf(v.atMicros()) == Phase.AFTER).toList();
      if (!after.isEmpty()) {
        atEnd.addAll(after);
      } else {
        runner.stream().filter(v -> window.phaseOf(v.atMicros()) == Phase.DURING)
            .reduce((a, b) -> b).ifPresent(atEnd::add);
      }
    }
    atEnd.sort(ORDER);
    Set<String> versions = new LinkedHashSet<>();
    atEnd.forEach(v -> versions.add(v.version()));
    return versions.size() > 1
        ? Optional.of(new Finding(Level.NONE,
            "versions still mixed after the upgrade: " + String.join(", ", versions)))
        : Optional.empty();
  }

  /** The last version seen does not name the expected release (case-insensitive). */
  private static Optional<Finding> expectedRelease(List<VersionObservation> seen,
      String expected) {
    if (expected == null) {
      return Optional.empty();
    }
    VersionObservation last = seen.get(seen.size() - 1);
    String wanted = expected.toLowerCase(Locale.ROOT);
    boolean met = last.version().toLowerCase(Locale.ROOT).contains(wanted)
        || (last.release() != null && last.release().toLowerCase(Locale.ROOT).contains(wanted));
    return met ? Optional.empty()
        : Optional.of(new Finding(Level.NONE, "expected release " + expected
            + ", but the last version seen is " + last.text()));
  }
}
