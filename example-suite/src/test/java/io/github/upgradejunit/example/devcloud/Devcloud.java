package io.github.upgradejunit.example.devcloud;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The loopback OpenStack that {@code scripts/devcloud up} brings up: where its {@code clouds.yaml}
 * is, whether it answers, and the project's scripts. Tests that need it run when it is up, and are
 * required (fail instead of skipping) when {@code CI=true}.
 */
final class Devcloud {

  static final String MEMBER = "devcloud-demo";
  static final String ADMIN = "devcloud-admin";
  static final String KEYSTONE = "http://127.0.0.1:5000/v3";
  /** What our identity probe asks in validate mode: Keystone checks a token (its own, here). */
  static final String KEYSTONE_VALIDATE = KEYSTONE + "/auth/tokens?nocatalog";
  static final String SWIFT_HEALTHCHECK = "http://127.0.0.1:8080/healthcheck";

  final Path projectRoot;
  final Path cloudsYaml;

  private Devcloud(Path projectRoot, Path cloudsYaml) {
    this.projectRoot = projectRoot;
    this.cloudsYaml = cloudsYaml;
  }

  /** The running devcloud, or the test is skipped (outside CI) or failed (CI=true) saying why not. */
  static Devcloud require() {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path yaml = Optional.ofNullable(System.getenv("UPGRADE_DEVCLOUD_CLOUDS_YAML")).map(Path::of)
        .orElse(Path.of(Optional.ofNullable(System.getenv("DEVCLOUD_STATE")).orElse("/var/tmp/upgrade-junit-devcloud"),
            "clouds.yaml"));
    String missing = !Files.isRegularFile(yaml) ? "no devcloud: " + yaml + " does not exist"
        : !answers(KEYSTONE) ? "no devcloud: Keystone at " + KEYSTONE + " does not answer" : null;
    if (missing != null) {
      String hint = missing + "; start one with scripts/devcloud up";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true requires the devcloud: " + hint);
      }
      Assumptions.abort(hint);
    }
    return new Devcloud(root, yaml);
  }

  /** A command line of the project's {@code scripts/devcloud}. */
  String script(String arguments) {
    return projectRoot.resolve("scripts/devcloud") + " " + arguments;
  }

  Path prober() {
    return projectRoot.resolve("scripts/independent-prober");
  }

  /**
   * Run the OpenStack command-line client (not our code) as the demo member; its output lines.
   * {@code scratch} holds its cache.
   */
  List<String> openstack(Path scratch, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/openstack", "--os-cloud", MEMBER));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OS_CLIENT_CONFIG_FILE", cloudsYaml.toString());
    builder.environment().put("XDG_CACHE_HOME", Files.createDirectories(scratch.resolve("cache")).toString());
    builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("openstack " + String.join(" ", arguments) + " failed: " + output);
    }
    return Arrays.stream(output.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static boolean answers(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(5_000);
      int status = connection.getResponseCode();
      connection.disconnect();
      return status < 500;
    } catch (IOException e) {
      return false;
    }
  }
}
