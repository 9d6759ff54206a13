package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.TestResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Reports a nested phase launch to the outer launcher as the upgrade engine's own events, and keeps
 * every test's result (with its captured output) in the store.
 */
final class Forwarder implements TestExecutionListener {

  private final NestedPhase nested;
  private final EngineExecutionListener outer;
  private final RunSession session;
  private final Phase phase;
  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<String, StringBuilder> output = new ConcurrentHashMap<>();

  Forwarder(NestedPhase nested, EngineExecutionListener outer, RunSession session, Phase phase) {
    this.nested = nested;
    this.outer = outer;
    this.session = session;
    this.phase = phase;
  }

  @Override
  public synchronized void dynamicTestRegistered(TestIdentifier id) {
    TestDescriptor parent = nested.mirrorOf(id.getParentId().orElseThrow());
    TestDescriptor mirror = nested.mirror(id);
    parent.addChild(mirror);
    outer.dynamicTestRegistered(mirror);
  }

  @Override
  public synchronized void executionStarted(TestIdentifier id) {
    if (nested.isRoot(id)) {
      return;
    }
    startedAt.put(id.getUniqueId(), Micros.now());
    outer.executionStarted(nested.mirrorOf(id));
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    if (nested.isRoot(id)) {
      return;
    }
    outer.executionSkipped(nested.mirrorOf(id), reason);
    if (id.isTest()) {
      record(id, "SKIPPED", reason);
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (nested.isRoot(id)) {
      return;
    }
    outer.executionFinished(nested.mirrorOf(id), result);
    if (id.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
      record(id, result.getStatus().name(), result.getThrowable().map(Forwarder::describe).orElse(null));
    }
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    TestDescriptor mirror = nested.mirrorOf(id);
    if (mirror != null && !nested.isRoot(id)) {
      outer.reportingEntryPublished(mirror, entry);
    }
    entry.getKeyValuePairs().forEach((key, value) -> {
      if ("stdout".equals(key) || "stderr".equals(key)) {
        output.computeIfAbsent(id.getUniqueId(), k -> new StringBuilder()).append(value);
      }
    });
  }

  private void record(TestIdentifier id, String status, String error) {
    long start = startedAt.getOrDefault(id.getUniqueId(), Micros.now());
    String className = id.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
        : s instanceof ClassSource c ? c.getClassName() : null).orElse(null);
    String services = id.getSource().map(s -> s instanceof MethodSource m ? PhaseAnnotations.servicesOf(m.getJavaClass())
        : s instanceof ClassSource c ? PhaseAnnotations.servicesOf(c.getJavaClass()) : "").orElse("");
    StringBuilder out = output.remove(id.getUniqueId());
    String display = className == null ? id.getDisplayName()
        : className.substring(className.lastIndexOf('.') + 1) + "." + id.getDisplayName();
    session.recordTest(new TestResult(phase.key(), nested.mirrorOf(id).getUniqueId().toString(), display,
        className, services, status, start, Micros.now(), error, out == null ? null : out.toString(),
        session.runner()));
  }

  static String describe(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    String trace = text.toString();
    return trace.length() > 8_000 ? trace.substring(0, 8_000) + "\n..." : trace;
  }
}
