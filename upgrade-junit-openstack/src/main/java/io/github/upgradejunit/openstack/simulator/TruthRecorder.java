package io.github.upgradejunit.openstack.simulator;

import io.github.upgradejunit.openstack.simulator.GroundTruth.Fault;
import io.github.upgradejunit.openstack.simulator.GroundTruth.Outage;
import io.github.upgradejunit.openstack.simulator.GroundTruth.Step;
import io.github.upgradejunit.openstack.simulator.GroundTruth.VersionChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the ground truth while it happens. The load balancers call {@link #serviceState} from
 * inside the lock that flips a backend, with the timestamp taken in that lock, so an outage's
 * start and end are the instants its requests really began and stopped failing.
 */
final class TruthRecorder {

  private record OpenKey(SimulatedService service, int backend) {
  }

  private record Opened(Instant start, String failure, String step) {
  }

  private String scenario;
  private Instant started;
  private Instant finished;
  private final List<Outage> closedOutages = new ArrayList<>();
  private final Map<OpenKey, Opened> openOutages = new LinkedHashMap<>();
  private final List<Fault> faults = new ArrayList<>();
  private final List<VersionChange> versions = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, Instant> openSteps = new LinkedHashMap<>();
  private volatile String currentStep;

  /** Forgets everything and starts recording a scenario. */
  synchronized void begin(String scenarioName, Instant at) {
    scenario = scenarioName;
    started = at;
    finished = null;
    closedOutages.clear();
    openOutages.clear();
    faults.clear();
    versions.clear();
    steps.clear();
    openSteps.clear();
    currentStep = null;
  }

  synchronized void end(Instant at) {
    finished = at;
    currentStep = null;
  }

  /** The step whose name is attached to what happens from now on ({@code null}: none). */
  void currentStep(String step) {
    currentStep = step;
  }

  String currentStep() {
    return currentStep;
  }

  /**
   * A service's state right after a flip: whether every request fails ({@code wholeFailure} non
   * null, e.g. {@code http-503}) and which backends fail while others still serve.
   */
  synchronized void serviceState(SimulatedService service, Instant at, String wholeFailure,
      Set<Integer> partiallyFailingBackends) {
    track(new OpenKey(service, 0), wholeFailure != null, wholeFailure, at);
    for (OpenKey key : List.copyOf(openOutages.keySet())) {
      if (key.service() == service && key.backend() > 0
          && !partiallyFailingBackends.contains(key.backend())) {
        close(key, at);
      }
    }
    for (int backend : partiallyFailingBackends) {
      track(new OpenKey(service, backend), true, "http-503", at);
    }
  }

  private void track(OpenKey key, boolean failing, String failure, Instant at) {
    boolean open = openOutages.containsKey(key);
    if (failing && !open) {
      openOutages.put(key, new Opened(at, failure, currentStep));
    } else if (!failing && open) {
      close(key, at);
    }
  }

  private void close(OpenKey key, Instant at) {
    Opened opened = openOutages.remove(key);
    closedOutages.add(new Outage(key.service(), key.backend() == 0 ? null : key.backend(),
        opened.failure(), opened.start(), at, opened.step()));
  }

  synchronized void fault(String type, SimulatedService service, String target, String id,
      Instant at, Instant end, String detail) {
    faults.add(new Fault(type, service, target, id, at, end, detail, currentStep));
  }

  /**
   * Records a fault that lasts a while; the returned action ends it. The detail is computed
   * outside this recorder's lock, because it may ask a store that itself reports to the recorder.
   */
  Runnable lastingFault(String type, SimulatedService service, String target, Instant at,
      Supplier<String> detail) {
    String step = currentStep;
    return () -> {
      Instant end = Instant.now();
      String text = detail.get();
      synchronized (this) {
        faults.add(new Fault(type, service, target, null, at, end, text, step));
      }
    };
  }

  synchronized void version(SimulatedService service, int backend, String from, String to,
      Instant at) {
    if (!Objects.equals(from, to)) {
      versions.add(new VersionChange(service, backend, from, to, at, currentStep));
    }
  }

  synchronized void stepStarted(String name, Instant at) {
    openSteps.put(name, at);
    currentStep = name;
  }

  synchronized void stepFinished(String name, SimulatedService service, String host, Instant at) {
    Instant start = openSteps.remove(name);
    steps.add(new Step(name, service, host, start == null ? at : start, at));
    currentStep = null;
  }

  synchronized GroundTruth snapshot(Map<SimulatedService, List<String>> finalVersions) {
    List<Outage> outages = new ArrayList<>(closedOutages);
    openOutages.forEach((key, opened) -> outages.add(new Outage(key.service(),
        key.backend() == 0 ? null : key.backend(), opened.failure(), opened.start(), null,
        opened.step())));
    outages.sort(Comparator.comparing(Outage::start));
    List<Fault> sortedFaults = new ArrayList<>(faults);
    sortedFaults.sort(Comparator.comparing(Fault::at));
    return new GroundTruth(scenario, started, finished, outages, sortedFaults, versions, steps,
        new EnumMap<>(finalVersions));
  }
}
