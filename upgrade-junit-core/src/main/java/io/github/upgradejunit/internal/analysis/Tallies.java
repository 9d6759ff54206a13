package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The count inputs of one subject (a service, or {@code null} for what belongs to no service),
 * summed. Shared by the per-service and the run-wide verdicts so both apply the same rules.
 */
record Tallies(ResourceCounts resources, LedgerCounts ledger, List<TestCounts> tests,
    List<CheckCounts> checks) {

  /** The tallies of {@code service} (which may be {@code null}) in the input. */
  static Tallies of(String service, AnalysisInput in) {
    return new Tallies(resources(service, in.resources()), ledger(service, in.ledger()),
        tests(service, in.tests()), checks(service, in.iterations()));
  }

  private static ResourceCounts resources(String service, List<ResourceCounts> all) {
    ResourceCounts sum = ResourceCounts.none(service);
    for (ResourceCounts r : all) {
      if (Objects.equals(service, r.service())) {
        sum = sum.plus(r);
      }
    }
    return sum;
  }

  private static LedgerCounts ledger(String service, List<LedgerCounts> all) {
    LedgerCounts sum = LedgerCounts.none(service);
    for (LedgerCounts l : all) {
      if (Objects.equals(service, l.service())) {
        sum = sum.plus(l);
      }
    }
    return sum;
  }

  private static List<TestCounts> tests(String service, List<TestCounts> all) {
    Map<Phase, TestCounts> byPhase = new EnumMap<>(Phase.class);
    for (TestCounts t : all) {
      if (Objects.equals(service, t.service())) {
        byPhase.merge(t.phase(), t, TestCounts::plus);
      }
    }
    return List.copyOf(byPhase.values());
  }

  private static List<CheckCounts> checks(String service, List<Iteration> all) {
    Map<String, CheckCounts> byCheck = new TreeMap<>();
    for (Iteration it : all) {
      if (Objects.equals(service, it.service())) {
        byCheck.merge(it.checkId(), one(it), Tallies::plus);
      }
    }
    return new ArrayList<>(byCheck.values());
  }

  private static CheckCounts one(Iteration it) {
    return new CheckCounts(it.checkId(), 1, it.ok() ? 0 : 1, it.ok() ? null : it.error());
  }

  private static CheckCounts plus(CheckCounts a, CheckCounts b) {
    return new CheckCounts(a.checkId(), a.iterations() + b.iterations(), a.failed() + b.failed(),
        a.firstError() != null ? a.firstError() : b.firstError());
  }
}
