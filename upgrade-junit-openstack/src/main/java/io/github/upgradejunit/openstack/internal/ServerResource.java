package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.spi.ResourceJournal;
import io.github.upgradejunit.spi.ResourceType;
import java.util.Map;
import java.util.Optional;

/**
 * Nova servers as persistent resources: created ACTIVE and tagged with the run, fingerprinted by
 * status, flavor, image, addresses, metadata and key pair. Thread-safe.
 */
final class ServerResource implements ResourceType<Server> {

  private final Compute compute;
  private final String runId;

  ServerResource(Compute compute, String runId) {
    this.compute = compute;
    this.runId = runId;
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

  @Override
  public void delete(String id) {
    compute.delete(id);
  }

  /** A server by id; every read asks Nova. */
  static final class LiveServer implements Server {
    private final String id;
    private final String name;
    private final Compute compute;

    LiveServer(String id, String name, Compute compute) {
      this.id = id;
      this.name = name;
      this.compute = compute;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String name() {
      return name;
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
      return compute.find(id).orElseThrow(() -> new OpenStackException(Catalog.COMPUTE, 404, "Nova: server " + name
          + " (" + id + ") is gone (404)", null));
    }

    @Override
    public String toString() {
      return "Server[" + name + ", " + id + "]";
    }
  }
}
