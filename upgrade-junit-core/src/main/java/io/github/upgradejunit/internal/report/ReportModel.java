package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.UpgradeStep;
import io.github.upgradejunit.internal.store.Rows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one report renders, computed once: the run's data and analysis, the saved summaries of
 * the store's runs (for trends), the time scale every timeline shares and the digest of the probe
 * samples. The HTML page and the Allure attachments both draw from it, so they always agree.
 *
 * @param data the run as the store holds it
 * @param result its analysis
 * @param summary its {@code summary.json}
 * @param history the saved summaries of every run in the store, oldest first (this one included)
 * @param storeLocation the store, without credentials
 * @param timeline the scale, window and steps every timeline shares
 * @param digest the probe samples, downsampled
 */
record ReportModel(RunData data, AnalysisResult result, ObjectNode summary, List<String> history,
    String storeLocation, TimelineSvg.Run timeline, SampleDigest digest) {

  private static final Comparator<ServiceAnalysis> REPORT_ORDER =
      Comparator.comparing(ServiceAnalysis::control).thenComparing(ServiceAnalysis::service);

  /** The model of a run: chooses the timeline's span and digests the samples in one pass. */
  static ReportModel of(RunData data, AnalysisResult result, ObjectNode summary, List<String> history,
      String storeLocation) {
    boolean started = data.events().stream().anyMatch(e -> "upgrade-started".equals(e.type()));
    TimeScale scale = span(data, result, started);
    List<String> services = result.services().stream().sorted(REPORT_ORDER).map(ServiceAnalysis::service).toList();
    TimelineSvg.Run run = new TimelineSvg.Run(scale, result.window(), started, result.steps(), services);
    return new ReportModel(data, result, summary, history, storeLocation, run,
        SampleDigest.of(data.input().samples(), result, scale));
  }

  /**
   * From the first to the last thing observed (samples, window, steps, check iterations), with a
   * one percent margin, counted from the upgrade start.
   */
  private static TimeScale span(RunData data, AnalysisResult result, boolean started) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (Sample s : data.input().samples()) {
      from = Math.min(from, s.intendedMicros());
      to = Math.max(to, s.intendedMicros());
    }
    if (started) {
      from = Math.min(from, result.window().startMicros());
      to = Math.max(to, result.window().endMicros());
    }
    for (UpgradeStep step : result.steps()) {
      from = Math.min(from, step.startMicros());
      to = Math.max(to, step.endMicros());
    }
    for (Rows.Iteration i : data.iterations()) {
      from = Math.min(from, i.startedAt());
      to = Math.max(to, i.finishedAt());
    }
    if (from == Long.MAX_VALUE) {
      from = data.run().createdAt();
      to = Objects.requireNonNullElse(data.run().closedAt(), from);
    }
    long margin = Math.max(1_000, (to - from) / 100);
    return new TimeScale(from - margin, to + margin, started ? result.window().startMicros() : from, 0, 1);
  }

  /** The services in report order: measured services by name, then control probes. */
  List<ServiceAnalysis> services() {
    List<ServiceAnalysis> services = new ArrayList<>(result.services());
    services.sort(REPORT_ORDER);
    return services;
  }

  /** The iterations of a service's during checks; {@code null} for those of no single service. */
  List<Rows.Iteration> iterationsOf(String service) {
    return data.iterations().stream().filter(i -> RunData.services(i.service()).contains(service)).toList();
  }

  /** A service's timeline SVG; standalone documents carry their own legend. */
  String timelineSvg(ServiceAnalysis service, String idPrefix, boolean standalone) {
    return TimelineSvg.render(timeline, service, digest.service(service.service()), iterationsOf(service.service()),
        idPrefix, standalone);
  }

  /** The scale of the timelines, for labels relative to the upgrade start. */
  TimeScale scale() {
    return timeline.scale();
  }

  /** A moment relative to the upgrade start: {@code T+84.2 s}. */
  String offset(long micros) {
    return timeline.scale().offset(micros);
  }
}
