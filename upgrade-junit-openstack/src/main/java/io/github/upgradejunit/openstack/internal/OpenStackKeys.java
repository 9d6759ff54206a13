package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.spi.ConfigKey;
import java.util.List;

/** Every configuration key of the OpenStack plugin, in the order of the table in docs/openstack.md. */
public final class OpenStackKeys {

  /** The value of {@link #CLOUD} that starts the embedded simulator. */
  public static final String SIMULATOR = "simulator";

  public static final ConfigKey CLOUD = ConfigKey.string("upgrade.cloud", null,
      "The cloud under test: an entry of clouds.yaml, or 'simulator' for the embedded OpenStack "
          + "simulator. Default: OS_CLOUD, else the OS_* variables; with neither, the plugin is off.");
  public static final ConfigKey SCENARIO = ConfigKey.string("upgrade.scenario",
      "rolling-compute-outage",
      "With upgrade.cloud=simulator: the scenario the simulator plays as the upgrade, a built-in "
          + "name or a JSON/YAML file.");
  public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.duration("upgrade.openstack.connect.timeout",
      "5s", "TCP connect timeout of every OpenStack API call (resource operations and handles).");
  public static final ConfigKey READ_TIMEOUT = ConfigKey.duration("upgrade.openstack.read.timeout", "30s",
      "Read timeout of every OpenStack API call (resource operations and handles); a hung API fails "
          + "the call after this long.");
  public static final ConfigKey TOKEN_REFRESH = ConfigKey.duration("upgrade.openstack.token.refresh", "5m",
      "Renew the shared token this long before it expires (at the latest at 80 % of its lifetime).");
  public static final ConfigKey PROBE_IDENTITY = ConfigKey.choice("upgrade.openstack.probe.identity", "validate",
      "What the identity probes do: validate the shared token (cheap), or issue a token with the "
          + "configured password (the login path; costs Keystone a password hash, ~0.3 s of CPU, per "
          + "sample: use it with a low upgrade.probe.rate).",
      "validate", "issue");
  public static final ConfigKey BACKENDS_IDENTITY = ConfigKey.string("upgrade.openstack.backends.identity", null,
      "Comma-separated base URLs (scheme://host:port) of the individual Keystone API backends behind "
          + "the load balancer; each gets a probe series of its own.");
  public static final ConfigKey BACKENDS_COMPUTE = ConfigKey.string("upgrade.openstack.backends.compute", null,
      "Like upgrade.openstack.backends.identity, for the Nova API backends.");
  public static final ConfigKey BACKENDS_OBJECT_STORE = ConfigKey.string(
      "upgrade.openstack.backends.object-store", null,
      "Like upgrade.openstack.backends.identity, for the Swift proxy backends.");
  public static final ConfigKey VERSION_INTERVAL = ConfigKey.duration("upgrade.openstack.version.interval", "5s",
      "How often the release validator polls Keystone /v3, Nova's maximum microversion and Swift /info.");
  public static final ConfigKey SERVER_FLAVOR = ConfigKey.string("upgrade.openstack.server.flavor", null,
      "Flavor (name or id) of the servers the plugin creates. Default: the smallest one by RAM, then disk.");
  public static final ConfigKey SERVER_IMAGE = ConfigKey.string("upgrade.openstack.server.image", null,
      "Image (name or id) of the servers the plugin creates. Default: the first ACTIVE image, by name.");
  public static final ConfigKey SERVER_NETWORK = ConfigKey.string("upgrade.openstack.server.network", "none",
      "Network of the servers the plugin creates: none (no port, needs no Neutron), auto, or a network id.");
  public static final ConfigKey SERVER_KEYPAIR = ConfigKey.string("upgrade.openstack.server.keypair", null,
      "Key pair name given to the servers the plugin creates. Default: none.");
  public static final ConfigKey SERVER_PROBE_PORT = ConfigKey.integer("upgrade.openstack.server.probe.port", null, 1,
      "Probe this TCP port (e.g. 22) of every persistent server that has an address, for as long as the "
          + "server lives, reported as the service compute-dataplane. Off when unset.");
  public static final ConfigKey SERVER_TIMEOUT = ConfigKey.duration("upgrade.openstack.server.timeout", "5m",
      "How long a server may take to become ACTIVE, or to disappear after a delete.");
  public static final ConfigKey RECONCILE_TIMEOUT = ConfigKey.duration("upgrade.openstack.reconcile.timeout",
      "2m", "How long after the upgrade the ledger waits for accepted requests to take effect "
          + "before it counts them as lost.");
  public static final ConfigKey CREATE_FAILURES = ConfigKey.integer("upgrade.openstack.create.failures", "3", 1,
      "Circuit breaker: after this many consecutive failed creates of one service, stop creating "
          + "resources of it for the rest of the run.");

  public static final ConfigKey ADMIN_CLOUD = ConfigKey.string("upgrade.openstack.admin.cloud", null,
      "A clouds.yaml cloud with the admin role, used only for admin-only health checks (Nova's service list); "
          + "'simulator' with the embedded simulator. Unset: those checks are skipped.");

  public static final List<ConfigKey> ALL = List.of(CLOUD, SCENARIO, CONNECT_TIMEOUT, READ_TIMEOUT,
      TOKEN_REFRESH, PROBE_IDENTITY, BACKENDS_IDENTITY, BACKENDS_COMPUTE, BACKENDS_OBJECT_STORE,
      VERSION_INTERVAL, SERVER_FLAVOR, SERVER_IMAGE, SERVER_NETWORK, SERVER_KEYPAIR, SERVER_PROBE_PORT, SERVER_TIMEOUT,
      RECONCILE_TIMEOUT, CREATE_FAILURES, ADMIN_CLOUD);

  private OpenStackKeys() {
  }
}
