package io.github.upgradejunit.internal.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The upgrade steps rebuilt from step-started and step-finished events. A finish closes the
 * earliest open start with the same service, host and step name; an unmatched finish is ignored
 * and a start never finished runs until the end of the upgrade window.
 */
final class StepTimeline {

  private final List<UpgradeStep> steps;

  private StepTimeline(List<UpgradeStep> steps) {
    this.steps = List.copyOf(steps);
  }

  static StepTimeline of(List<Event> events, UpgradeWindow window) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::atMicros));
    Map<String, Deque<Event>> open = new LinkedHashMap<>();
    List<UpgradeStep> steps = new ArrayList<>();
    for (Event e : sorted) {
      if (Event.STEP_STARTED.equals(e.type())) {
        open.computeIfAbsent(key(e), k -> new ArrayDeque<>()).addLast(e);
      } else if (Event.STEP_FINISHED.equals(e.type())) {
        Deque<Event> starts = open.get(key(e));
        if (starts != null && !starts.isEmpty()) {
          steps.add(step(starts.pollFirst(), e.atMicros(), true));
        }
      }
    }
    open.values().forEach(starts -> starts.forEach(
        s -> steps.add(step(s, Math.max(s.atMicros(), window.endMicros()), false))));
    steps.sort(Comparator.comparingLong(UpgradeStep::startMicros)
        .thenComparing(UpgradeStep::label));
    return new StepTimeline(steps);
  }

  List<UpgradeStep> steps() {
    return steps;
  }

  /** Labels of the steps running at some moment of {@code [from, to]}, in order of start. */
  List<String> labelsWithin(long fromMicros, long toMicros) {
    Set<String> labels = new LinkedHashSet<>();
    for (UpgradeStep s : steps) {
      if (s.runsWithin(fromMicros, toMicros)) {
        labels.add(s.label());
      }
    }
    return List.copyOf(labels);
  }

  /** The step's name followed by its host, unless the name already has it. */
  static String label(Event e) {
    String name = isBlank(e.step()) ? (isBlank(e.service()) ? "step" : e.service()) : e.step();
    return isBlank(e.host()) || name.contains(e.host()) ? name : name + " " + e.host();
  }

  private static UpgradeStep step(Event start, long endMicros, boolean finished) {
    return new UpgradeStep(label(start), start.service(), start.host(), start.atMicros(), endMicros,
        finished);
  }

  private static String key(Event e) {
    return Objects.toString(e.service(), "") + '\u0000' + Objects.toString(e.host(), "") + '\u0000'
        + Objects.toString(e.step(), "");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
