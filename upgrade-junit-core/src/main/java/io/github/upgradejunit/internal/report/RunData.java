package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.analysis.AnalysisInput;
import io.github.upgradejunit.internal.analysis.Event;
import io.github.upgradejunit.internal.analysis.Iteration;
import io.github.upgradejunit.internal.analysis.LedgerCounts;
import io.github.upgradejunit.internal.analysis.Level;
import io.github.upgradejunit.internal.analysis.ResourceCounts;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.TestCounts;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import io.github.upgradejunit.internal.analysis.VersionObservation;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Everything the store holds about one run, read once and shaped for the analysis and the report. */
record RunData(Rows.Run run, List<Rows.Event> events, List<Rows.TestResult> tests, List<ResourceView> resources,
    List<Rows.LedgerEntry> ledger, List<Rows.Version> versions, List<Rows.Iteration> iterations,
    List<Rows.PhaseRecord> phases, AnalysisInput input) {

  /** A persistent resource with the worst verdict any check gave it. */
  record ResourceView(String name, String service, String type, String id, String state, String verdict,
      String details, String error) {
  }

  private static final List<String> SEVERITY = List.of("intact", "unverified", "affected", "gone");

  static RunData load(Store store, String runId, Level expected, boolean countTesterSide) {
    return load(store, runId, expected, countTesterSide, null);
  }

  static RunData load(Store store, String runId, Level expected, boolean countTesterSide,
      String expectedRelease) {
    Rows.Run run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
    List<Rows.Event> events = store.events(runId);
    List<Sample> samples = new ArrayList<>();
    Set<String> control = new HashSet<>();
    Map<String, String> names = new HashMap<>(); // one copy of each repeated name: 10M samples fit in 2 GB
    store.samples(runId, s -> {
      samples.add(new Sample(shared(names, s.service()), shared(names, s.series()), s.intendedAt(), s.startedAt(),
          s.latencyMicros(), s.ok(), shared(names, s.errorClass()), s.detail(), shared(names, s.runner())));
      if (s.control()) {
        control.add(s.service());
      }
    });
    List<Rows.Iteration> iterations = store.iterations(runId);
    List<Rows.TestResult> tests = store.testResults(runId);
    List<ResourceView> resources = resources(store, runId);
    List<Rows.LedgerEntry> ledger = store.ledger(runId);
    List<Rows.Version> versions = store.versions(runId);
    long end = Math.max(Micros.now(), samples.stream().mapToLong(Sample::intendedMicros).max().orElse(0));
    List<Event> analysisEvents = events.stream()
        .map(e -> new Event(e.at(), e.type(), e.service(), e.host(), e.step(), e.detail())).toList();
    UpgradeWindow window = UpgradeWindow.fromEvents(analysisEvents, run.closedAt() == null ? end : run.closedAt());
    AnalysisInput input = new AnalysisInput(window, samples, analysisEvents,
        // a check of a class testing several services counts for each of them, as its test results do
        iterations.stream().filter(Rows.Iteration::inWindow).flatMap(i -> services(i.service()).stream()
            .map(service -> new Iteration(i.checkId(), service, i.startedAt(), i.finishedAt(), i.ok(), i.error())))
            .toList(),
        resourceCounts(resources), ledgerCounts(ledger), testCounts(tests, measuredServices(samples, tests, resources, iterations)),
        control, countTesterSide, expected,
        versions.stream().filter(v -> v.service() != null && v.version() != null)
            .map(v -> new VersionObservation(v.service(), v.at(), v.version(), v.releaseName(), v.runner()))
            .toList(),
        expectedRelease);
    return new RunData(run, events, tests, resources, ledger, versions, iterations,
        store.phases(runId), input);
  }

  private static String shared(Map<String, String> names, String name) {
    return name == null ? null : names.computeIfAbsent(name, n -> n);
  }

  private static List<ResourceView> resources(Store store, String runId) {
    Map<String, List<Rows.ResourceCheck>> checks = new HashMap<>();
    store.resourceChecks(runId).forEach(c -> checks.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    List<ResourceView> views = new ArrayList<>();
    for (Rows.Resource r : store.resources(runId)) {
      Rows.ResourceCheck worst = checks.getOrDefault(r.key(), List.of()).stream()
          .max((a, b) -> Integer.compare(SEVERITY.indexOf(a.verdict()), SEVERITY.indexOf(b.verdict())))
          .orElse(null);
      views.add(new ResourceView(r.name(), r.service(), r.type().substring(r.type().lastIndexOf('.') + 1),
          r.resourceId(), r.state(), worst == null ? "unverified" : worst.verdict(),
          worst == null ? "" : worst.details(), r.error()));
    }
    return views;
  }

  private static List<ResourceCounts> resourceCounts(List<ResourceView> resources) {
    Map<String, ResourceCounts> counts = new LinkedHashMap<>();
    for (ResourceView r : resources) {
      boolean created = r.id() != null && !"planned".equals(r.state()) && !"failed".equals(r.state());
      ResourceCounts one = new ResourceCounts(r.service(), created ? 1 : 0,
          created && "intact".equals(r.verdict()) ? 1 : 0, created && "affected".equals(r.verdict()) ? 1 : 0,
          created && "gone".equals(r.verdict()) ? 1 : 0, "leaked".equals(r.state()) ? 1 : 0);
      counts.merge(r.service(), one, ResourceCounts::plus);
    }
    return new ArrayList<>(counts.values());
  }

  private static List<LedgerCounts> ledgerCounts(List<Rows.LedgerEntry> ledger) {
    Map<String, LedgerCounts> counts = new LinkedHashMap<>();
    for (Rows.LedgerEntry e : ledger) {
      boolean accepted = "ACCEPTED".equals(e.answer());
      LedgerCounts one = new LedgerCounts(e.service(), accepted ? 1 : 0, accepted && "HONORED".equals(e.fate()) ? 1 : 0,
          accepted && "LOST".equals(e.fate()) ? 1 : 0, "REJECTED_5XX".equals(e.answer()) ? 1 : 0);
      counts.merge(e.service(), one, LedgerCounts::plus);
    }
    return new ArrayList<>(counts.values());
  }

  /** The services of an {@code @UpgradeTest(services = ...)} list as stored ("compute,object-store"); [null] for none. */
  static List<String> services(String stored) {
    return stored == null || stored.isBlank() ? Collections.singletonList(null) : Arrays.asList(stored.split(","));
  }

  /** The services probed, or named by a test class or a resource: those a verdict is asked of. */
  private static Set<String> measuredServices(List<Sample> samples, List<Rows.TestResult> tests,
      List<ResourceView> resources, List<Rows.Iteration> iterations) {
    Set<String> services = new HashSet<>();
    samples.forEach(s -> services.add(s.service()));
    tests.stream().filter(t -> !t.healthCheck()).forEach(t -> services.addAll(services(t.services())));
    resources.forEach(r -> services.add(r.service()));
    iterations.forEach(i -> services.addAll(services(i.service())));
    return services;
  }

  /**
   * Test results per service and phase. A health check counts for its service when that service is
   * measured; one of a service nobody probes or tests (the image endpoint, say) counts for the run,
   * so that a failure still shows, but a service the run never measured gets no verdict of its own.
   */
  private static List<TestCounts> testCounts(List<Rows.TestResult> tests, Set<String> measured) {
    Map<String, TestCounts> counts = new LinkedHashMap<>();
    for (Rows.TestResult t : tests) {
      Phase phase = Phase.valueOf(t.phase().toUpperCase(Locale.ROOT));
      List<String> services = t.healthCheck() && !measured.contains(t.services())
          ? Collections.singletonList(null) : services(t.services());
      for (String service : services) {
        TestCounts one = new TestCounts(service, phase, "SUCCESSFUL".equals(t.status()) ? 1 : 0,
            "FAILED".equals(t.status()) ? 1 : 0, "SKIPPED".equals(t.status()) || "ABORTED".equals(t.status()) ? 1 : 0);
        counts.merge(service + "|" + phase, one, TestCounts::plus);
      }
    }
    return new ArrayList<>(counts.values());
  }
}
