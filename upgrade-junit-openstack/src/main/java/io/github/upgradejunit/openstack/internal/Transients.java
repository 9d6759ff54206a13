package io.github.upgradejunit.openstack.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the handles of this JVM created and not yet deleted (servers by id, containers by name), so
 * that nothing a test forgot outlives the run. Thread-safe.
 */
final class Transients {

  private final Set<String> servers = ConcurrentHashMap.newKeySet();
  private final Set<String> containers = ConcurrentHashMap.newKeySet();

  void server(String id) {
    servers.add(id);
  }

  void forgetServer(String id) {
    servers.remove(id);
  }

  void container(String name) {
    containers.add(name);
  }

  Set<String> servers() {
    return Set.copyOf(servers);
  }

  Set<String> containers() {
    return Set.copyOf(containers);
  }
}
