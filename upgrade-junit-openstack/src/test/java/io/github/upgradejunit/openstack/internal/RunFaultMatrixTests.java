package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.openstack.ApplicationCredential;
import io.github.upgradejunit.openstack.Container;
import io.github.upgradejunit.openstack.Keystone;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.openstack.faults.EngineChild;
import io.github.upgradejunit.openstack.faults.FaultProxy;
import io.github.upgradejunit.openstack.faults.FaultProxy.Fault;
import io.github.upgradejunit.openstack.faults.Reliability;
import io.github.upgradejunit.openstack.faults.SecretScan;
import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of whole runs: a run of {@link FaultedCloud} in its own JVM (as {@code mvn
 * verify} starts it) against the simulator, with a {@link FaultProxy} in front of each API. The
 * upgrade command opens the window; 1 s into it every proxy turns faulty for 3.5 s. Per fault and
 * during check: its iterations failed while the fault lasted and kept coming, it recovered, the run
 * finished and was closed, the verdict shows the fault, no probe tick was lost, the resources were
 * verified and deleted, the project holds what it held before, and no secret reached any artifact.
 */
@Tag("faults")
class RunFaultMatrixTests {

  /** Recognisable, so the secret scan can find it anywhere. */
  static final String PASSWORD = "Pw-SECRETMARK-" + UUID.randomUUID().toString().replace("-", "");
  static final List<String> CHECKS = List.of("identityIssuesTokens", "computeListsServers", "objectStoreWritesAndReads");

  /** What a team would write; nested so that Surefire does not run it on its own. */
  @UpgradeTest(services = {"identity", "compute", "object-store"})
  static class FaultedCloud {
    @PersistentResource Server web;
    @PersistentResource Container archive;
    @PersistentResource ApplicationCredential robot;

    @BeforeUpgrade
    void resourcesAreReady() {
      assertThat(web.status()).isEqualTo("ACTIVE");
      assertThat(robot.authenticates()).isTrue();
    }

    @DuringUpgrade(every = "300ms")
    void identityIssuesTokens(Keystone keystone) {
      assertThat(keystone.issueToken()).isAfter(Instant.now());
    }

    @DuringUpgrade(every = "300ms")
    void computeListsServers(Nova nova) {
      assertThat(nova.servers()).extracting(Server::id).contains(web.id());
    }

    @DuringUpgrade(every = "300ms")
    void objectStoreWritesAndReads(Swift swift) {
      byte[] data = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
      swift.put("scratch", "o", data);
      assertThat(swift.get("scratch", "o")).isEqualTo(data);
    }

    @AfterUpgrade
    void resourcesSurvived() {
      assertThat(web.status()).isEqualTo("ACTIVE");
      assertThat(robot.authenticates()).isTrue();
    }
  }

  @TempDir
  static Path shared;

  static OpenStackSimulator simulator;
  static FaultProxy identity;
  static FaultProxy compute;
  static FaultProxy objectStore;
  static CatalogProxy catalog;
  static Path clouds;
  static Inventory inventory;

  @BeforeAll
  static void start() throws Exception {
    simulator = OpenStackSimulator.builder().member("demo", PASSWORD, "demo")
        .serverBuildTime(Duration.ofMillis(100)).serverDeleteTime(Duration.ofMillis(50)).start();
    identity = FaultProxy.inFrontOf(simulator.authUrl());
    compute = FaultProxy.inFrontOf(simulator.computeUrl());
    objectStore = FaultProxy.inFrontOf(simulator.objectStoreUrl());
    catalog = new CatalogProxy(simulator.authUrl(), Set.of(), Map.of("identity", identity.rewrite(simulator.authUrl()),
        "compute", compute.rewrite(simulator.computeUrl()), "object-store", objectStore.rewrite(
            simulator.objectStoreUrl())));
    clouds = shared.resolve("clouds.yaml");
    simulator.writeCloudsYaml(clouds);
    Files.writeString(clouds, Files.readString(clouds).replace(simulator.authUrl(), catalog.authUrl()));
    inventory = new Inventory(simulator);
  }

  @AfterAll
  static void stop() throws Exception {
    inventory.close();
    identity.close();
    compute.close();
    objectStore.close();
    catalog.close();
    simulator.close();
  }

  /** What one run left behind. */
  record Outcome(Path directory, int exit, String console, Map<Fault, long[]> faults, List<Rows.Iteration> iterations,
      Map<String, List<Rows.Sample>> samples, Rows.Run run, List<Rows.Resource> resources, JsonNode summary,
      List<String> before, List<String> after, List<String> secrets) {
    long faultOn(Fault f) {
      return faults.get(f)[0];
    }

    long faultOff(Fault f) {
      return faults.get(f)[1];
    }
  }

  /** Run {@code phase} of FaultedCloud in a new JVM; the upgrade command marks when the fault is on. */
  static Process child(Path directory, String phase, String command, String... extra) throws Exception {
    return child(directory, Map.of("OS_CLOUD", "local-simulator", "OS_CLIENT_CONFIG_FILE", clouds.toString()), phase,
        command, extra);
  }

  static Process child(Path directory, Map<String, String> environment, String phase, String command, String... extra)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> line = new ArrayList<>(List.of(java, "-Dallure.results.directory=" + directory.resolve("allure-results"),
        "-cp", System.getProperty("java.class.path"),
        EngineChild.class.getName(), "class=" + FaultedCloud.class.getName(), "upgrade.phase=" + phase,
        "upgrade.store=jdbc:sqlite:" + directory.resolve("store.db"), "upgrade.report.dir=" + directory.resolve("report"),
        "upgrade.control.port=0", "upgrade.probe.baseline=1s", "upgrade.probe.tail=1s", "upgrade.probe.deadline=1500ms",
        "upgrade.openstack.read.timeout=1s", "upgrade.openstack.connect.timeout=1s",
        "upgrade.openstack.version.interval=1h", "upgrade.command=" + command));
    line.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("console-" + phase + ".txt").toFile()))
        .directory(directory.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("OS_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** One run whose upgrade window plays each fault in turn: 4.5 s faulty (a hung call lasts up to 2 s), then 2 s healthy. */
  static Outcome play(List<Fault> faults, Path directory) throws Exception {
    Files.createDirectories(directory);
    List<String> before = inventory.list();
    StringBuilder command = new StringBuilder("sleep 1");
    for (int i = 0; i < faults.size(); i++) {
      command.append("; touch ").append(directory.resolve("on-" + i)).append("; sleep 4.5; touch ")
          .append(directory.resolve("off-" + i)).append("; sleep 2");
    }
    Process run = child(directory, "all", command.toString());
    Map<Fault, long[]> times = new LinkedHashMap<>();
    int next = 0;
    boolean on = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + 8L * faults.size());
    while (run.isAlive() && System.nanoTime() < deadline) {
      if (next < faults.size()) {
        Fault fault = faults.get(next);
        if (!on && Files.exists(directory.resolve("on-" + next))) {
          List.of(identity, compute, objectStore).forEach(p -> p.inject(fault));
          times.put(fault, new long[] {Micros.now(), 0});
          on = true;
        } else if (on && Files.exists(directory.resolve("off-" + next))) {
          List.of(identity, compute, objectStore).forEach(FaultProxy::heal);
          times.get(fault)[1] = Micros.now();
          on = false;
          next++;
        }
      }
      Thread.sleep(20);
    }
    List.of(identity, compute, objectStore).forEach(FaultProxy::heal);
    boolean ended = run.waitFor(1, TimeUnit.SECONDS);
    if (!ended) {
      run.destroyForcibly().waitFor();
    }
    return collect(directory, ended ? run.exitValue() : -1, times, before);
  }

  static Outcome collect(Path directory, int exit, Map<Fault, long[]> faults, List<String> before) throws Exception {
    String console = "";
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("console-")).sorted().toList()) {
        console += Files.readString(f);
      }
    }
    Map<String, List<Rows.Sample>> samples = new LinkedHashMap<>();
    Rows.Run run;
    List<Rows.Iteration> iterations;
    List<Rows.Resource> resources;
    try (Store store = Store.open("jdbc:sqlite:" + directory.resolve("store.db"))) {
      if (store.runs().isEmpty()) {
        throw new AssertionError("no run in the store; the JVM (exit " + exit + ") printed:\n" + console);
      }
      run = store.runs().get(0);
      iterations = store.iterations(run.id());
      resources = store.resources(run.id());
      store.samples(run.id(), s -> samples.computeIfAbsent(s.series(), k -> new ArrayList<>()).add(s));
    }
    Path summaryFile = directory.resolve("report").resolve("summary.json");
    JsonNode summary = Files.exists(summaryFile) ? Rest.JSON.readTree(summaryFile.toFile()) : null;
    List<String> secrets = SecretScan.scan(List.of(PASSWORD), directory);
    return new Outcome(directory, exit, console, faults, iterations, samples, run, resources, summary,
        before, inventory.list(), secrets);
  }

  private static Outcome matrixRun;

  /** The one run that plays every fault, started when JUnit reaches the first cell. */
  private static synchronized Outcome matrixRun(List<Fault> faults) {
    if (matrixRun == null) {
      try {
        matrixRun = play(faults, shared.resolve("matrix"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return matrixRun;
  }

  @TestFactory
  Stream<DynamicNode> everyFaultAgainstEveryDuringCheck() {
    String only = System.getProperty("faults.only", ""); // e.g. -Dfaults.only=DRIP_BODY while debugging
    List<Fault> faults = FaultProxy.faults().stream().filter(f -> only.isEmpty() || only.contains(f.name())).toList();
    Stream<DynamicNode> whole = Stream.of(0).map(x -> DynamicTest.dynamicTest("the whole run × every fault",
        () -> assertWholeRun(matrixRun(faults))));
    return Stream.concat(whole, faults.stream().map(fault -> DynamicContainer.dynamicContainer(fault.label(),
        Stream.of(fault).flatMap(f -> {
          List<DynamicNode> cells = new ArrayList<>();
          cells.add(DynamicTest.dynamicTest(f.label() + " × the verdict", () -> assertVerdict(f, matrixRun(faults))));
          for (String check : CHECKS) {
            cells.add(DynamicTest.dynamicTest(f.label() + " × " + check,
                () -> assertCheck(f, check, matrixRun(faults))));
          }
          return cells.stream();
        }))));
  }

  /** The run as a whole: finished, closed, nothing lost, leaked or leaked out. */
  static void assertWholeRun(Outcome o) {
    long lost = o.samples().values().stream().mapToLong(RunFaultMatrixTests::lost).sum();
    List<String> leaked = difference(o.after(), o.before());
    leaked.addAll(difference(o.before(), o.after()));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("exit", o.exit());
    row.put("runClosed", o.run().closedAt() != null);
    row.put("faultsPlayed", o.faults().size());
    row.put("verdict", o.summary() == null ? null : o.summary().path("verdict").path("level").asText());
    row.put("samples", o.samples().values().stream().mapToInt(List::size).sum());
    row.put("samplesLost", lost);
    row.put("resourcesLeaked", leaked.size() + o.resources().stream().filter(r -> !r.state().equals("deleted")).count());
    row.put("secretsFound", o.secrets().size());
    row.put("filesScanned", SecretScan.files(o.directory()));
    Reliability.cell("runs", "every fault in turn", "the run", row);

    String what = row + " " + o.console().lines().filter(l -> l.startsWith("FAILED") || l.startsWith("RESULT"))
        .toList();
    assertThat(o.exit()).as(what).isZero();
    assertThat(o.console()).as(what).contains("RESULT succeeded=");
    assertThat(o.run().closedAt()).as(what + ": run closed").isNotNull();
    assertThat(o.summary()).as("summary.json").isNotNull();
    assertThat(o.faults()).as("every fault was played").hasSize(FaultProxy.faults().size());
    assertThat(lost).as(what + ": probe ticks without a sample").isZero();
    assertThat(o.resources()).as(what).hasSize(3).allSatisfy(r -> assertThat(r.state()).isEqualTo("deleted"));
    assertThat(o.summary().path("resources").path("leaked").asInt()).isZero();
    assertThat(difference(o.after(), o.before())).as("left in the project").isEmpty();
    assertThat(difference(o.before(), o.after())).as("lost from the project").isEmpty();
    assertThat(o.secrets()).as("secrets in the artifacts").isEmpty();
    for (String service : List.of("identity", "compute", "object-store")) {
      JsonNode verdict = o.summary().path("services").path(service).path("verdict");
      assertThat(verdict.path("zeroDowntime").asBoolean()).as(service + " " + verdict).isFalse();
    }
  }

  /** The error class the probes of every service show for a fault; null: none (they stay up). */
  static String outageClass(Fault fault, String service) {
    return switch (fault) {
      case BLACKHOLE, STALL_BODY, DRIP_BODY -> "TIMEOUT";
      case RESET, REFUSE -> "CONNECT";
      case STORM_5XX -> "HTTP_5XX";
      case HTML -> "BAD_BODY";
      case TRUNCATED_JSON -> service.equals("object-store") ? null : "BAD_BODY";
      case LATENCY, NONE -> null;
    };
  }

  /** summary.json shows each fault as an outage of each service, with its error class, inside the fault. */
  static void assertVerdict(Fault fault, Outcome o) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String service : List.of("identity", "compute", "object-store")) {
      List<String> classes = new ArrayList<>();
      for (JsonNode outage : o.summary().path("services").path(service).path("outages")) {
        long start = Instant.parse(outage.path("start").asText()).toEpochMilli() * 1000;
        long end = Instant.parse(outage.path("end").asText()).toEpochMilli() * 1000;
        if (end > o.faultOn(fault) && start < o.faultOff(fault)) {
          classes.add(outage.path("errorClass").asText());
        }
      }
      seen.put(service, String.join(",", classes));
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("outagesInFault", seen);
    Reliability.cell("verdicts", fault.label(), "summary.json outages", row);
    for (String service : seen.keySet()) {
      String expected = outageClass(fault, service);
      if (expected == null) {
        assertThat(seen.get(service)).as(fault.label() + " × " + service + ": " + seen).isEmpty();
      } else {
        assertThat(seen.get(service)).as(fault.label() + " × " + service + ": " + seen).contains(expected);
      }
    }
  }

  /** One during check: failed while the fault lasted, kept running at its period, recovered. */
  static void assertCheck(Fault fault, String check, Outcome o) {
    List<Rows.Iteration> all = o.iterations().stream().filter(i -> i.checkId().contains(check)).toList();
    // the iterations that overlap this fault or the healthy gap after it
    List<Rows.Iteration> mine = all.stream().filter(i -> i.finishedAt() > o.faultOn(fault)
        && i.startedAt() < o.faultOff(fault) + 2_000_000).toList();
    List<Rows.Iteration> inFault = mine.stream().filter(i -> i.startedAt() >= o.faultOn(fault) + 100_000
        && i.finishedAt() <= o.faultOff(fault)).toList();
    // the healthy 2 s after the fault (the next fault starts then)
    List<Rows.Iteration> after = mine.stream().filter(i -> i.startedAt() >= o.faultOff(fault) + 500_000
        && i.finishedAt() <= o.faultOff(fault) + 2_000_000 && i.inWindow()).toList();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("iterations", mine.size());
    row.put("faultMs", (o.faultOff(fault) - o.faultOn(fault)) / 1000);
    row.put("inFault", inFault.size());
    row.put("failedInFault", inFault.stream().filter(i -> !i.ok()).count());
    row.put("longestMs", mine.stream().mapToLong(i -> (i.finishedAt() - i.startedAt()) / 1000).max().orElse(0));
    row.put("recovered", !after.isEmpty() && after.stream().allMatch(Rows.Iteration::ok));
    row.put("error", inFault.stream().map(Rows.Iteration::error).filter(e -> e != null).findFirst()
        .map(e -> e.length() > 160 ? e.substring(0, 160) + "..." : e).orElse(null));
    Reliability.cell("during-checks", fault.label(), check, row);

    String what = fault.label() + " × " + check + ": " + row;
    if (openstack4jDrip(fault, check)) {
      // the known limit: openstack4j's OkHttp connector bounds each read, not the call, and offers no
      // call timeout; an answer dripping a byte every 100 ms holds the iteration until it stops
      // (here: until the proxy heals), then the loop goes on. Probes and Rest calls are bounded.
      row.put("note", "openstack4j bounds each read only: the iteration lasts as long as the drip");
      Reliability.cell("during-checks", fault.label(), check, row);
      long faultMillis = (o.faultOff(fault) - o.faultOn(fault)) / 1000;
      assertThat(mine).as(what).allSatisfy(i -> assertThat((i.finishedAt() - i.startedAt()) / 1000)
          .isLessThan(faultMillis + 1_500));
      assertThat(after).as(what + ": after healing").isNotEmpty().allMatch(Rows.Iteration::ok);
      return;
    }
    // the loop kept going: a hung call ends at the read timeout (1 s), then the next iteration starts
    assertThat(inFault).as(what).isNotEmpty();
    // Rest bounds a whole call by connect + read timeout (1 s + 1 s here), openstack4j each read by 1 s
    assertThat(mine).as(what).allSatisfy(i -> assertThat(i.finishedAt() - i.startedAt()).isLessThan(2_500_000));
    if (fault == Fault.LATENCY) {
      assertThat(inFault).as(what).allMatch(Rows.Iteration::ok);
    } else {
      assertThat(inFault).as(what).allSatisfy(i -> {
        assertThat(i.ok()).isFalse();
        assertThat(i.error()).isNotBlank();
      });
    }
    assertThat(after).as(what + ": after healing").isNotEmpty().allMatch(Rows.Iteration::ok);
  }

  /**
   * kill -9 of the during JVM in the middle of the upgrade window: the after phase, in a new JVM,
   * finds the run, verifies the resources, settles the ledger, deletes what the run created, and
   * reports the stretch nobody watched as a monitoring gap, with no sample invented for it.
   */
  @Test
  void theDuringJvmKilledWithKill9IsFinishedHonestlyByTheAfterPhaseInANewJvm() throws Exception {
    Path directory = Files.createDirectories(shared.resolve("kill-9"));
    String url = "jdbc:sqlite:" + directory.resolve("store.db");
    List<String> before = inventory.list();
    Process first = child(directory, "before", "true");
    assertThat(first.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();

    Process during = child(directory, "during", System.getProperty("kill9.command", "sleep 120"));
    String runId = null;
    long committed = 0;
    String seen = "";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && committed == 0) {
      Thread.sleep(250);
      try (Store store = Store.open(url)) {
        Rows.Run run = store.latestOpenRun().orElseThrow();
        boolean started = store.events(run.id()).stream().anyMatch(e -> e.type().equals("upgrade-started"));
        long iterations = store.iterations(run.id()).stream().filter(Rows.Iteration::inWindow).count();
        long ledger = store.ledger(run.id()).size();
        seen = "started " + started + ", iterations " + iterations + ", ledger " + ledger + ", samples "
            + store.sampleCount(run.id());
        if (started && iterations >= 9 && ledger >= 2 && store.sampleCount(run.id()) >= 100) {
          runId = run.id();
          committed = store.sampleCount(run.id());
        }
      }
    }
    if (committed == 0) {
      during.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(committed).as("the during JVM was measuring: " + seen + "; it printed "
        + (during.isAlive() ? "" : Files.readString(directory.resolve("console-during.txt")))).isPositive();
    long killedAt = Micros.now();
    during.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no last flush, no upgrade-finished
    Compute.sleep(Duration.ofMillis(1_500)); // a stretch nobody watches

    Process after = child(directory, "after", "true");
    assertThat(after.waitFor(90, TimeUnit.SECONDS)).isTrue();
    Outcome o = collect(directory, after.exitValue(), Map.of(), before);

    long invented;
    long kept;
    List<Rows.LedgerEntry> ledger;
    try (Store store = Store.open(url)) {
      List<Long> starts = new ArrayList<>();
      store.samples(runId, s -> starts.add(s.startedAt()));
      invented = starts.stream().filter(t -> t > killedAt).count();
      kept = starts.size();
      ledger = store.ledger(runId);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("committedBeforeKill", committed);
    row.put("samplesAfter", kept);
    row.put("samplesLost", Math.max(0, committed - kept));
    row.put("samplesInvented", invented);
    Map<String, Object> gaps = new LinkedHashMap<>();
    o.summary().path("services").fields().forEachRemaining(e -> gaps.put(e.getKey(),
        e.getValue().path("monitoringGaps").size()));
    row.put("monitoringGaps", gaps);
    row.put("verdict", o.summary().path("verdict").path("level").asText());
    row.put("ledgerPending", ledger.stream().filter(e -> "PENDING".equals(e.fate())).count());
    row.put("resourcesLeaked", difference(o.after(), before).size() + difference(before, o.after()).size()
        + o.resources().stream().filter(r -> !r.state().equals("deleted")).count());
    row.put("secretsFound", o.secrets().size());
    Reliability.cell("runs", "kill -9 mid-during", "the run (after phase in a new JVM)", row);

    String what = row + " " + o.console().lines().filter(l -> l.startsWith("FAILED") || l.startsWith("RESULT")).toList();
    assertThat(o.exit()).as(what).isZero();
    assertThat(o.run().id()).isEqualTo(runId);
    assertThat(o.run().closedAt()).as("the after phase closed the run").isNotNull();
    assertThat(kept).as("every committed sample is still there").isGreaterThanOrEqualTo(committed);
    assertThat(invented).as("no sample after the kill").isZero();
    assertThat(o.summary().path("upgradeFailed").asBoolean()).as("the upgrade never finished: " + what).isTrue();
    for (String service : List.of("identity", "compute", "object-store")) {
      JsonNode s = o.summary().path("services").path(service);
      assertThat(s.path("monitoringGaps").size()).as(service + " shows the gap: " + s).isPositive();
      assertThat(s.path("verdict").path("zeroDowntime").asBoolean()).as(service + " uptime was not proven").isFalse();
    }
    assertThat(ledger).as("the ledger").isNotEmpty().noneMatch(e -> "PENDING".equals(e.fate()));
    assertThat(o.resources()).hasSize(3).allSatisfy(r -> assertThat(r.state()).isEqualTo("deleted"));
    assertThat(difference(o.after(), before)).as("left in the project").isEmpty();
    assertThat(difference(before, o.after())).as("lost from the project").isEmpty();
    assertThat(o.secrets()).as("secrets").isEmpty();
  }

  /**
   * A whole healthy run, then every artifact searched: the console of the JVM, the store (with its
   * WAL), summary.json, index.html, Allure results. Neither the password nor any token may be there.
   */
  @Test
  void aWholeRunLeavesNoPasswordAndNoTokenInAnyArtifact() throws Exception {
    Outcome o = play(List.of(), shared.resolve("secrets"));
    long files = SecretScan.files(o.directory());
    Map<String, String> verdicts = new LinkedHashMap<>();
    o.summary().path("services").fields().forEachRemaining(e -> verdicts.put(e.getKey(),
        e.getValue().path("verdict").path("level").asText() + " " + e.getValue().path("verdict").path("evidence")));
    Reliability.cell("secrets", "none (healthy run)", "every artifact", Map.of("filesScanned", files,
        "secretsFound", o.secrets().size(), "consoleLines", o.console().lines().count(), "verdicts", verdicts));
    assertThat(o.console()).contains("RESULT succeeded=").doesNotContain("failed=0 ").contains("failed=0");
    assertThat(o.directory().resolve("report").resolve("index.html")).exists();
    assertThat(o.directory().resolve("store.db")).exists();
    assertThat(o.directory().resolve("report").resolve("summary.json")).exists();
    assertThat(files).isGreaterThanOrEqualTo(4);
    // the scan can find what it looks for: the clouds.yaml it was given holds the password
    assertThat(SecretScan.scan(List.of(PASSWORD), clouds.getParent())).isNotEmpty();
    assertThat(o.secrets()).isEmpty();
  }

  /** A cloud from {@code OS_*} variables with a wrong password: the error names the user, never the secret. */
  @Test
  void osVariablesWithAWrongPasswordGiveAClearErrorThatEchoesNoSecret() throws Exception {
    Path directory = Files.createDirectories(shared.resolve("os-env"));
    String wrong = "Wr0ng-SECRETMARK-" + UUID.randomUUID();
    Map<String, String> environment = Map.of("OS_AUTH_URL", simulator.authUrl(), "OS_USERNAME", "demo",
        "OS_PASSWORD", wrong, "OS_PROJECT_NAME", "demo", "OS_USER_DOMAIN_NAME", "Default",
        "OS_PROJECT_DOMAIN_NAME", "Default", "OS_REGION_NAME", simulator.region(), "OS_INTERFACE", "public");
    Process run = child(directory, environment, "all", "sleep 1");
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String console = Files.readString(directory.resolve("console-all.txt"));
    List<String> found = SecretScan.scan(List.of(wrong, PASSWORD), directory);
    Reliability.cell("secrets", "wrong OS_PASSWORD", "console, store, report", Map.of("filesScanned",
        SecretScan.files(directory), "secretsFound", found.size()));
    assertThat(console).as(console).contains("refused the credentials (401)").contains("'demo'");
    assertThat(found).as(console).isEmpty();
  }

  /** Nova's list goes through openstack4j, whose reads are bounded one by one. */
  static boolean openstack4jDrip(Fault fault, String check) {
    return fault == Fault.DRIP_BODY && check.equals("computeListsServers");
  }

  static long lost(List<Rows.Sample> samples) {
    if (samples.size() < 2) {
      return 0;
    }
    List<Rows.Sample> sorted = samples.stream().sorted(java.util.Comparator.comparingLong(Rows.Sample::intendedAt))
        .toList();
    long first = sorted.get(0).intendedAt();
    TreeSet<Long> ticks = new TreeSet<>();
    sorted.forEach(s -> ticks.add(Math.round((s.intendedAt() - first) / 100_000d)));
    return ticks.last() + 1 - ticks.size();
  }

  static List<String> difference(List<String> a, List<String> b) {
    List<String> d = new ArrayList<>(a);
    d.removeAll(b);
    return d;
  }
}
