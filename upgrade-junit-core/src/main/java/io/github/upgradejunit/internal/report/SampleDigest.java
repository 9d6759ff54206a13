package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.AnalysisResult;
import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.Sample;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.analysis.UpgradeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report draws from the raw probe samples, gathered in one pass and bounded in size
 * whatever the number of samples: per service, the timeline buckets, a latency histogram per phase,
 * and close-ups of the longest outages (the samples around them, fine enough to show an outage's
 * bounds).
 */
final class SampleDigest {

  static final int TIMELINE_BUCKETS = 600;
  static final int CLOSE_UP_BUCKETS = 240;
  static final int CLOSE_UPS_PER_SERVICE = 3;

  /** The samples around one outage. */
  record CloseUp(Outage outage, long fromMicros, long toMicros, Buckets buckets) {
  }

  /** One service's digest. */
  static final class ServiceDigest {
    final Buckets timeline;
    final LogHistogram[] latencyByPhase = {new LogHistogram(), new LogHistogram(), new LogHistogram()};
    final List<CloseUp> closeUps;

    ServiceDigest(Buckets timeline, List<CloseUp> closeUps) {
      this.timeline = timeline;
      this.closeUps = closeUps;
    }
  }

  private final Map<String, ServiceDigest> services;

  private SampleDigest(Map<String, ServiceDigest> services) {
    this.services = services;
  }

  /** Digest the samples of every analysed service over the scale's span. */
  static SampleDigest of(List<Sample> samples, AnalysisResult result, TimeScale scale) {
    Map<String, ServiceDigest> services = new HashMap<>();
    for (ServiceAnalysis s : result.services()) {
      services.put(s.service(), new ServiceDigest(
          new Buckets(scale.fromMicros(), scale.toMicros(), TIMELINE_BUCKETS), closeUps(s)));
    }
    UpgradeWindow window = result.window();
    String lastService = null;
    ServiceDigest digest = null;
    for (Sample sample : samples) {
      if (!sample.service().equals(lastService)) {
        lastService = sample.service();
        digest = services.get(lastService);
      }
      if (digest != null) {
        add(digest, sample, window);
      }
    }
    return new SampleDigest(services);
  }

  private static void add(ServiceDigest digest, Sample sample, UpgradeWindow window) {
    long at = sample.intendedMicros();
    digest.timeline.add(at, sample.ok(), sample.latencyMicros());
    if (sample.ok()) {
      digest.latencyByPhase[window.phaseOf(at).ordinal()].add(sample.latencyMicros());
    }
    for (CloseUp closeUp : digest.closeUps) {
      if (closeUp.buckets().covers(at)) {
        closeUp.buckets().add(at, sample.ok(), sample.latencyMicros());
      }
    }
  }

  /** Close-ups of the longest outages (by upper bound), in time order. */
  private static List<CloseUp> closeUps(ServiceAnalysis s) {
    long interval = Math.max(1_000, Math.round(s.probeIntervalMs() * 1000));
    List<CloseUp> closeUps = new ArrayList<>();
    s.outages().stream().sorted(Comparator.comparingDouble(Outage::upperMs).reversed())
        .limit(CLOSE_UPS_PER_SERVICE)
        .sorted(Comparator.comparingLong(Outage::startMicros))
        .forEach(o -> {
          long span = o.followingMicros() - o.precedingMicros();
          long pad = Math.max(4 * interval, span * 3 / 10);
          long from = o.precedingMicros() - pad;
          long to = o.followingMicros() + pad;
          closeUps.add(new CloseUp(o, from, to, new Buckets(from, to, CLOSE_UP_BUCKETS)));
        });
    return closeUps;
  }

  /** The digest of a service; empty buckets for a service without samples. */
  ServiceDigest service(String name) {
    return services.get(name);
  }
}
