package io.github.upgradejunit.internal.jupiter;

import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.MeasureLatency;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeRun;
import io.github.upgradejunit.internal.engine.RunSession;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The Jupiter side of an upgrade test class, registered by {@code @UpgradeTest}: injects persistent
 * resources and handles, loops during checks for the whole upgrade window, measures latency. It
 * works inside the nested launches of the upgrade engine, whose {@link RunSession} it uses.
 */
public final class UpgradeExtension implements ExecutionCondition, TestInstancePostProcessor, ParameterResolver,
    InvocationInterceptor {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return RunSession.current().isPresent()
        ? ConditionEvaluationResult.enabled("run by the upgrade-junit engine")
        : ConditionEvaluationResult.disabled("an @UpgradeTest runs only in the upgrade-junit engine "
            + "(is upgrade-junit-core on the test classpath of the JUnit Platform launcher?)");
  }

  private static RunSession session() {
    return RunSession.current().orElseThrow(() -> new ExtensionConfigurationException(
        "No upgrade run is executing: @UpgradeTest classes run in the upgrade-junit engine"));
  }

  // ---- persistent resources ------------------------------------------------------------------------

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
    for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), PersistentResource.class,
        f -> true, HierarchyTraversalMode.TOP_DOWN)) {
      checkInjectable(field);
      String base = field.getAnnotation(PersistentResource.class).name();
      String name = base.isEmpty() ? field.getName() : base;
      String key = field.getDeclaringClass().getName() + "#" + field.getName();
      RunSession session = session();
      Object resource = session.resources().obtain(key, field.getType(), name, session.phase());
      field.setAccessible(true);
      field.set(instance, resource);
    }
  }

  private static void checkInjectable(Field field) {
    int modifiers = field.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
      throw new ExtensionConfigurationException("@PersistentResource field '" + field.getName() + "' in "
          + field.getDeclaringClass().getName() + " must be an instance field that is neither static nor final: "
          + "remove " + (Modifier.isStatic(modifiers) ? "'static'" : "'final'") + ".");
    }
  }

  // ---- parameters ------------------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == UpgradeRun.class
        || RunSession.current().map(s -> s.plugins().handle(type).isPresent()).orElse(false);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == UpgradeRun.class) {
      return session();
    }
    return session().plugins().handle(type).orElseThrow(() -> new ParameterResolutionException(
        "No plugin provides a " + type.getName()));
  }

  // ---- invocation: during loop and latency ------------------------------------------------------------

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    Method method = call.getExecutable();
    Optional<DuringUpgrade> during = AnnotationSupport.findAnnotation(method, DuringUpgrade.class);
    Optional<MeasureLatency> latency = AnnotationSupport.findAnnotation(method, MeasureLatency.class);
    LatencyBudget budget = LatencyBudget.of(method, latency);
    if (during.isPresent() && session().phase() == io.github.upgradejunit.Phase.DURING) {
      DuringLoop loop = new DuringLoop(session(), method, during.get(), budget);
      invocation.skip();
      loop.run(call.getTarget().orElse(null), call.getArguments().toArray());
      return;
    }
    if (budget == null) {
      invocation.proceed();
      return;
    }
    long start = System.nanoTime();
    try {
      invocation.proceed();
    } finally {
      budget.record(session(), System.nanoTime() - start, 0);
    }
    budget.check(session());
  }
}
