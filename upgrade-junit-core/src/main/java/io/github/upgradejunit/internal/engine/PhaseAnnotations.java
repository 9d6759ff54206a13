package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.Phase;
import io.github.upgradejunit.UpgradeTest;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.junit.platform.commons.support.AnnotationSupport;

/** Which phase a method belongs to, and which classes are upgrade tests. */
public final class PhaseAnnotations {

  private PhaseAnnotations() {
  }

  static Class<? extends Annotation> annotationOf(Phase phase) {
    return switch (phase) {
      case BEFORE -> BeforeUpgrade.class;
      case DURING -> DuringUpgrade.class;
      case AFTER -> AfterUpgrade.class;
    };
  }

  /** Whether a method runs in a phase. */
  public static boolean runsIn(Method method, Phase phase) {
    return AnnotationSupport.isAnnotated(method, annotationOf(phase));
  }

  /** Whether a class is an upgrade test (annotated directly, by inheritance or on an enclosing class). */
  public static boolean isUpgradeTest(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, UpgradeTest.class)) {
        return true;
      }
    }
    return false;
  }

  /** The services an upgrade test class declares, joined with commas; empty when none. */
  public static String servicesOf(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      var annotation = AnnotationSupport.findAnnotation(c, UpgradeTest.class);
      if (annotation.isPresent()) {
        return String.join(",", annotation.get().services());
      }
    }
    return "";
  }
}
