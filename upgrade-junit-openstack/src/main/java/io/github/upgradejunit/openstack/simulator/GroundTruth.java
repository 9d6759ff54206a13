package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulator really did to the cloud during a scenario, with the wall-clock time of every
 * state flip. It is the yardstick for the measurements: the monitor must find each {@link Outage}
 * within one probe interval, and every lost or corrupted resource must be reported. Written as
 * {@code truth.json} (format in {@code docs/simulator.md}).
 */
public final class GroundTruth {

  /**
   * An interval in which requests to a service failed. With {@code backend == null} the service's
   * API, as a client behind the load balancer sees it, failed <em>every</em> request from start to
   * end; otherwise only the requests routed to that backend failed ({@code partial}).
   *
   * @param failure what a client saw: {@code http-503} or {@code connection-refused}
   * @param end {@code null} while the outage lasts
   * @param step the scenario step during which the outage began, if any
   */
  public record Outage(SimulatedService service, Integer backend, String failure, Instant start,
      Instant end, String step) {

    /** True when other backends still served while this one failed. */
    public boolean partial() {
      return backend != null;
    }

    /** The length of a finished outage. */
    public Optional<Duration> duration() {
      return end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
    }
  }

  /**
   * A fault the scenario injected (e.g. {@code lose-server}, {@code corrupt-object},
   * {@code latency}, {@code drop-creates}, {@code dropped-create}, {@code version-left-behind}).
   *
   * @param target what was hit, e.g. a server name or {@code container/object}
   * @param id the resource id when there is one
   * @param end for faults that last a while (latency, drop-creates), else {@code null}
   */
  public record Fault(String type, SimulatedService service, String target, String id, Instant at,
      Instant end, String detail, String step) {
  }

  /** A backend started reporting another version (Nova: its maximum microversion). */
  public record VersionChange(SimulatedService service, int backend, String from, String to,
      Instant at, String step) {
  }

  /** A scenario step as the driver reported it; {@code service} is null for pauses. */
  public record Step(String name, SimulatedService service, String host, Instant start,
      Instant end) {
  }

  private final String scenario;
  private final Instant started;
  private final Instant finished;
  private final List<Outage> outages;
  private final List<Fault> faults;
  private final List<VersionChange> versions;
  private final List<Step> steps;
  private final Map<SimulatedService, List<String>> finalVersions;

  GroundTruth(String scenario, Instant started, Instant finished, List<Outage> outages,
      List<Fault> faults, List<VersionChange> versions, List<Step> steps,
      Map<SimulatedService, List<String>> finalVersions) {
    this.scenario = scenario;
    this.started = started;
    this.finished = finished;
    this.outages = List.copyOf(outages);
    this.faults = List.copyOf(faults);
    this.versions = List.copyOf(versions);
    this.steps = List.copyOf(steps);
    this.finalVersions = Collections.unmodifiableMap(new EnumMap<>(finalVersions));
  }

  /** The scenario's name, or {@code null} when no scenario was played. */
  public String scenario() {
    return scenario;
  }

  public Instant started() {
    return started;
  }

  /** {@code null} while the scenario is still playing. */
  public Instant finished() {
    return finished;
  }

  /** Outages in the order they began. */
  public List<Outage> outages() {
    return outages;
  }

  /** Only the outages where the whole API failed. */
  public List<Outage> wholeServiceOutages() {
    return outages.stream().filter(o -> !o.partial()).toList();
  }

  public List<Fault> faults() {
    return faults;
  }

  public List<VersionChange> versions() {
    return versions;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Per service, the version each backend reported when the truth was taken (index 0 = backend 1). */
  public Map<SimulatedService, List<String>> finalVersions() {
    return finalVersions;
  }

  /** The {@code truth.json} document. */
  public String toJson() {
    ObjectNode root = Json.object();
    root.put("scenario", scenario);
    root.put("started", Json.millis(started));
    root.put("finished", Json.millis(finished));
    ArrayNode outageArray = root.putArray("outages");
    outages.forEach(o -> outageArray.add(outageJson(o)));
    ArrayNode faultArray = root.putArray("faults");
    faults.forEach(f -> faultArray.add(faultJson(f)));
    ArrayNode versionArray = root.putArray("versions");
    versions.forEach(v -> versionArray.add(versionJson(v)));
    ObjectNode finals = root.putObject("finalVersions");
    finalVersions.forEach((service, list) -> {
      ArrayNode perBackend = finals.putArray(service.type());
      list.forEach(perBackend::add);
    });
    ArrayNode stepArray = root.putArray("steps");
    steps.forEach(s -> stepArray.add(stepJson(s)));
    return new String(Json.bytes(root), StandardCharsets.UTF_8);
  }

  /** Writes {@link #toJson()} to the file, creating its directory. */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
  }

  private static ObjectNode outageJson(Outage o) {
    ObjectNode node = Json.object();
    node.put("service", o.service().type());
    if (o.backend() == null) {
      node.putNull("backend");
    } else {
      node.put("backend", o.backend());
    }
    node.put("partial", o.partial());
    node.put("failure", o.failure());
    node.put("start", Json.millis(o.start()));
    node.put("end", Json.millis(o.end()));
    if (o.end() == null) {
      node.putNull("durationMs");
    } else {
      node.put("durationMs", Duration.between(o.start(), o.end()).toMillis());
    }
    node.put("step", o.step());
    return node;
  }

  private static ObjectNode faultJson(Fault f) {
    ObjectNode node = Json.object();
    node.put("type", f.type());
    node.put("service", f.service() == null ? null : f.service().type());
    node.put("target", f.target());
    if (f.id() != null) {
      node.put("id", f.id());
    }
    node.put("at", Json.millis(f.at()));
    if (f.end() != null) {
      node.put("end", Json.millis(f.end()));
      node.put("durationMs", Duration.between(f.at(), f.end()).toMillis());
    }
    if (f.detail() != null) {
      node.put("detail", f.detail());
    }
    node.put("step", f.step());
    return node;
  }

  private static ObjectNode versionJson(VersionChange v) {
    ObjectNode node = Json.object();
    node.put("service", v.service().type());
    node.put("backend", v.backend());
    node.put("from", v.from());
    node.put("to", v.to());
    node.put("at", Json.millis(v.at()));
    node.put("step", v.step());
    return node;
  }

  private static ObjectNode stepJson(Step s) {
    ObjectNode node = Json.object();
    node.put("name", s.name());
    node.put("service", s.service() == null ? null : s.service().type());
    node.put("host", s.host());
    node.put("start", Json.millis(s.start()));
    node.put("end", Json.millis(s.end()));
    return node;
  }
}
