package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.spi.ResourceJournal;
import io.github.upgradejunit.spi.ResourceType;
import io.github.upgradejunit.probe.TcpProbe;
import io.github.upgradejunit.spi.Probe;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova servers as persistent resources: created ACTIVE and tagged with the run, fingerprinted by
 * status, flavor, image, addresses, metadata and key pair. With
 * {@code upgrade.openstack.server.probe.port} set, a server with an address is probed on that TCP
 * port for as long as it lives (the data plane: does the VM stay reachable while its hypervisor,
 * network agents and APIs are upgraded?). Thread-safe.
 */
final class ServerResource implements ResourceType<Server> {

  /** The service data-plane probes of servers are reported under, apart from the API's. */
  static final String DATA_PLANE = "compute-dataplane";

  private final Compute compute;
  private final String runId;
  private final Optional<Integer> probePort;

  ServerResource(Compute compute, String runId, Optional<Integer> probePort) {
    this.compute = compute;
    this.runId = runId;
    this.probePort = probePort;
  }

  @Override
  public String service() {
    return Catalog.COMPUTE;
  }

  @Override
  public Class<Server> type() {
    return Server.class;
  }

  @Override
  public Server create(String name, ResourceJournal journal) {
    ServerState state = compute.create(name, Map.of(RunTag.KEY, runId, RunTag.ROLE, RunTag.PERSISTENT),
        journal::recordId);
    return new LiveServer(state.id(), state.name(), compute);
  }

  @Override
  public String id(Server resource) {
    return resource.id();
  }

  @Override
  public Optional<Server> find(String id) {
    return compute.find(id).map(state -> new LiveServer(state.id(), state.name(), compute));
  }

  @Override
  public Map<String, String> fingerprint(Server resource) {
    return resource.details();
  }

  /** A TCP probe of the probe port on the server's first address, when the port is set and it has one. */
  @Override
  public List<Probe> probes(Server resource) {
    if (probePort.isEmpty()) {
      return List.of();
    }
    return compute.find(resource.id()).flatMap(ServerResource::address)
        .map(address -> List.<Probe>of(TcpProbe.to(address, probePort.get()).service(DATA_PLANE)
            .series(DATA_PLANE + "/" + resource.name() + "/tcp-" + probePort.get()).build()))
        .orElse(List.of());
  }

  /** The first address of the first network (networks and addresses sorted by name). */
  static Optional<String> address(ServerState state) {
    return state.addresses().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .flatMap(e -> Arrays.stream(e.getValue().split(","))).map(String::trim)
        .filter(a -> !a.isEmpty()).findFirst();
  }

  @Override
  public void delete(String id) {
    compute.delete(id);
  }

  /** A server by id; every read asks Nova. */
  static final class LiveServer extends LiveResource implements Server {
    private final Compute compute;

    LiveServer(String id, String name, Compute compute) {
      super("Server", "server", id, name);
      this.compute = compute;
    }

    @Override
    public String status() {
      return state().status();
    }

    @Override
    public Map<String, String> details() {
      return state().fingerprint();
    }

    private ServerState state() {
      return compute.find(id()).orElseThrow(() -> gone(Catalog.COMPUTE, "Nova"));
    }
  }
}
