package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A Nova server. As a {@code @PersistentResource} field it is created before the upgrade (ACTIVE,
 * no network unless {@code upgrade.openstack.server.network} says otherwise, tagged with the run),
 * checked during and after it, and deleted at the end of the run; {@link Nova} returns the same type
 * for servers a test lists or creates itself.
 *
 * <p>{@link #id()} and {@link #name()} are fixed; {@link #status()} and {@link #details()} ask Nova
 * each time they are called, so a test always sees the server as it is now. Safe to use from any
 * thread.
 *
 * <pre>{@code
 * @PersistentResource Server web;
 * @AfterUpgrade void serverSurvived() { assertThat(web.status()).isEqualTo("ACTIVE"); }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Server {

  /** Nova's id of the server. */
  String id();

  /** The server's name; the plugin's servers carry the run prefix, e.g. {@code uj-20261125t1024-3f2a-web}. */
  String name();

  /**
   * Nova's status now: {@code ACTIVE}, {@code BUILD}, {@code SHUTOFF}, {@code ERROR}, ...
   *
   * @throws OpenStackException when Nova does not answer, or answers 404 (the server is gone)
   */
  String status();

  /**
   * What must not change across an upgrade, read now: {@code status}, {@code flavor},
   * {@code image}, {@code addresses}, {@code metadata}, {@code key_name}.
   *
   * @throws OpenStackException when Nova does not answer, or the server is gone
   */
  Map<String, String> details();
}
