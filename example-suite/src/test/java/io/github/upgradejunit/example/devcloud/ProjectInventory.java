package io.github.upgradejunit.example.devcloud;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What exists in the demo project, listed with the OpenStack command-line client (not with our
 * code): servers, containers and application credentials, by name. A run must leave it as it found it.
 */
final class ProjectInventory {

  private ProjectInventory() {
  }

  static Set<String> of(Devcloud cloud, Path scratch) throws IOException, InterruptedException {
    Set<String> names = new TreeSet<>();
    names.addAll(prefixed("server", cloud.openstack(scratch, "--os-compute-api-version", "2.37", "server", "list",
        "-f", "value", "-c", "Name")));
    names.addAll(prefixed("container", cloud.openstack(scratch, "container", "list", "-f", "value")));
    names.addAll(prefixed("application credential", cloud.openstack(scratch, "application", "credential", "list",
        "-f", "value", "-c", "Name")));
    return names;
  }

  private static List<String> prefixed(String kind, List<String> names) {
    return names.stream().map(n -> kind + " " + n).toList();
  }
}
