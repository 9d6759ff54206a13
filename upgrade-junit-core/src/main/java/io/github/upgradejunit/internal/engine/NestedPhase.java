package io.github.upgradejunit.internal.engine;

import static org.junit.platform.launcher.EngineFilter.includeEngines;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.engine.Descriptors.Mirror;
import io.github.upgradejunit.internal.engine.Descriptors.PhaseDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One phase as a nested Jupiter launch: discovered up front (so the outer plan shows every test),
 * executed when the phase comes. Only methods of this phase are kept. The nested launcher loads no
 * listeners, filters or session listeners from the classpath, so nothing is reported twice and the
 * upgrade engine never runs inside itself.
 */
final class NestedPhase {

  private final PhaseDescriptor descriptor;
  private final Launcher launcher;
  private final TestPlan plan;
  private final Map<String, TestDescriptor> mirrors = new HashMap<>();

  private NestedPhase(PhaseDescriptor descriptor, Launcher launcher, TestPlan plan) {
    this.descriptor = descriptor;
    this.launcher = launcher;
    this.plan = plan;
  }

  static NestedPhase discover(PhaseDescriptor descriptor, List<DiscoverySelector> selectors,
      Map<String, String> parameters) {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .build());
    Phase phase = descriptor.phase();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(includeEngines("junit-jupiter"), onlyPhase(phase))
        .configurationParameters(parameters)
        .build();
    NestedPhase nested = new NestedPhase(descriptor, launcher, launcher.discover(request));
    nested.mirrorTree();
    return nested;
  }

  private static PostDiscoveryFilter onlyPhase(Phase phase) {
    return d -> d.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .map(m -> PhaseAnnotations.runsIn(m.getJavaMethod(), phase)
            ? FilterResult.included("runs in the " + phase.key() + " phase")
            : FilterResult.excluded("does not run in the " + phase.key() + " phase"))
        .orElse(FilterResult.included("a container"));
  }

  private void mirrorTree() {
    for (TestIdentifier root : plan.getRoots()) {
      mirrors.put(root.getUniqueId(), descriptor);
      mirrorChildren(root, descriptor);
    }
  }

  private void mirrorChildren(TestIdentifier parent, TestDescriptor parentMirror) {
    for (TestIdentifier child : plan.getChildren(parent)) {
      parentMirror.addChild(mirror(child));
      mirrorChildren(child, mirrors.get(child.getUniqueId()));
    }
  }

  /** Create (and remember) the mirror of a nested identifier. */
  TestDescriptor mirror(TestIdentifier nested) {
    Mirror mirror = new Mirror(Descriptors.mirrorId(descriptor.getUniqueId(), nested.getUniqueId()), nested);
    mirrors.put(nested.getUniqueId(), mirror);
    return mirror;
  }

  TestDescriptor mirrorOf(TestIdentifier nested) {
    return mirrors.get(nested.getUniqueId());
  }

  TestDescriptor mirrorOf(String nestedUniqueId) {
    return mirrors.get(nestedUniqueId);
  }

  boolean isRoot(TestIdentifier nested) {
    return nested.getParentId().isEmpty();
  }

  /** The number of test methods in this phase. */
  long testCount() {
    return plan.countTestIdentifiers(TestIdentifier::isTest);
  }

  /** The number of classes in this phase. */
  long containerCount() {
    return plan.getRoots().stream().mapToLong(r -> plan.getChildren(r).size()).sum();
  }

  @SuppressWarnings("deprecation")
  void execute(org.junit.platform.launcher.TestExecutionListener listener) {
    launcher.execute(plan, listener);
  }
}
