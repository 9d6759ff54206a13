package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The verdict rules of DESIGN section 3, one method per condition, each turning a measurement into
 * findings whose ceiling says which level it breaks. Rolling breaks on a failed upgrade, a service
 * that never recovered, damaged or unverified resources and failed before/after tests;
 * zero-downtime on counted outages, 5xx, lost or unsettled requests, failed during checks or
 * tests, and monitoring gaps in the window; zero-impact on degraded or untestable latency.
 */
final class VerdictRules {

  private VerdictRules() {
  }

  /**
   * Whether an outage counts against zero-downtime: it has a failed sample at or after the upgrade
   * start, and it is not tester-side (or tester-side outages are counted).
   */
  static boolean counts(Outage o, UpgradeWindow window, boolean countTesterSide) {
    return o.lastFailedMicros() >= window.startMicros() && (countTesterSide || !o.testerSide());
  }

  /** The verdict of one (non-control) service. */
  static Verdict forService(ServiceAnalysis s, AnalysisInput in) {
    List<Finding> findings = new ArrayList<>(upgradeOutcome(in.window()));
    findings.addAll(recovery(s, in.window()));
    findings.addAll(tallies(new Tallies(s.resources(), s.ledger(), s.tests(), s.checks())));
    findings.addAll(probes(s, in));
    findings.addAll(gaps(s, in.window()));
    findings.addAll(latency(s));
    findings.addAll(VersionRules.forService(s.service(), in));
    return Verdict.of(s.service(), findings);
  }

  /** The findings that belong to no single service. */
  static List<Finding> forRun(AnalysisInput in, boolean anyService) {
    List<Finding> findings = new ArrayList<>(upgradeOutcome(in.window()));
    findings.addAll(tallies(Tallies.of(null, in)));
    if (!anyService) {
      findings.add(new Finding(Level.ROLLING, "no service was probed: uptime not measured"));
    }
    return findings;
  }

  /** The run-wide verdict: the run's own findings and one finding per service. */
  static Verdict overall(List<ServiceAnalysis> services, List<Finding> runFindings) {
    List<Finding> findings = new ArrayList<>(runFindings);
    for (ServiceAnalysis s : services) {
      if (!s.control()) {
        Verdict v = s.verdict();
        findings.add(v.zeroImpact() ? Finding.info(s.service() + ": zero-impact")
            : new Finding(v.level(), s.service() + ": " + v.shortfall(Level.ZERO_IMPACT)));
      }
    }
    return Verdict.of(Verdict.OVERALL, findings);
  }

  /** Whether the overall verdict meets {@code expected}, with the shortfall per service. */
  static Expectation expectation(Level expected, Verdict overall, List<ServiceAnalysis> services,
      List<Finding> runFindings) {
    Level measured = overall.level();
    if (expected == Level.NONE) {
      return new Expectation(expected, measured, true,
          "no upgrade level expected; measured " + measured.key());
    }
    if (measured.atLeast(expected)) {
      return new Expectation(expected, measured, true,
          "expected a " + expected.key() + " upgrade: met, measured " + measured.key());
    }
    StringBuilder message = new StringBuilder("expected a " + expected.key()
        + " upgrade, but it was "
        + (measured == Level.NONE ? "not even rolling" : "only " + measured.key()) + ":");
    for (ServiceAnalysis s : services) {
      if (!s.control() && !s.verdict().level().atLeast(expected)) {
        message.append("\n  ").append(s.service()).append(": ")
            .append(s.verdict().shortfall(expected));
      }
    }
    for (Finding f : runFindings) {
      if (f.limits(expected)) {
        message.append("\n  run: ").append(f.text());
      }
    }
    return new Expectation(expected, measured, false, message.toString());
  }

  private static List<Finding> upgradeOutcome(UpgradeWindow window) {
    return window.failed() ? List.of(new Finding(Level.NONE, "the upgrade failed: " + window.failure()))
        : List.of();
  }

  private static List<Finding> recovery(ServiceAnalysis s, UpgradeWindow window) {
    return s.outages().stream().filter(Outage::openAtEnd).map(o -> new Finding(Level.NONE,
        "never recovered: failing since " + Durations.offset(o.firstFailedMicros(),
            window.startMicros()) + " (" + o.errorClass() + ")")).toList();
  }

  private static List<Finding> tallies(Tallies t) {
    List<Finding> findings = new ArrayList<>(resources(t.resources()));
    findings.addAll(tests(t.tests()));
    findings.addAll(ledger(t.ledger()));
    findings.addAll(checks(t.checks()));
    return findings;
  }

  private static List<Finding> resources(ResourceCounts r) {
    List<Finding> findings = new ArrayList<>();
    if (r.affected() + r.gone() > 0) {
      findings.add(new Finding(Level.NONE, "persistent resources damaged: " + r.affected()
          + " affected, " + r.gone() + " gone (of " + r.created() + ")"));
    }
    if (r.unverified() > 0) {
      findings.add(new Finding(Level.NONE, r.unverified() + " of " + r.created()
          + " persistent resources never verified"));
    }
    if (findings.isEmpty() && r.intact() > 0) {
      findings.add(Finding.info(plural(r.intact(), "persistent resource") + " intact"));
    }
    return findings;
  }

  private static List<Finding> tests(List<TestCounts> tests) {
    List<Finding> findings = new ArrayList<>();
    int passed = 0;
    for (TestCounts t : tests) {
      passed += t.passed();
      if (t.failed() > 0) {
        Level ceiling = t.phase() == Phase.DURING ? Level.ROLLING : Level.NONE;
        findings.add(new Finding(ceiling,
            plural(t.failed(), t.phase().key() + "-phase test") + " failed"));
      }
    }
    if (findings.isEmpty() && passed > 0) {
      findings.add(Finding.info(plural(passed, "test") + " passed"));
    }
    return findings;
  }

  private static List<Finding> ledger(LedgerCounts l) {
    List<Finding> findings = new ArrayList<>();
    if (l.rejected5xx() > 0) {
      findings.add(new Finding(Level.ROLLING,
          plural(l.rejected5xx(), "mutating request") + " answered 5xx"));
    }
    if (l.lost() > 0) {
      findings.add(new Finding(Level.ROLLING,
          l.lost() + " of " + l.accepted() + " accepted requests lost"));
    }
    if (l.unsettled() > 0) {
      findings.add(new Finding(Level.ROLLING,
          l.unsettled() + " of " + l.accepted() + " accepted requests never settled"));
    }
    if (findings.isEmpty() && l.accepted() > 0) {
      findings.add(Finding.info(l.honored() + " of " + l.accepted() + " accepted requests honored"));
    }
    return findings;
  }

  private static List<Finding> checks(List<CheckCounts> checks) {
    int total = checks.stream().mapToInt(CheckCounts::iterations).sum();
    int failed = checks.stream().mapToInt(CheckCounts::failed).sum();
    if (failed > 0) {
      String which = checks.stream().filter(c -> c.failed() > 0)
          .map(c -> c.checkId() + " x" + c.failed()).collect(Collectors.joining(", "));
      return List.of(new Finding(Level.ROLLING,
          failed + " of " + total + " during-check iterations failed (" + which + ")"));
    }
    return total == 0 ? List.of()
        : List.of(Finding.info(plural(total, "during-check iteration") + " passed"));
  }

  private static List<Finding> probes(ServiceAnalysis s, AnalysisInput in) {
    if (s.samples() == 0) {
      return List.of(new Finding(Level.ROLLING, "no probe samples: uptime not measured"));
    }
    UpgradeWindow window = in.window();
    List<Outage> counted = s.outages().stream()
        .filter(o -> counts(o, window, in.countTesterSide())).toList();
    List<Finding> findings = new ArrayList<>();
    if (counted.isEmpty()) {
      int from = s.availability().get(1).samples() + s.availability().get(2).samples();
      int failedFrom = s.availability().get(1).failed() + s.availability().get(2).failed();
      findings.add(Finding.info((failedFrom == 0 ? "no failed probe sample"
          : "no outage counted") + " from the upgrade start on (" + plural(from, "sample") + ")"));
    } else {
      findings.add(new Finding(Level.ROLLING, outageSummary(counted)));
    }
    List<Outage> before = s.outages().stream()
        .filter(o -> o.lastFailedMicros() < window.startMicros()).toList();
    if (!before.isEmpty()) {
      findings.add(Finding.info(plural(before.size(), "outage")
          + " before the upgrade started, not counted: " + Downtime.of(before).text()));
    }
    List<Outage> testerSide = s.outages().stream().filter(o -> o.testerSide()
        && o.lastFailedMicros() >= window.startMicros() && !in.countTesterSide()).toList();
    if (!testerSide.isEmpty()) {
      findings.add(Finding.info(plural(testerSide.size(), "outage")
          + " not counted, the control probe failed at the same time (tester side): "
          + Downtime.of(testerSide).text()));
    }
    List<VantagePoint.Sighting> partial = s.partialOutages();
    if (!partial.isEmpty()) {
      findings.add(Finding.info(plural(partial.size(), "outage")
          + " seen from only some vantage points, not counted (they point at the network or the runner): "
          + partial.stream().map(p -> Durations.format(p.outage().estimateMs()) + " seen by " + String.join(", ", p.seenBy()))
              .distinct().limit(5).collect(java.util.stream.Collectors.joining("; "))));
    }
    findings.add(Finding.info(availability(s.availability())));
    return findings;
  }

  /** {@code 2 outages, 1.9 s [1.8 s, 2.0 s] during step 'restart nova-api ctl1', 14 x HTTP_5XX}. */
  static String outageSummary(List<Outage> outages) {
    StringBuilder text = new StringBuilder(plural(outages.size(), "outage")).append(", ")
        .append(Downtime.of(outages).text());
    Set<String> steps = new LinkedHashSet<>();
    outages.forEach(o -> steps.addAll(o.steps()));
    if (!steps.isEmpty()) {
      text.append(steps.size() == 1 ? " during step " : " during steps ").append(quoted(steps));
    }
    Map<String, Integer> byClass = new TreeMap<>();
    outages.forEach(o -> byClass.merge(o.errorClass(), o.failedSamples(), Integer::sum));
    byClass.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .forEach(e -> text.append(", ").append(e.getValue()).append(" x ").append(e.getKey()));
    return text.toString();
  }

  private static List<Finding> gaps(ServiceAnalysis s, UpgradeWindow window) {
    List<MonitoringGap> inside = s.gaps().stream().filter(g -> g.startMicros() < window.endMicros()
        && g.endMicros() > window.startMicros()).toList();
    List<MonitoringGap> outside = s.gaps().stream().filter(g -> !inside.contains(g)).toList();
    List<Finding> findings = new ArrayList<>();
    if (!inside.isEmpty()) {
      findings.add(new Finding(Level.ROLLING, plural(inside.size(), "monitoring gap") + " ("
          + Durations.format(totalMs(inside)) + ") during the upgrade, from "
          + Durations.offset(inside.get(0).startMicros(), window.startMicros())
          + ": uptime not proven"));
    }
    if (!outside.isEmpty()) {
      findings.add(Finding.info(plural(outside.size(), "monitoring gap")
          + " outside the upgrade window (" + Durations.format(totalMs(outside)) + ")"));
    }
    return findings;
  }

  private static List<Finding> latency(ServiceAnalysis s) {
    LatencyComparison c = s.latencyComparison();
    if (!c.tested()) {
      return List.of(new Finding(Level.ZERO_DOWNTIME, "latency not compared: " + c.beforeCount()
          + " successful samples before and " + c.duringCount() + " during the upgrade, "
          + Rules.MIN_LATENCY_SAMPLES + " each needed"));
    }
    LatencyStats before = s.latencyOf(Phase.BEFORE);
    LatencyStats during = s.latencyOf(Phase.DURING);
    String text = "p50 " + Durations.format(before.p50Ms()) + " -> "
        + Durations.format(during.p50Ms()) + ", p99 " + Durations.format(before.p99Ms()) + " -> "
        + Durations.format(during.p99Ms()) + "; Mann-Whitney " + pText(c.p())
        + String.format(Locale.ROOT, ", Cliff's delta %.2f", c.cliffsDelta());
    if (c.degraded()) {
      return List.of(new Finding(Level.ZERO_DOWNTIME, "latency degraded during the upgrade: " + text));
    }
    return List.of(Finding.info("latency during vs before: " + text + (c.p() < Rules.SIGNIFICANCE
        ? ": significant but negligible" : ": no significant degradation")));
  }

  private static String availability(List<PhaseAvailability> phases) {
    return "availability " + phases.stream().map(a -> a.phase().key() + " "
        + (a.availabilityPercent() == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%",
            Math.floor(a.availabilityPercent() * 100) / 100)))
        .collect(Collectors.joining(", "));
  }

  static String pText(double p) {
    if (p == 0) {
      return "p < 1e-300";
    }
    return p < 0.001 ? String.format(Locale.ROOT, "p = %.1e", p)
        : String.format(Locale.ROOT, "p = %.3f", p);
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String quoted(Set<String> names) {
    List<String> listed = names.stream().limit(Rules.MAX_LISTED).map(n -> "'" + n + "'").toList();
    String more = names.size() > Rules.MAX_LISTED
        ? " and " + (names.size() - Rules.MAX_LISTED) + " more" : "";
    return String.join(", ", listed) + more;
  }

  private static double totalMs(List<MonitoringGap> gaps) {
    return gaps.stream().mapToDouble(MonitoringGap::durationMs).sum();
  }
}
