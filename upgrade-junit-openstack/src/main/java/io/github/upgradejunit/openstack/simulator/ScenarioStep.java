package io.github.upgradejunit.openstack.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One step of an upgrade scenario. Each type is an immutable record that knows how to play
 * itself; {@link ScenarioParser} builds them from JSON/YAML and checks every field first.
 */
interface ScenarioStep {

  /** The human-readable name (given in the file, or generated from the step's fields). */
  String name();

  /** Plays the step; returns when its effects are over. */
  void play(StepContext context) throws InterruptedException, IOException;

  /** How long the step takes when played, roughly, given each service's backend count. */
  long durationMs(ToIntFunction<SimulatedService> backendCount);

  /** A problem with this step on this simulator (e.g. a backend it does not have), or null. */
  default String problemWith(OpenStackSimulator simulator) {
    return null;
  }

  private static String backendProblem(OpenStackSimulator simulator, SimulatedService service,
      int backend) {
    int count = simulator.backendCount(service);
    return backend <= count ? null
        : service + " has " + count + " backend(s) in this simulator, so backend " + backend
            + " does not exist";
  }

  /** Restarts one backend: (drain,) down for {@code outageMs}, up (with a new version), undrain. */
  record Restart(String name, SimulatedService service, int backend, long outageMs,
      boolean drain, long drainMs, String version) implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      context.step(name, service, SimulatorDriver.host(backend), () -> restart(context,
          service, backend, outageMs, drain, drainMs, version));
    }

    static void restart(StepContext context, SimulatedService service, int backend,
        long outageMs, boolean drain, long drainMs, String version) throws InterruptedException {
      OpenStackSimulator simulator = context.simulator();
      if (drain) {
        simulator.drain(service, backend);
        context.sleep(drainMs);
      }
      simulator.takeDown(service, backend);
      long down = System.nanoTime();
      try {
        context.output(service + " backend " + backend + " down for " + outageMs + " ms"
            + (drain ? " (drained)" : ""));
        context.sleepSince(down, outageMs);
      } finally {
        simulator.bringUp(service, backend, version);
        if (drain) {
          simulator.undrain(service, backend);
        }
      }
      context.output(service + " backend " + backend + " up"
          + (version == null ? "" : ", version " + version));
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return outageMs + (drain ? drainMs : 0);
    }

    @Override
    public String problemWith(OpenStackSimulator simulator) {
      return backendProblem(simulator, service, backend);
    }
  }

  /** Restarts the backends one after the other, {@code gapMs} apart; one reported step each. */
  record RollingRestart(String name, SimulatedService service, List<Integer> backends,
      long outageMs, long gapMs, boolean drain, long drainMs, String version)
      implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      List<Integer> order = backendsOn(context.simulator());
      for (int i = 0; i < order.size(); i++) {
        int backend = order.get(i);
        context.step(name, service, SimulatorDriver.host(backend), () -> Restart.restart(context,
            service, backend, outageMs, drain, drainMs, version));
        if (i < order.size() - 1) {
          context.sleep(gapMs);
        }
      }
    }

    private List<Integer> backendsOn(OpenStackSimulator simulator) {
      return backends.isEmpty()
          ? IntStream.rangeClosed(1, simulator.backendCount(service)).boxed().toList()
          : backends;
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      int count = backends.isEmpty() ? backendCount.applyAsInt(service) : backends.size();
      return count * (outageMs + (drain ? drainMs : 0)) + Math.max(0, count - 1) * gapMs;
    }

    @Override
    public String problemWith(OpenStackSimulator simulator) {
      return backends.stream().map(b -> backendProblem(simulator, service, b))
          .filter(p -> p != null).findFirst().orElse(null);
    }
  }

  /** The whole service fails: every backend down (503) or the port closed (refused). */
  record Outage(String name, SimulatedService service, long durationMs, boolean refuse)
      implements ScenarioStep {

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return durationMs;
    }

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, service, allHosts(simulator, service), () -> {
        if (refuse) {
          simulator.closeListener(service);
        } else {
          simulator.takeDownAll(service);
        }
        long down = System.nanoTime();
        try {
          context.output(service + " unavailable for " + durationMs + " ms"
              + (refuse ? " (port closed)" : " (all backends down)"));
          context.sleepSince(down, durationMs);
        } finally {
          if (refuse) {
            simulator.reopenListener(service);
          } else {
            simulator.bringUpAll(service);
          }
        }
      });
    }
  }

  /** Responses of the service take {@code factor} times as long for a while. */
  record Latency(String name, SimulatedService service, double factor, long durationMs)
      implements ScenarioStep {

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return durationMs;
    }

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, service, allHosts(simulator, service), () -> {
        simulator.setLatencyFactor(service, factor);
        try {
          context.sleep(durationMs);
        } finally {
          simulator.setLatencyFactor(service, 1.0);
        }
      });
    }
  }

  /** Sets the version of all backends (backend 0) or one. */
  record Version(String name, SimulatedService service, int backend, String version)
      implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      String host = backend == 0 ? allHosts(simulator, service) : SimulatorDriver.host(backend);
      context.step(name, service, host, () -> simulator.setVersion(service, backend, version));
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return 0;
    }

    @Override
    public String problemWith(OpenStackSimulator simulator) {
      return backend == 0 ? null : backendProblem(simulator, service, backend);
    }
  }

  /** The oldest {@code count} servers whose name contains the fragment vanish. */
  record LoseServer(String name, String nameFragment, int count) implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, SimulatedService.COMPUTE, allHosts(simulator, SimulatedService.COMPUTE),
          () -> {
            List<String> lost = simulator.loseServers(nameFragment, count);
            context.output(lost.isEmpty() ? "no server matched, none lost"
                : "lost server(s): " + String.join(", ", lost));
          });
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return 0;
    }
  }

  /** The oldest {@code count} matching objects get different content. */
  record CorruptObject(String name, String containerFragment, String objectFragment, int count)
      implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, SimulatedService.OBJECT_STORE,
          allHosts(simulator, SimulatedService.OBJECT_STORE), () -> {
            List<String> corrupted = simulator.corruptObjects(containerFragment, objectFragment,
                count);
            context.output(corrupted.isEmpty() ? "no object matched, none corrupted"
                : "corrupted: " + String.join(", ", corrupted));
          });
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return 0;
    }
  }

  /** For a while, a share of accepted server creates is never honored. */
  record DropCreates(String name, int percent, long durationMs, boolean deleteLater,
      long deleteAfterMs) implements ScenarioStep {

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return durationMs;
    }

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, SimulatedService.COMPUTE, allHosts(simulator, SimulatedService.COMPUTE),
          () -> {
            if (deleteLater) {
              simulator.dropServerCreatesLater(percent, Duration.ofMillis(deleteAfterMs));
            } else {
              simulator.dropServerCreates(percent);
            }
            try {
              context.sleep(durationMs);
            } finally {
              simulator.dropServerCreates(0);
            }
          });
    }
  }

  /** Drains a backend (or puts it back into rotation). */
  record Drain(String name, SimulatedService service, int backend, boolean drained)
      implements ScenarioStep {

    @Override
    public void play(StepContext context) throws InterruptedException, IOException {
      OpenStackSimulator simulator = context.simulator();
      context.step(name, service, SimulatorDriver.host(backend), () -> {
        if (drained) {
          simulator.drain(service, backend);
        } else {
          simulator.undrain(service, backend);
        }
      });
    }

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return 0;
    }

    @Override
    public String problemWith(OpenStackSimulator simulator) {
      return backendProblem(simulator, service, backend);
    }
  }

  /** Time between steps; not reported as an upgrade step. */
  record Pause(String name, long durationMs) implements ScenarioStep {

    @Override
    public long durationMs(ToIntFunction<SimulatedService> backendCount) {
      return durationMs;
    }

    @Override
    public void play(StepContext context) throws InterruptedException {
      context.sleep(durationMs);
    }
  }

  /** {@code sim-ctl1,sim-ctl2}: the hosts a service-wide step touches. */
  static String allHosts(OpenStackSimulator simulator, SimulatedService service) {
    return IntStream.rangeClosed(1, simulator.backendCount(service))
        .mapToObj(SimulatorDriver::host).collect(Collectors.joining(","));
  }
}
