package io.github.upgradejunit.internal.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.engine.Descriptors.PhaseDescriptor;
import io.github.upgradejunit.internal.engine.Descriptors.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * The {@code upgrade-junit} test engine. It finds {@code @UpgradeTest} classes and runs them phase
 * by phase, each phase a nested Jupiter launch: before (sequential), during (every check of every
 * class at once, for the whole upgrade window), after. Jupiter itself runs everything else.
 */
public final class UpgradeTestEngine implements TestEngine {

  /** The engine id. */
  public static final String ID = "upgrade-junit";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("io.github.upgradejunit");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("upgrade-junit-core");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    List<DiscoverySelector> selectors = selectors(request);
    if (selectors.isEmpty()) {
      return new Root(uniqueId, null);
    }
    UpgradeConfiguration config;
    try {
      ConfigurationParameters parameters = request.getConfigurationParameters();
      config = UpgradeConfiguration.load(parameters::get, parameters.keySet(), Plugins.declaredKeys(CoreKeys.ALL));
    } catch (RuntimeException e) {
      return new Root(uniqueId, e);
    }
    Root root = new Root(uniqueId, null);
    for (Phase phase : phasesOf(config.get(CoreKeys.PHASE))) {
      PhaseDescriptor descriptor = new PhaseDescriptor(uniqueId, phase);
      NestedPhase nested = NestedPhase.discover(descriptor, selectors, parameters(request, phase, 0));
      if (phase == Phase.DURING && nested.testCount() > 0) {
        descriptor = new PhaseDescriptor(uniqueId, phase);
        nested = NestedPhase.discover(descriptor, selectors,
            parameters(request, phase, (int) (nested.testCount() + nested.containerCount())));
      }
      root.plan(config, descriptor, nested);
    }
    return root;
  }

  private static List<Phase> phasesOf(String phase) {
    return "all".equals(phase) ? List.of(Phase.BEFORE, Phase.DURING, Phase.AFTER)
        : List.of(Phase.valueOf(phase.toUpperCase(java.util.Locale.ROOT)));
  }

  /**
   * The upgrade test classes (and methods) the request selects, as selectors for the nested launches.
   * Classes that are not {@code @UpgradeTest} are left to Jupiter.
   */
  private static List<DiscoverySelector> selectors(EngineDiscoveryRequest request) {
    Predicate<String> names = request.getFiltersByType(ClassNameFilter.class).stream()
        .map(f -> (Predicate<String>) n -> f.apply(n).included())
        .reduce(n -> true, Predicate::and);
    Predicate<Class<?>> wanted = PhaseAnnotations::isUpgradeTest;
    Set<Class<?>> classes = new LinkedHashSet<>();
    List<DiscoverySelector> methods = new ArrayList<>();
    request.getSelectorsByType(ClassSelector.class).forEach(s -> classes.add(s.getJavaClass()));
    request.getSelectorsByType(PackageSelector.class).forEach(s -> classes.addAll(
        ReflectionSupport.findAllClassesInPackage(s.getPackageName(), wanted, names)));
    request.getSelectorsByType(ClasspathRootSelector.class).forEach(s -> classes.addAll(
        ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), wanted, names)));
    for (MethodSelector s : request.getSelectorsByType(MethodSelector.class)) {
      if (PhaseAnnotations.isUpgradeTest(s.getJavaClass())) {
        methods.add(selectMethod(s.getJavaClass(), s.getJavaMethod()));
      }
    }
    for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
      classFromUniqueId(s.getUniqueId()).ifPresent(classes::add);
    }
    List<DiscoverySelector> selectors = new ArrayList<>(methods);
    classes.stream().filter(wanted).filter(c -> names.test(c.getName())).map(c -> selectClass(c)).forEach(selectors::add);
    return selectors;
  }

  private static Optional<Class<?>> classFromUniqueId(UniqueId id) {
    if (!id.getEngineId().map(ID::equals).orElse(false)) {
      return Optional.empty();
    }
    return id.getSegments().stream().filter(s -> s.getType().equals("class")).findFirst()
        .flatMap(s -> ReflectionSupport.tryToLoadClass(s.getValue()).toOptional());
  }

  private static Map<String, String> parameters(EngineDiscoveryRequest request, Phase phase, int parallelism) {
    ConfigurationParameters outer = request.getConfigurationParameters();
    Map<String, String> parameters = new HashMap<>();
    for (String key : outer.keySet()) {
      outer.get(key).ifPresent(value -> parameters.put(key, value));
    }
    parameters.put("upgrade.internal.phase", phase.key());
    if (phase == Phase.DURING && parallelism > 0) {
      parameters.put("junit.jupiter.execution.parallel.enabled", "true");
      parameters.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
      parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
      parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
      parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(parallelism + 1));
      parameters.put("junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(parallelism + 64));
    } else {
      parameters.put("junit.jupiter.execution.parallel.enabled", "false");
      parameters.put("junit.platform.output.capture.stdout", "true");
      parameters.put("junit.platform.output.capture.stderr", "true");
    }
    return parameters;
  }

  @Override
  public void execute(ExecutionRequest request) {
    Root root = (Root) request.getRootTestDescriptor();
    var listener = request.getEngineExecutionListener();
    listener.executionStarted(root);
    if (root.discoveryProblem().isPresent()) {
      listener.executionFinished(root, TestExecutionResult.failed(root.discoveryProblem().get()));
      return;
    }
    if (root.getChildren().isEmpty()) { // no @UpgradeTest class was selected: nothing to do
      listener.executionFinished(root, TestExecutionResult.successful());
      return;
    }
    RunExecution execution = new RunExecution(root, root.phases(), root.config(), listener);
    listener.executionFinished(root, execution.run());
  }
}
