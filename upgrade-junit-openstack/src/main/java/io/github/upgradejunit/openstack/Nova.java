package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Nova for a test method: declare a parameter of this type and the plugin injects it. Creates and
 * deletes made while the upgrade runs are written to the honored-request ledger (accepted, refused
 * with a 5xx, refused otherwise), and after the upgrade the plugin checks that every accepted one
 * took effect. Servers it creates carry the run prefix and tag, and whatever a test leaves behind
 * is deleted by the end of the run. Each call binds the calling thread's own OpenStack session, so
 * it is safe to use from any thread, including concurrent during checks.
 *
 * <pre>{@code
 * @DuringUpgrade(every = "5s") void serversCanBeListed(Nova nova) {
 *   assertThat(nova.servers()).isNotNull();
 * }
 * @DuringUpgrade(every = "30s") void serversCanBeBooted(Nova nova) {
 *   Server server = nova.createServer("probe");
 *   nova.deleteServer(server.id());
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Nova {

  /**
   * The project's servers, every page of Nova's listing (pages of 1000, Nova's default
   * {@code [api] max_limit}; on a cloud configured with a lower limit, the first page only).
   *
   * @throws OpenStackException when Nova does not answer or refuses
   */
  List<Server> servers();

  /**
   * The server with this id, or empty when Nova answers 404.
   *
   * @throws OpenStackException when Nova does not answer or answers another error
   */
  Optional<Server> server(String id);

  /**
   * Create a server named with the run prefix and {@code baseName}, and wait until it is ACTIVE
   * (at most {@code upgrade.openstack.server.timeout}). A server that ends in ERROR or stays in
   * BUILD is deleted again before this fails.
   *
   * @throws OpenStackException when Nova refuses (e.g. 403 quota exceeded) or the server never
   *     becomes ACTIVE
   * @throws IllegalStateException when the circuit breaker stopped creates after repeated failures
   */
  Server createServer(String baseName);

  /**
   * Delete a server (only one this run created: its name must carry the run prefix) and wait until
   * it is gone. Already gone is fine.
   *
   * @throws OpenStackException when Nova refuses, or keeps answering 409 (busy) for 30 s
   * @throws IllegalArgumentException when the server is not one of this run's
   */
  void deleteServer(String id);
}
