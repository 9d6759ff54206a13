package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A kind of persistent resource: something created before the upgrade that must survive it
 * unchanged, such as a server, a container of objects or a credential.
 *
 * <p>The core owns the life cycle: it journals the name before {@link #create}, the id as soon as
 * the plugin reports it through the {@link ResourceJournal}, and the {@link #fingerprint} after
 * creation. It verifies a resource by comparing a fresh fingerprint with the stored one (same:
 * intact; different: affected, listing the keys; {@link #find} empty: gone), and deletes it at the
 * end of the run or when {@code cleanup --run ID} replays the journal after a crash. A plugin never
 * deletes anything whose id the journal does not hold.
 *
 * @param <T> the type of the {@code @PersistentResource} field
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ResourceType<T> {

  /** The service the resource belongs to, by catalog type, e.g. {@code compute}. */
  String service();

  /** The field type this resource type serves. */
  Class<T> type();

  /**
   * Create the resource under the given run-prefixed name. Call {@link ResourceJournal#recordId}
   * as soon as the id is known, before waiting for the resource to become ready.
   */
  T create(String name, ResourceJournal journal) throws Exception;

  /** The resource's id, as it is journaled. */
  String id(T resource);

  /** Find the resource again by id, possibly in another JVM; empty when it is gone. */
  Optional<T> find(String id) throws Exception;

  /**
   * What must not change across the upgrade, as stable key-value pairs (status, flavor, checksums,
   * metadata). Never include secrets or values that legitimately change (timestamps).
   */
  Map<String, String> fingerprint(T resource) throws Exception;

  /** Delete the resource; succeed quietly when it is already gone. */
  void delete(String id) throws Exception;

  /**
   * Probes that live as long as the resource, for the data plane (for example, a TCP probe of a
   * server's SSH port). Empty by default.
   */
  default List<Probe> probes(T resource) {
    return List.of();
  }
}
