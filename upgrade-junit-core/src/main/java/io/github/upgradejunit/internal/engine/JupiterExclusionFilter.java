package io.github.upgradejunit.internal.engine;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps Jupiter from running {@code @UpgradeTest} classes class by class in the outer launch: the
 * upgrade engine runs them phase by phase instead. Registered with {@code ServiceLoader}; the nested
 * launches of the upgrade engine do not load it.
 */
public final class JupiterExclusionFilter implements PostDiscoveryFilter {

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    boolean jupiter = descriptor.getUniqueId().getEngineId().map("junit-jupiter"::equals).orElse(false);
    if (jupiter && isUpgradeTest(descriptor)) {
      return FilterResult.excluded("an @UpgradeTest runs in the upgrade-junit engine, phase by phase");
    }
    return FilterResult.included("not an upgrade test");
  }

  private static boolean isUpgradeTest(TestDescriptor descriptor) {
    return descriptor.getSource().map(source -> {
      if (source instanceof MethodSource m) {
        return PhaseAnnotations.isUpgradeTest(m.getJavaClass());
      }
      if (source instanceof ClassSource c) {
        return PhaseAnnotations.isUpgradeTest(c.getJavaClass());
      }
      return false;
    }).orElse(false);
  }
}
