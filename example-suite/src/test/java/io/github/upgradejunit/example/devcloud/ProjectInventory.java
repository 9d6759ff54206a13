package io.github.upgradejunit.example.devcloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What exists in the demo project, listed with the OpenStack command-line client (not with our
 * code): servers, containers and application credentials, by name. A run must leave it as it found it.
 */
final class ProjectInventory {

  private ProjectInventory() {
  }

  static Set<String> of(Devcloud cloud, Path scratch) throws IOException, InterruptedException {
    Set<String> names = new TreeSet<>();
    names.addAll(prefixed("server", list(cloud, scratch, "--os-compute-api-version", "2.37", "server", "list",
        "-f", "value", "-c", "Name")));
    names.addAll(prefixed("container", list(cloud, scratch, "container", "list", "-f", "value")));
    names.addAll(prefixed("application credential", list(cloud, scratch, "application", "credential", "list",
        "-f", "value", "-c", "Name")));
    return names;
  }

  private static List<String> prefixed(String kind, List<String> names) {
    return names.stream().map(n -> kind + " " + n).toList();
  }

  private static List<String> list(Devcloud cloud, Path scratch, String... arguments)
      throws IOException, InterruptedException {
    String[] command = new String[arguments.length + 3];
    command[0] = "/usr/bin/openstack";
    command[1] = "--os-cloud";
    command[2] = Devcloud.MEMBER;
    System.arraycopy(arguments, 0, command, 3, arguments.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OS_CLIENT_CONFIG_FILE", cloud.cloudsYaml.toString());
    builder.environment().put("XDG_CACHE_HOME", Files.createDirectories(scratch.resolve("cache")).toString());
    builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("openstack " + String.join(" ", arguments) + " failed: " + output);
    }
    return Arrays.stream(output.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
