package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

/**
 * The plugin's one authentication, shared by every thread: it authenticates once with openstack4j,
 * publishes the result as an immutable {@link AuthState}, renews it before it expires (on its own
 * thread) and after a 401, and lets any thread run openstack4j code bound to the current token.
 *
 * <p>Why the binding: openstack4j keeps its session in a thread-local, and on one thread the last
 * session created wins. So {@link #withClient} calls {@code OSFactory.clientFromToken} on the
 * calling thread for every call, and never lends a client object to another thread. Thread-safe.
 */
public final class CloudSession implements AutoCloseable {

  private static final Duration RETRY = Duration.ofSeconds(2);

  private final CloudConfig cloud;
  private final Config config;
  private final Duration margin;
  private final BiConsumer<String, String> log;
  private final Object lock = new Object();
  /** Serialises renewals after a 401; never held by {@link #requestRenewal}, so a hung Keystone cannot stall probes. */
  private final Object renewing = new Object();
  private volatile AuthState current;
  private volatile boolean renewRequested;
  private volatile boolean closed;
  private Thread renewer;

  /**
   * @param log receives (source, line) diagnostics; never given a secret
   */
  public CloudSession(CloudConfig cloud, Tls tls, Timeouts timeouts, Duration margin, BiConsumer<String, String> log) {
    this.cloud = cloud;
    this.config = timeouts.openstack4j(tls);
    this.margin = margin;
    this.log = log;
  }

  /**
   * Authenticate (on the calling thread) and start renewing in the background.
   *
   * @throws io.github.upgradejunit.openstack.OpenStackException naming the cloud and what to check
   */
  public CloudSession start() {
    trustCacertJvmWide();
    current = authenticate();
    renewer = new Thread(this::renewLoop, "upgrade-junit-openstack-token");
    renewer.setDaemon(true);
    renewer.start();
    log.accept("openstack", "authenticated at " + cloud.authUrl() + " as user '" + cloud.user() + "' in project '"
        + cloud.project() + "'; token valid until " + current.expiresAt() + "; catalog: "
        + current.catalog().urls().keySet());
    return this;
  }

  /** openstack4j trusts only what the JVM trusts (see {@link JvmTrust}), so a cacert goes there too. */
  private void trustCacertJvmWide() {
    if (cloud.cacert() == null || !cloud.verify()) {
      return;
    }
    try {
      if (JvmTrust.add(cloud.cacert())) {
        log.accept("openstack", "cacert " + cloud.cacert() + " is trusted JVM-wide too: openstack4j (OkHttp) "
            + "takes its trust from the JVM's trust store only");
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(cloud.where() + ": cannot add cacert " + cloud.cacert()
          + " to the JVM's trust store: " + e.getMessage(), e);
    }
  }

  public CloudConfig cloud() {
    return cloud;
  }

  /** The current authentication. */
  public AuthState state() {
    return current;
  }

  /**
   * Run openstack4j code for a service on the calling thread, bound to the current token; fails at
   * once, naming the service, when the catalog lacks it. When openstack4j
   * renewed the token itself (after a 401), the new one is published for every thread.
   */
  public <T> T withClient(String service, Function<OSClientV3, T> work) {
    AuthState state = current;
    state.catalog().require(service);
    OSClientV3 os = bind(state);
    T result = work.apply(os);
    Token after = os.getToken();
    if (after != state.token() && after != null && after.getId() != null) {
      offer(state, AuthState.of(after, cloud.interfaceName(), cloud.region()));
    }
    return result;
  }

  private OSClientV3 bind(AuthState state) {
    OSClientV3 os = OSFactory.clientFromToken(state.token(), facing(), config);
    cloud.regionName().ifPresent(os::useRegion);
    return os;
  }

  private Facing facing() {
    return Facing.value(cloud.interfaceName());
  }

  /**
   * The token {@code seen} was refused (401): renew it now, on this thread, unless another thread
   * already did; returns the state to retry with. Blocks for one authentication at most.
   */
  public AuthState renewAfterRejection(AuthState seen) {
    synchronized (renewing) {
      if (current != seen) {
        return current;
      }
      log.accept("openstack", "a token was refused (401); renewing it");
      AuthState fresh = authenticate(); // outside `lock`: Keystone may hang, and probe threads take `lock`
      synchronized (lock) {
        current = fresh;
      }
      return fresh;
    }
  }

  /** Ask the background thread to renew soon, without waiting (for probe threads after a 401). */
  public void requestRenewal(AuthState seen) {
    if (current == seen) {
      renewRequested = true;
      synchronized (lock) {
        lock.notifyAll();
      }
    }
  }

  private void offer(AuthState seen, AuthState renewed) {
    synchronized (lock) {
      if (current == seen) {
        current = renewed;
      }
    }
  }

  private void renewLoop() {
    while (!closed) {
      try {
        awaitRenewalTime();
        if (closed) {
          return;
        }
        AuthState fresh = authenticate();
        synchronized (lock) {
          current = fresh;
          renewRequested = false;
        }
        log.accept("openstack", "token renewed; valid until " + fresh.expiresAt());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.accept("openstack", "token renewal failed (" + e.getMessage() + "); trying again in " + RETRY.toSeconds()
            + " s");
        sleepQuietly();
      }
    }
  }

  private void awaitRenewalTime() throws InterruptedException {
    synchronized (lock) {
      while (!closed && !renewRequested) {
        long wait = Duration.between(Instant.now(), current.renewAt(margin)).toMillis();
        if (wait <= 0) {
          return;
        }
        lock.wait(Math.min(wait, 60_000));
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Password authentication through openstack4j, on the calling thread. */
  private AuthState authenticate() {
    try {
      var builder = OSFactory.builderV3().endpoint(cloud.authUrl()).withConfig(config).perspective(facing());
      if (cloud.username() != null) {
        builder.credentials(cloud.username(), cloud.password().reveal(),
            identifier(cloud.userDomainName(), cloud.userDomainId()));
      } else {
        builder.credentials(cloud.userId(), cloud.password().reveal());
      }
      if (cloud.projectId() != null) {
        builder.scopeToProject(Identifier.byId(cloud.projectId()));
      } else {
        builder.scopeToProject(Identifier.byName(cloud.projectName()),
            identifier(cloud.projectDomainName(), cloud.projectDomainId()));
      }
      Token token = builder.authenticate().getToken();
      return AuthState.of(token, cloud.interfaceName(), cloud.region());
    } catch (RuntimeException e) {
      throw Failures.authentication(cloud, e);
    }
  }

  private static Identifier identifier(String name, String id) {
    return id != null ? Identifier.byId(id) : Identifier.byName(name);
  }

  @Override
  public void close() {
    closed = true;
    if (renewer != null) {
      renewer.interrupt();
    }
  }
}
