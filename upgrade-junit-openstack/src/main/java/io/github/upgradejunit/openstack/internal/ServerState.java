package io.github.upgradejunit.openstack.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openstack4j.model.compute.Address;
import org.openstack4j.model.compute.Server;

/**
 * What Nova says about one server at one moment, copied out of openstack4j's model on the thread
 * that read it (openstack4j models may call the API lazily, with whatever session the reading
 * thread has, so they never leave that thread). Immutable.
 */
record ServerState(String id, String name, String status, String flavorId, String imageId,
    Map<String, String> addresses, Map<String, String> metadata, String keyName, String fault) {

  ServerState {
    addresses = Map.copyOf(addresses);
    metadata = Map.copyOf(metadata);
  }

  /** Read at microversion 2.1, where flavor and image are ids (no lazy lookups needed). */
  static ServerState of(Server server) {
    Map<String, String> addresses = new TreeMap<>();
    if (server.getAddresses() != null && server.getAddresses().getAddresses() != null) {
      server.getAddresses().getAddresses().forEach((network, list) -> addresses.put(network,
          list.stream().map(Address::getAddr).sorted().collect(Collectors.joining(","))));
    }
    Server.Status status = server.getStatus();
    return new ServerState(server.getId(), server.getName(),
        status == null ? "UNKNOWN" : status.name(), server.getFlavorId(), server.getImageId(), addresses,
        server.getMetadata() == null ? Map.of() : server.getMetadata(), server.getKeyName(),
        server.getFault() == null ? null : server.getFault().getMessage());
  }

  /** What must not change across the upgrade. */
  Map<String, String> fingerprint() {
    Map<String, String> print = new TreeMap<>();
    print.put("status", status);
    print.put("flavor", String.valueOf(flavorId));
    print.put("image", String.valueOf(imageId));
    print.put("key_name", String.valueOf(keyName));
    print.put("addresses", join(addresses));
    print.put("metadata", join(metadata));
    return print;
  }

  private static String join(Map<String, String> map) {
    return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  boolean isError() {
    return "ERROR".equals(status);
  }

  static List<String> names(List<ServerState> servers) {
    return servers.stream().map(ServerState::name).toList();
  }
}
