package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A Swift container with content whose integrity an upgrade must keep. As a
 * {@code @PersistentResource} field it is created before the upgrade holding a small text object,
 * a random binary object and a static large object made of three segments, all tagged with the
 * run; its fingerprint is every object's size, MD5 of the content read back, type and metadata.
 *
 * <p>Every method asks Swift when it is called. Safe to use from any thread.
 *
 * <pre>{@code
 * @PersistentResource Container archive;
 * @AfterUpgrade void objectsSurvived() { assertThat(archive.objectNames()).contains("large.bin"); }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Container {

  /** The container's name, with the run prefix. */
  String name();

  /**
   * The names of the objects in it now (a large object's segments included).
   *
   * @throws OpenStackException when Swift does not answer, or the container is gone
   */
  List<String> objectNames();

  /**
   * The full content of one object as Swift serves it now (a large object assembled).
   *
   * @throws OpenStackException when Swift does not answer, or the object is gone
   */
  byte[] read(String object);

  /**
   * What must not change, read now: the container's metadata, and per object its size, MD5, type,
   * metadata and whether it is a large object.
   */
  Map<String, String> details();
}
