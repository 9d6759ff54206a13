package io.github.upgradejunit.internal.analysis;

import java.util.List;

/**
 * Everything measured about one service, and its verdict: the report's per-service section and the
 * service's entry in {@code summary.json}.
 *
 * @param service the service
 * @param control whether it is a control probe (a target outside the cloud that tells tester-side
 *     trouble apart); control services get no verdict
 * @param samples probe samples, all phases
 * @param failedSamples failed ones among them
 * @param http5xxSamples samples answered with a 5xx
 * @param probeIntervalMs the observed probe interval: median spacing within series, pooled
 * @param series per-series counts and observed intervals
 * @param outages outage intervals, in time order
 * @param gaps monitoring gaps, in time order
 * @param downtime all outages summed
 * @param countedDowntime the outages that count against zero-downtime, summed
 * @param availability availability per phase, before, during, after
 * @param latency latency per phase, before, during, after
 * @param latencyComparison during versus before
 * @param checks during-check iterations per check
 * @param resources persistent resources
 * @param ledger honored-request ledger
 * @param tests test results per phase
 * @param verdict the service's verdict; {@code null} for control services
 * @param vantagePoints what each runner saw, when several runners probed the service (then
 *     {@code outages} are those every runner saw); empty with one runner
 */
public record ServiceAnalysis(
    String service,
    boolean control,
    int samples,
    int failedSamples,
    int http5xxSamples,
    double probeIntervalMs,
    List<SeriesStats> series,
    List<Outage> outages,
    List<MonitoringGap> gaps,
    Downtime downtime,
    Downtime countedDowntime,
    List<PhaseAvailability> availability,
    List<LatencyStats> latency,
    LatencyComparison latencyComparison,
    List<CheckCounts> checks,
    ResourceCounts resources,
    LedgerCounts ledger,
    List<TestCounts> tests,
    Verdict verdict,
    List<VantagePoint> vantagePoints) {

  /** Copies the lists. */
  public ServiceAnalysis {
    vantagePoints = List.copyOf(vantagePoints);
    series = List.copyOf(series);
    outages = List.copyOf(outages);
    gaps = List.copyOf(gaps);
    availability = List.copyOf(availability);
    latency = List.copyOf(latency);
    checks = List.copyOf(checks);
    tests = List.copyOf(tests);
  }

  /** This analysis with the given outages and counted downtime. */
  ServiceAnalysis withOutages(List<Outage> newOutages, Downtime newCounted) {
    return new ServiceAnalysis(service, control, samples, failedSamples, http5xxSamples,
        probeIntervalMs, series, newOutages, gaps, downtime, newCounted, availability, latency,
        latencyComparison, checks, resources, ledger, tests, verdict, vantagePoints);
  }

  /** This analysis with its verdict. */
  ServiceAnalysis withVerdict(Verdict newVerdict) {
    return new ServiceAnalysis(service, control, samples, failedSamples, http5xxSamples,
        probeIntervalMs, series, outages, gaps, downtime, countedDowntime, availability, latency,
        latencyComparison, checks, resources, ledger, tests, newVerdict, vantagePoints);
  }

  /** The outages only some vantage points saw, each as the runner that saw it reported it. */
  public List<VantagePoint.Sighting> partialOutages() {
    return vantagePoints.stream().flatMap(v -> v.partial().stream()).toList();
  }

  /** The latency of one phase. */
  public LatencyStats latencyOf(io.github.upgradejunit.Phase phase) {
    return latency.get(phase.ordinal());
  }
}
