package io.github.upgradejunit.internal.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run's analysis: what the HTML report, {@code summary.json}, Allure and the
 * console summary render. Records all the way down, so Jackson serializes it as is.
 *
 * @param window the upgrade window analysed
 * @param steps the upgrade steps, in order of start
 * @param services per-service analyses (control probes included, marked), sorted by name
 * @param overall the run-wide verdict: every service's verdict and the tests of no single service
 * @param expectation what {@code upgrade.expect} asked for, and whether it was met
 * @param runFailures problems that fail the run whatever the expectation (leaked resources);
 *     empty when none
 */
public record AnalysisResult(
    UpgradeWindow window,
    List<UpgradeStep> steps,
    List<ServiceAnalysis> services,
    Verdict overall,
    Expectation expectation,
    List<String> runFailures) {

  /** Requires the parts; copies the lists. */
  public AnalysisResult {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(expectation, "expectation");
    steps = List.copyOf(steps);
    services = List.copyOf(services);
    runFailures = List.copyOf(runFailures);
  }

  /** The analysis of the named service. */
  public ServiceAnalysis service(String name) {
    return services.stream().filter(s -> s.service().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }
}
