package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Swift for a test method: declare a parameter of this type and the plugin injects it. Containers
 * are named by the run prefix plus the name a test gives, created (tagged with the run) on first
 * use, and deleted with their content by the end of the run. Uploads send their MD5, so Swift
 * refuses a corrupted upload, and reads check the content against what was stored. Writes and
 * deletes made while the upgrade runs go to the honored-request ledger. Each call binds the calling
 * thread's own OpenStack session; safe to use from any thread.
 *
 * <pre>{@code
 * @DuringUpgrade(every = "2s") void objectsCanBeWrittenAndRead(Swift swift) {
 *   byte[] data = UUID.randomUUID().toString().getBytes(UTF_8);
 *   swift.put("scratch", "o1", data);
 *   assertThat(swift.get("scratch", "o1")).isEqualTo(data);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Swift {

  /**
   * Store an object; returns the MD5 (hex) Swift confirmed.
   *
   * @param container the container's base name (the run prefix is added)
   * @throws OpenStackException when Swift refuses or does not answer
   */
  String put(String container, String object, byte[] content);

  /**
   * The object's content; when this JVM stored it, checked against the MD5 it was stored with.
   *
   * @throws OpenStackException when Swift refuses or does not answer, or the object is gone
   * @throws AssertionError when the content is not what was stored
   */
  byte[] get(String container, String object);

  /**
   * Delete an object; already gone is fine.
   *
   * @throws OpenStackException when Swift refuses or does not answer
   */
  void delete(String container, String object);

  /**
   * The names of the objects in the container.
   *
   * @throws OpenStackException when Swift refuses or does not answer, or the container does not exist
   */
  List<String> list(String container);
}
