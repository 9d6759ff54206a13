package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;

/** The test descriptors of the upgrade engine: the engine, one container per phase, mirrors of Jupiter's. */
final class Descriptors {

  private Descriptors() {
  }

  /** The engine's root; holds a configuration problem found at discovery, reported at execution. */
  static final class Root extends EngineDescriptor {
    private final RuntimeException discoveryProblem;
    private UpgradeConfiguration config;
    private final Map<Phase, NestedPhase> phases = new EnumMap<>(Phase.class);

    Root(UniqueId id, RuntimeException discoveryProblem) {
      super(id, "Upgrade JUnit");
      this.discoveryProblem = discoveryProblem;
    }

    void plan(UpgradeConfiguration config, PhaseDescriptor descriptor,
        NestedPhase nested) {
      this.config = config;
      addChild(descriptor);
      phases.put(descriptor.phase(), nested);
    }

    UpgradeConfiguration config() {
      return config;
    }

    Map<Phase, NestedPhase> phases() {
      return phases;
    }

    Optional<RuntimeException> discoveryProblem() {
      return Optional.ofNullable(discoveryProblem);
    }
  }

  /** One phase of the run: its children are the Jupiter classes and methods of that phase. */
  static final class PhaseDescriptor extends AbstractTestDescriptor {
    private final Phase phase;

    PhaseDescriptor(UniqueId parent, Phase phase) {
      super(parent.append("phase", phase.key()), phase.key() + " upgrade");
      this.phase = phase;
    }

    Phase phase() {
      return phase;
    }

    @Override
    public Type getType() {
      return Type.CONTAINER;
    }

    /**
     * A phase runs even without test methods of its own: the during phase still monitors, the after
     * phase still verifies, cleans up and reports (and registers the verdicts as dynamic tests). So
     * the platform must not prune it as an empty container.
     */
    @Override
    public boolean mayRegisterTests() {
      return true;
    }
  }

  /** A Jupiter descriptor seen through the nested launch, re-parented under a phase. */
  static final class Mirror extends AbstractTestDescriptor {
    private final Type type;
    private final Set<TestTag> tags;

    Mirror(UniqueId id, TestIdentifier nested) {
      super(id, nested.getDisplayName(), nested.getSource().orElse(null));
      this.type = nested.getType();
      this.tags = nested.getTags();
    }

    @Override
    public Type getType() {
      return type;
    }

    @Override
    public Set<TestTag> getTags() {
      return tags;
    }
  }

  /**
   * A test the engine itself runs and registers dynamically: a plugin's health check (kind
   * {@code health}) or a run-level check such as a service verdict (kind {@code verdict}).
   */
  static final class EngineTest extends AbstractTestDescriptor {
    EngineTest(UniqueId parent, String kind, String segment, String name) {
      super(parent.append(kind, segment), name);
    }

    @Override
    public Type getType() {
      return Type.TEST;
    }
  }

  /**
   * The id of a mirror: the phase's id followed by the nested id's segments after the engine
   * segment, e.g. {@code [engine:upgrade-junit]/[phase:during]/[class:X]/[method:m()]}.
   */
  static UniqueId mirrorId(UniqueId phaseId, String nestedUniqueId) {
    UniqueId id = phaseId;
    var segments = UniqueId.parse(nestedUniqueId).getSegments();
    for (int i = 1; i < segments.size(); i++) {
      id = id.append(segments.get(i));
    }
    return id;
  }
}
