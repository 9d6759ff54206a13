package io.github.upgradejunit.example.devcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Truth on a real OpenStack: the example suite against the devcloud (Keystone, Swift and Nova from
 * Debian's packages on loopback) through real restarts, run by {@code scripts/devcloud} as the
 * upgrade command. The rolling restart must come out zero-downtime; the hard restart must show an
 * outage that an independent curl prober, sharing no code with us, agrees with.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevcloudIT {

  /** The witness's period asked for: finer than our probes (its real spacing is measured). */
  static final int PROBER_INTERVAL_MS = 50;

  /** Kept after the run (CI keeps target/): console, store, report and the witness's files. */
  private Path directory;
  private Devcloud cloud;
  private Set<String> before;

  @BeforeEach
  void takeInventory(TestInfo test) throws Exception {
    cloud = Devcloud.require();
    directory = Path.of("target", "devcloud-it", test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
    deleteRecursively(directory);
    Files.createDirectories(directory);
    before = ProjectInventory.of(cloud, directory);
  }

  @Test
  @Order(1)
  @DisplayName("a rolling restart of Keystone and Swift is a zero-downtime upgrade, and nothing is lost or left behind")
  void rollingRestart() throws Exception {
    SuiteRun run = SuiteRun.in(directory, cloud)
        .with("upgrade.command", cloud.script("restart rolling keystone") + " && " + cloud.script("restart rolling swift"))
        .with("upgrade.expect", "zero-downtime")
        .run();

    assertThat(run.exitCode).as("every test passed and the run was zero-downtime; see %s",
        run.directory.resolve("console.txt")).isZero();
    assertThat(run.summary.path("verdict").path("met").asBoolean()).as("%s", run.summary.path("verdict")).isTrue();
    // the catalog also has image, placement and network: health-checked, not measured, so no verdict
    assertThat(run.summary.path("services").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("compute", "identity", "object-store");
    assertThat(stepNames(run)).contains("rolling restart keystone-1", "rolling restart keystone-2");
    for (String service : List.of("identity", "object-store")) {
      assertThat(run.service(service).path("verdict").path("zeroDowntime").asBoolean())
          .as("%s: %s", service, run.service(service).path("verdict").path("evidence")).isTrue();
      assertThat(run.service(service).path("outages")).isEmpty();
    }
    assertSurvivedReconciledAndCleanedUp(run);
    assertThat(run.summary.path("requests").path("lost").asInt()).as("requests lost in a rolling restart").isZero();
    // every version was read, from documents a real cloud serves (Nova's without a token only at /)
    assertThat(run.service("identity").path("versions").path("after").asText()).startsWith("3.14");
    assertThat(run.service("compute").path("versions").path("after").asText()).startsWith("2.93 (Zed");
    assertThat(run.service("object-store").path("versions").path("after").asText()).startsWith("2.30.1 (Zed");
  }

  @Test
  @Order(2)
  @DisplayName("a hard restart of Keystone and of Swift is an outage the independent prober agrees with")
  void hardRestart() throws Exception {
    SuiteRun run;
    List<IndependentProber.Window> keystone;
    List<IndependentProber.Window> swift;
    double keystoneSpacing;
    double swiftSpacing;
    try (IndependentProber keystoneWitness = IndependentProber.start(cloud.prober(), Devcloud.KEYSTONE_VALIDATE,
            PROBER_INTERVAL_MS, SuiteRun.DEADLINE_SECONDS, directory.resolve("keystone-prober.txt"),
            "-H", "@" + tokenHeaders());
        IndependentProber swiftWitness = IndependentProber.start(cloud.prober(), Devcloud.SWIFT_HEALTHCHECK,
            PROBER_INTERVAL_MS, SuiteRun.DEADLINE_SECONDS, directory.resolve("swift-prober.txt"))) {
      run = SuiteRun.in(directory, cloud)
          .with("upgrade.command", cloud.script("restart hard keystone") + " && sleep 5 && "
              + cloud.script("restart hard swift"))
          .run();
      keystone = keystoneWitness.windows();
      swift = swiftWitness.windows();
      keystoneSpacing = keystoneWitness.spacingMs();
      swiftSpacing = swiftWitness.spacingMs();
    }

    assertAgrees("identity", run.service("identity"), keystone, keystoneSpacing);
    assertAgrees("object-store", run.service("object-store"), swift, swiftSpacing);
    assertSurvivedReconciledAndCleanedUp(run);
  }

  /**
   * Headers with which the witness asks Keystone what our identity probe asks it (validate mode): to
   * check a token, here the token itself, issued by the OpenStack client. A Fernet token outlives
   * the restart. The file keeps the token out of the process list.
   */
  private Path tokenHeaders() throws Exception {
    String token = cloud.openstack(directory, "token", "issue", "-f", "value", "-c", "id").get(0);
    Path headers = directory.resolve("keystone-prober-headers.txt");
    Files.writeString(headers, "X-Auth-Token: " + token + "\nX-Subject-Token: " + token + "\n");
    return headers;
  }

  /**
   * Both measurements bracket the same true downtime: ours between its stated lower and upper
   * bounds, the witness's between the span of its failed requests and the span from its last good
   * request before to its first good one after (summed over its windows, as ours are over outages). Both cannot be right unless the two brackets
   * overlap; they are compared widened by the witness's resolution (two of its real intervals).
   */
  private static void assertAgrees(String service, JsonNode measured, List<IndependentProber.Window> witness,
      double witnessSpacingMs) {
    assertThat(witness).as("the witness saw %s fail", service).isNotEmpty();
    double witnessLower = witness.stream().mapToDouble(IndependentProber.Window::lowerMs).sum();
    double witnessUpper = witness.stream().mapToDouble(IndependentProber.Window::upperMs).sum();
    JsonNode downtime = measured.path("downtime");
    double lower = downtime.path("lowerMs").asDouble();
    double upper = downtime.path("upperMs").asDouble();
    double tolerance = 2 * witnessSpacingMs;
    System.out.printf("%s: measured %.0f ms [%.0f, %.0f] in %d outage(s); witness [%.0f, %.0f] at %.0f ms spacing "
        + "in %s%n", service, downtime.path("totalMs").asDouble(), lower, upper, measured.path("outages").size(),
        witnessLower, witnessUpper, witnessSpacingMs, witness);
    assertThat(measured.path("outages")).as("%s outages", service).isNotEmpty();
    assertThat(witnessUpper).as("%s: the witness's upper bound reaches our lower bound %.0f ms", service, lower)
        .isGreaterThanOrEqualTo(lower - tolerance);
    assertThat(witnessLower).as("%s: the witness's lower bound stays below our upper bound %.0f ms", service, upper)
        .isLessThanOrEqualTo(upper + tolerance);
    assertThat(measured.path("verdict").path("zeroDowntime").asBoolean()).isFalse();
  }

  /**
   * Resources survived, every accepted request was settled (honored, or found lost: a hard restart
   * may really lose one, a rolling one must not), and the project is as it was.
   */
  private void assertSurvivedReconciledAndCleanedUp(SuiteRun run) throws Exception {
    JsonNode resources = run.summary.path("resources");
    assertThat(resources.path("created").asInt()).isEqualTo(3);
    assertThat(resources.path("intact").asInt()).as("%s", resources.path("items")).isEqualTo(3);
    assertThat(resources.path("leaked").asInt()).isZero();
    JsonNode requests = run.summary.path("requests");
    assertThat(requests.path("accepted").asInt()).as("server creates and object puts during the restart")
        .isPositive();
    assertThat(requests.path("honored").asInt() + requests.path("lost").asInt()).as("settled: %s", requests)
        .isEqualTo(requests.path("accepted").asInt());
    assertThat(ProjectInventory.of(cloud, directory)).as("what the project holds after the run").isEqualTo(before);
    assertThat(Files.exists(run.directory.resolve("report/index.html"))).isTrue();
  }

  private static void deleteRecursively(Path path) throws java.io.IOException {
    if (Files.exists(path)) {
      try (var paths = Files.walk(path)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<String> stepNames(SuiteRun run) {
    List<String> names = new ArrayList<>();
    run.summary.path("steps").forEach(step -> names.add(step.path("name").asText()));
    return names;
  }
}
