package io.github.upgradejunit.internal.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the analysis reads about one run, as the store hands it over. Immutable; the
 * {@code with...} methods return modified copies, which keeps test fixtures short.
 *
 * @param window the upgrade window (see {@link UpgradeWindow#fromEvents})
 * @param samples probe samples of all services, in any order
 * @param events upgrade events, in any order
 * @param iterations during-check iterations
 * @param resources persistent-resource counts; several per service are summed
 * @param ledger honored-request ledger counts; several per service are summed
 * @param tests test counts; several per service and phase are summed
 * @param controlServices services that are control probes, not part of the cloud under upgrade
 * @param countTesterSide whether outages blamed on the tester's side count against zero-downtime
 * @param expected what {@code upgrade.expect} asks for
 * @param versions version observations of all services, in any order
 * @param expectedRelease what {@code upgrade.expect.release} asks for; {@code null} when unset
 */
public record AnalysisInput(
    UpgradeWindow window,
    List<Sample> samples,
    List<Event> events,
    List<Iteration> iterations,
    List<ResourceCounts> resources,
    List<LedgerCounts> ledger,
    List<TestCounts> tests,
    Set<String> controlServices,
    boolean countTesterSide,
    Level expected,
    List<VersionObservation> versions,
    String expectedRelease) {

  /** Requires a window and an expectation; copies the collections. */
  public AnalysisInput {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(expected, "expected");
    samples = List.copyOf(samples);
    events = List.copyOf(events);
    iterations = List.copyOf(iterations);
    resources = List.copyOf(resources);
    ledger = List.copyOf(ledger);
    tests = List.copyOf(tests);
    controlServices = Set.copyOf(controlServices);
    versions = List.copyOf(versions);
    expectedRelease = expectedRelease == null || expectedRelease.isBlank() ? null
        : expectedRelease.trim();
  }

  /** An input without version observations and without an expected release. */
  public AnalysisInput(UpgradeWindow window, List<Sample> samples, List<Event> events,
      List<Iteration> iterations, List<ResourceCounts> resources, List<LedgerCounts> ledger,
      List<TestCounts> tests, Set<String> controlServices, boolean countTesterSide,
      Level expected) {
    this(window, samples, events, iterations, resources, ledger, tests, controlServices,
        countTesterSide, expected, List.of(), null);
  }

  /** An input with nothing recorded but the window, and no expectation. */
  public static AnalysisInput of(UpgradeWindow window) {
    return new AnalysisInput(window, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Set.of(), false, Level.NONE);
  }

  /** A copy with this window. */
  public AnalysisInput withWindow(UpgradeWindow newWindow) {
    return new AnalysisInput(newWindow, samples, events, iterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these samples. */
  public AnalysisInput withSamples(List<Sample> newSamples) {
    return new AnalysisInput(window, newSamples, events, iterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these events. */
  public AnalysisInput withEvents(List<Event> newEvents) {
    return new AnalysisInput(window, samples, newEvents, iterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these iterations. */
  public AnalysisInput withIterations(List<Iteration> newIterations) {
    return new AnalysisInput(window, samples, events, newIterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these resource counts. */
  public AnalysisInput withResources(List<ResourceCounts> newResources) {
    return new AnalysisInput(window, samples, events, iterations, newResources, ledger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these ledger counts. */
  public AnalysisInput withLedger(List<LedgerCounts> newLedger) {
    return new AnalysisInput(window, samples, events, iterations, resources, newLedger, tests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these test counts. */
  public AnalysisInput withTests(List<TestCounts> newTests) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, newTests,
        controlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy with these control services. */
  public AnalysisInput withControlServices(Set<String> newControlServices) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, tests,
        newControlServices, countTesterSide, expected, versions, expectedRelease);
  }

  /** A copy that does or does not count tester-side outages. */
  public AnalysisInput withCountTesterSide(boolean count) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, tests,
        controlServices, count, expected, versions, expectedRelease);
  }

  /** A copy expecting this level. */
  public AnalysisInput withExpected(Level level) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, tests,
        controlServices, countTesterSide, level, versions, expectedRelease);
  }

  /** A copy with these version observations. */
  public AnalysisInput withVersions(List<VersionObservation> newVersions) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, newVersions, expectedRelease);
  }

  /** A copy expecting this release ({@code null}: none). */
  public AnalysisInput withExpectedRelease(String release) {
    return new AnalysisInput(window, samples, events, iterations, resources, ledger, tests,
        controlServices, countTesterSide, expected, versions, release);
  }
}
