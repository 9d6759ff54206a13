package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.monitor.ProbeScheduler;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Sample;
import io.github.upgradejunit.openstack.faults.FaultProxy;
import io.github.upgradejunit.openstack.faults.FaultProxy.Fault;
import io.github.upgradejunit.openstack.faults.Reliability;
import io.github.upgradejunit.openstack.simulator.OpenStackSimulator;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix of the uptime probes: every fault of {@link FaultProxy} against every probe
 * series (identity, compute, object-store; fresh and keepalive), all six watched at once by the
 * real {@link ProbeScheduler} at 10/s while a proxy in front of each API misbehaves for 2 s.
 * Each cell asserts the error class of the samples, that samples kept arriving at the rate (the
 * scheduler did not stall, no tick was lost), that no call outlived its deadline, that the series
 * recovered, and that the project holds exactly what it held before.
 */
@org.junit.jupiter.api.Tag("faults")
class ProbeFaultMatrixTests {

  private static final Duration DEADLINE = Duration.ofMillis(800);
  private static final long PERIOD_MICROS = 100_000;
  private static final long FAULT_MILLIS = 2_000;
  private static final List<String> SERIES = List.of("identity/fresh", "identity/keepalive", "compute/fresh",
      "compute/keepalive", "object-store/fresh", "object-store/keepalive");

  private static OpenStackSimulator simulator;
  private static FaultProxy identity;
  private static FaultProxy compute;
  private static FaultProxy objectStore;
  private static CatalogProxy catalog;
  private static SimCloud cloud;
  private static Inventory inventory;

  @BeforeAll
  static void start() throws Exception {
    simulator = OpenStackSimulator.builder().start();
    identity = FaultProxy.inFrontOf(simulator.authUrl());
    compute = FaultProxy.inFrontOf(simulator.computeUrl());
    objectStore = FaultProxy.inFrontOf(simulator.objectStoreUrl());
    catalog = new CatalogProxy(simulator.authUrl(), Set.of(), Map.of("identity", identity.rewrite(simulator.authUrl()),
        "compute", compute.rewrite(simulator.computeUrl()), "object-store", objectStore.rewrite(
            simulator.objectStoreUrl())));
    cloud = SimCloud.behind(simulator, catalog.authUrl(), new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    inventory = new Inventory(simulator);
    // something to lose: a server, a container with an object, a credential
    SimCloud direct = SimCloud.behind(simulator, simulator.authUrl(), new Timeouts(Duration.ofSeconds(2),
        Duration.ofSeconds(5)));
    direct.storage().createContainer("matrix-kept", Map.of());
    direct.storage().put("matrix-kept", "o1", new byte[] {1, 2, 3}, "application/octet-stream", Map.of());
    direct.compute().create("matrix-kept-server", Map.of(), id -> { });
    direct.identity().createAppCredential("matrix-kept-credential", "kept");
    direct.session.close();
  }

  @AfterAll
  static void stop() {
    inventory.close();
    for (AutoCloseable c : new AutoCloseable[] {identity, compute, objectStore, catalog}) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing
      }
    }
    cloud.close();
  }

  /** What one fault did to all six series. */
  private record Outcome(Map<String, List<Sample>> samples, Map<String, List<Long>> callMillis, long faultOn,
      long faultOff, List<String> before, List<String> after) {
  }

  @TestFactory
  Stream<DynamicNode> everyFaultAgainstEveryProbeSeries() {
    return FaultProxy.faults().stream().map(fault -> DynamicContainer.dynamicContainer(fault.label(),
        Stream.of(fault).flatMap(f -> {
          Outcome outcome = play(f); // runs when JUnit reaches this container
          return SERIES.stream().map(series -> DynamicTest.dynamicTest(f.label() + " × " + series,
              () -> assertCell(f, series, outcome)));
        })));
  }

  /** The probes, each call's duration (ms) recorded in {@code calls} under its series. */
  private static List<Probe> timed(List<Probe> probes, Map<String, List<Long>> calls) {
    List<Probe> timed = new ArrayList<>();
    for (Probe probe : probes) {
      calls.put(probe.series(), new CopyOnWriteArrayList<>());
      timed.add(Probe.of(probe.service(), probe.series(), deadline -> {
        long start = System.nanoTime();
        try {
          return probe.call(deadline);
        } finally {
          calls.get(probe.series()).add((System.nanoTime() - start) / 1_000_000);
        }
      }));
    }
    return timed;
  }

  private static Outcome play(Fault fault) {
    List<String> before = inventory.list();
    Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
    Map<String, List<Long>> calls = new ConcurrentHashMap<>();
    List<Probe> timed = timed(new Probes(cloud.session, cloud.tls, Probes.IdentityMode.ISSUE).all(Map.of(),
        (s, l) -> { }), calls);
    long faultOn;
    long faultOff;
    ProbeScheduler scheduler = new ProbeScheduler(timed, 10, DEADLINE, "matrix",
        s -> samples.computeIfAbsent(s.series(), k -> new CopyOnWriteArrayList<>()).add(s));
    try {
      scheduler.start();
      Compute.sleep(Duration.ofMillis(700));
      faultOn = Micros.now();
      for (FaultProxy proxy : List.of(identity, compute, objectStore)) {
        proxy.inject(fault);
      }
      Compute.sleep(Duration.ofMillis(FAULT_MILLIS));
      for (FaultProxy proxy : List.of(identity, compute, objectStore)) {
        proxy.heal();
      }
      faultOff = Micros.now();
      Compute.sleep(Duration.ofMillis(2_000));
    } finally {
      scheduler.close();
    }
    return new Outcome(samples, calls, faultOn, faultOff, before, inventory.list());
  }

  /** The error class each cell must show; {@code null}: every sample succeeds. */
  private static ErrorClass expected(Fault fault, String series) {
    return switch (fault) {
      case BLACKHOLE, STALL_BODY, DRIP_BODY -> ErrorClass.TIMEOUT;
      case RESET, REFUSE -> ErrorClass.CONNECT;
      case STORM_5XX -> ErrorClass.HTTP_5XX;
      case HTML -> ErrorClass.BAD_BODY;
      // Swift's probe is a HEAD: no body to cut, so the answer is whole and right
      case TRUNCATED_JSON -> series.startsWith("object-store") ? null : ErrorClass.BAD_BODY;
      case LATENCY, NONE -> null;
    };
  }

  private static void assertCell(Fault fault, String series, Outcome outcome) {
    List<Sample> all = outcome.samples().getOrDefault(series, List.of()).stream()
        .sorted(java.util.Comparator.comparingLong(Sample::intendedAt)).toList();
    // the samples whose call started and ended inside the fault
    List<Sample> inFault = all.stream().filter(s -> s.intendedAt() >= outcome.faultOn() + 150_000
        && s.intendedAt() + DEADLINE.toMillis() * 1_000 + 100_000 <= outcome.faultOff()).toList();
    List<Sample> recovered = all.stream().filter(s -> s.intendedAt() >= outcome.faultOff() + 1_000_000).toList();
    ErrorClass expected = expected(fault, series);
    Map<String, Long> classes = inFault.stream().collect(Collectors.groupingBy(
        s -> s.ok() ? "ok" : s.errorClass(), TreeMap::new, Collectors.counting()));
    long lost = lost(all);
    long maxCall = outcome.callMillis().getOrDefault(series, List.of()).stream().mapToLong(Long::longValue).max()
        .orElse(0);
    List<String> leaked = difference(outcome.after(), outcome.before());
    List<String> gone = difference(outcome.before(), outcome.after());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("expected", expected == null ? "ok" : expected.name());
    row.put("observed", classes);
    row.put("samples", all.size());
    row.put("samplesLost", lost);
    row.put("longestCallMs", maxCall);
    row.put("recovered", recovered.stream().allMatch(Sample::ok));
    row.put("resourcesLeaked", leaked.size() + gone.size());
    if (headersDrip(fault, series)) {
      row.put("note", "headers drip: HttpURLConnection holds the call until the headers end; sample is TIMEOUT at the deadline");
    }
    Reliability.cell("probes", fault.label(), series, row);

    String what = fault.label() + " × " + series + ": " + classes + ", details " + inFault.stream()
        .map(Sample::detail).filter(d -> d != null).distinct().limit(3).toList();
    // samples kept arriving at the rate: about 10 per second inside the fault, and no tick lost anywhere
    long window = (outcome.faultOff() - outcome.faultOn() - 250_000 - DEADLINE.toMillis() * 1_000) / PERIOD_MICROS;
    assertThat(inFault.size()).as(what).isGreaterThanOrEqualTo((int) (window * 0.8));
    assertThat(lost).as(what + ": ticks without a sample").isZero();
    if (expected == null) {
      assertThat(inFault).as(what).allMatch(Sample::ok);
    } else {
      assertThat(inFault).as(what).allSatisfy(s -> assertThat(s.errorClass()).isEqualTo(expected.name()));
    }
    if (fault == Fault.LATENCY) {
      assertThat(inFault).as(what).allMatch(s -> s.latencyMicros() >= 280_000);
    }
    // no call outlived its deadline: a stalled or dripping answer must not hold a probe thread
    if (headersDrip(fault, series)) {
      // the known exception: HttpURLConnection parses headers in one call nothing can cut, so the
      // call ends when the headers do (here: when the proxy heals); the sample was still a TIMEOUT
      assertThat(maxCall).as(what + ": longest call (ms)").isLessThanOrEqualTo(FAULT_MILLIS + 1_000);
    } else {
      assertThat(maxCall).as(what + ": longest call (ms)").isLessThanOrEqualTo(DEADLINE.toMillis() + 400);
    }
    assertThat(recovered).as(what + ": after healing").isNotEmpty().allMatch(Sample::ok);
    assertThat(leaked).as("created and not deleted").isEmpty();
    assertThat(gone).as("lost").isEmpty();
  }

  /**
   * Keystone stops answering exactly when the token must be renewed (it expires 3 s after issue;
   * Keystone hangs from 2 s to 6 s), while a during check keeps calling Swift and so asks for a
   * renewal itself after each 401. The probes must record the expired token as HTTP_401 at once,
   * never wait for the hung renewal, and recover as soon as Keystone answers again; the failed
   * renewals are logged without the password.
   */
  @org.junit.jupiter.api.Test
  void keystoneHangsExactlyWhenTheTokenMustBeRenewed() throws Exception {
    try (OpenStackSimulator sim = OpenStackSimulator.builder().tokenLifetime(Duration.ofSeconds(3)).start();
        FaultProxy keystone = FaultProxy.inFrontOf(sim.authUrl())) {
      CloudConfig config = SimCloud.cloudOf(sim, keystone.rewrite(sim.authUrl()));
      io.github.upgradejunit.probe.Tls tls = config.tls();
      Timeouts timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
      List<String> log = new CopyOnWriteArrayList<>();
      CloudSession session = new CloudSession(config, tls, timeouts, Duration.ofMillis(500), (src, l) -> log.add(l))
          .start();
      long issued = Micros.now();
      ObjectStorage storage = new ObjectStorage(session, new Rest(session, tls, timeouts));
      List<Probe> probes = new Probes(session, tls, Probes.IdentityMode.VALIDATE).all(Map.of(), (a, b) -> { }).stream()
          .filter(p -> !p.series().startsWith("identity")).toList();
      Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
      Map<String, List<Long>> calls = new ConcurrentHashMap<>();
      List<Probe> timed = timed(probes, calls);
      java.util.concurrent.atomic.AtomicBoolean checking = new java.util.concurrent.atomic.AtomicBoolean(true);
      Thread duringCheck = new Thread(() -> {
        while (checking.get()) {
          try {
            storage.exists("matrix-renewal");
          } catch (RuntimeException expected) {
            // Keystone is down: the check fails, the test is about the probes
          }
          Compute.sleep(Duration.ofMillis(200));
        }
      });
      long down;
      long up;
      ProbeScheduler scheduler = new ProbeScheduler(timed, 10, DEADLINE, "renewal",
          smp -> samples.computeIfAbsent(smp.series(), k -> new CopyOnWriteArrayList<>()).add(smp));
      try {
        scheduler.start();
        duringCheck.start();
        Compute.sleep(Duration.ofMillis(2_000 - (Micros.now() - issued) / 1000));
        down = Micros.now();
        keystone.inject(Fault.BLACKHOLE);
        Compute.sleep(Duration.ofMillis(4_000));
        keystone.heal();
        up = Micros.now();
        Compute.sleep(Duration.ofMillis(3_000));
      } finally {
        checking.set(false);
        scheduler.close();
        duringCheck.join();
        session.close();
      }
      long expired = issued + 3_000_000;
      for (String series : SERIES.subList(2, 6)) {
        List<Sample> all = samples.get(series).stream().sorted(java.util.Comparator.comparingLong(Sample::intendedAt))
            .toList();
        List<Sample> refused = all.stream().filter(x -> x.intendedAt() > expired + 300_000
            && x.intendedAt() + DEADLINE.toMillis() * 1000 < up).toList();
        List<Sample> recovered = all.stream().filter(x -> x.intendedAt() > up + 1_500_000).toList();
        long maxCall = calls.get(series).stream().mapToLong(Long::longValue).max().orElse(0);
        Map<String, Long> classes = refused.stream().collect(Collectors.groupingBy(x -> x.ok() ? "ok" : x.errorClass(),
            TreeMap::new, Collectors.counting()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("expected", "HTTP_401");
        row.put("observed", classes);
        row.put("samples", all.size());
        row.put("samplesLost", lost(all));
        row.put("longestCallMs", maxCall);
        row.put("recovered", !recovered.isEmpty() && recovered.stream().allMatch(Sample::ok));
        row.put("secretsFound", log.stream().filter(l -> l.contains(sim.credentials().password())).count());
        Reliability.cell("probes", "Keystone hangs at token renewal", series, row);
        String what = series + ": " + row + " log " + log;
        assertThat(refused).as(what).hasSizeGreaterThanOrEqualTo(15)
            .allSatisfy(x -> assertThat(x.errorClass()).isEqualTo("HTTP_401"));
        assertThat(maxCall).as(what + ": no probe waits for the hung renewal").isLessThanOrEqualTo(
            DEADLINE.toMillis() + 400);
        assertThat(lost(all)).as(what).isZero();
        assertThat(recovered).as(what).isNotEmpty().allMatch(Sample::ok);
      }
      assertThat(down).isLessThan(expired);
      assertThat(log).anyMatch(l -> l.startsWith("token renewal failed"))
          .noneMatch(l -> l.contains(sim.credentials().password()));
    }
  }

  /** Swift's probe is a HEAD: with no body, the proxy drips the headers, which the JDK client reads in one go. */
  private static boolean headersDrip(Fault fault, String series) {
    return fault == Fault.DRIP_BODY && series.equals("object-store/keepalive");
  }

  /** Ticks between the first and the last sample of a series that produced no sample. */
  private static long lost(List<Sample> samples) {
    if (samples.isEmpty()) {
      return 0;
    }
    long first = samples.get(0).intendedAt();
    TreeSet<Long> ticks = new TreeSet<>();
    samples.forEach(s -> ticks.add(Math.round((s.intendedAt() - first) / (double) PERIOD_MICROS)));
    return ticks.last() + 1 - ticks.size();
  }

  private static List<String> difference(List<String> a, List<String> b) {
    List<String> d = new ArrayList<>(a);
    d.removeAll(b);
    return d;
  }
}
