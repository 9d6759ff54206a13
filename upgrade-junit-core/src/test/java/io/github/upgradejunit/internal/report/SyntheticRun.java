package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic upgrade run written into a store the way the engine writes one: identity, compute and
 * object-store (plus a control probe) probed on two series each at 10 Hz, a rolling upgrade of nine
 * steps over three controllers, during checks every two seconds, persistent resources, a ledger,
 * versions moving from yoga to zed, and test results. By default compute has a 2 s outage in the
 * middle of restarting nova-api on ctl1 and object-store's latency rises during the upgrade, so the
 * verdicts differ per service. Deterministic (fixed seed).
 *
 * <p>The store stamps a few rows with the wall clock (run creation, versions, ledger); the fixture
 * moves those into the synthetic timeline with plain SQL so the report reads like a real run.
 */
final class SyntheticRun {

  static final String RUNNER = "ci-runner-1";
  private static final long SECOND = 1_000_000L;
  private static final int SERIES = 2;

  /** A monitored service: the step it is upgraded by, its latency, and how the upgrade changes it. */
  record Service(String name, String step, String checkClass, String check, double medianMs, double duringFactor,
      boolean control, String oldVersion, String newVersion) {
  }

  /** An injected outage: which service, how long, which error. */
  record OutageSpec(String service, long millis, String errorClass) {
  }

  /** A service that fails for {@code downMillis} of every {@code periodMillis}, all run long. */
  record Flapping(String service, long periodMillis, long downMillis) {
  }

  /**
   * Another runner probing every service from elsewhere, offset by half a probe interval; its own
   * path to {@code service} breaks for {@code millis} from {@code offsetMillis} after the upgrade
   * start, which only it sees.
   */
  record Runner(String name, String service, long offsetMillis, long millis) {
  }

  /** A stretch without samples of a service, from {@code offsetMillis} after the upgrade start. */
  record Gap(String service, long offsetMillis, long millis) {
  }

  final String runId;
  private final long monitoringStart;
  private long beforeMicros = 60 * SECOND;
  private long windowMicros = 8 * 60 * SECOND;
  private long tailMicros = 30 * SECOND;
  private int rate = 10;
  private final List<Service> services = new ArrayList<>();
  private final List<OutageSpec> outages = new ArrayList<>();
  private final List<Flapping> flapping = new ArrayList<>();
  private final List<Gap> gaps = new ArrayList<>();
  private final List<Runner> runners = new ArrayList<>();
  private final Map<String, Long> outageStart = new LinkedHashMap<>();
  private final List<long[]> stepTimes = new ArrayList<>();
  private final List<String[]> stepNames = new ArrayList<>();
  private final SplittableRandom random;
  private String hostile = "";
  private long samplesWritten;

  private SyntheticRun(String runId, Instant monitoringStart) {
    this.runId = runId;
    this.random = new SplittableRandom(runId.hashCode());
    this.monitoringStart = monitoringStart.getEpochSecond() * SECOND;
  }

  /** The default run: three services, a control probe, one 2 s outage, latency rising in object-store. */
  static SyntheticRun realistic(String runId, Instant monitoringStart) {
    SyntheticRun run = new SyntheticRun(runId, monitoringStart);
    run.services.add(new Service("compute", "restart nova-api", "ComputeSurvivesUpgrade", "canListServers", 38, 1.05,
        false, "2.90", "2.93"));
    run.services.add(new Service("identity", "upgrade keystone", "IdentitySurvivesUpgrade", "canIssueTokens", 14, 1.0,
        false, "21.0.0", "22.0.0"));
    run.services.add(new Service("object-store", "upgrade swift-proxy", "ObjectsSurviveUpgrade", "canReadObjects",
        22, 1.45, false, "2.29.1", "2.30.0"));
    run.services.add(new Service("control", null, null, null, 0.6, 1.0, true, null, null));
    run.outages.add(new OutageSpec("compute", 2_000, "CONNECT"));
    return run;
  }

  SyntheticRun withOutage(String service, long millis, String errorClass) {
    outages.clear();
    outages.add(new OutageSpec(service, millis, errorClass));
    return this;
  }

  /** Scale a service's latency during the upgrade. */
  SyntheticRun withDuringFactor(String service, double factor) {
    services.replaceAll(s -> s.name().equals(service) ? new Service(s.name(), s.step(), s.checkClass(), s.check(),
        s.medianMs(), factor, s.control(), s.oldVersion(), s.newVersion()) : s);
    return this;
  }

  SyntheticRun withFlapping(String service, long periodMillis, long downMillis) {
    flapping.add(new Flapping(service, periodMillis, downMillis));
    return this;
  }

  /** Add a second vantage point whose path to {@code service} breaks for a while. */
  SyntheticRun withRunner(String name, String service, long offsetMillis, long millis) {
    runners.add(new Runner(name, service, offsetMillis, millis));
    return this;
  }

  SyntheticRun withGap(String service, long offsetMillis, long millis) {
    gaps.add(new Gap(service, offsetMillis, millis));
    return this;
  }

  /** Append this text to everything the cloud or the tests could say: errors, steps, names, details. */
  SyntheticRun withHostileText(String text) {
    hostile = text;
    return this;
  }

  SyntheticRun withoutControlProbe() {
    services.removeIf(Service::control);
    return this;
  }

  /** Rename a service (e.g. to something hostile, for escaping tests). */
  SyntheticRun renamed(String from, String to) {
    services.replaceAll(s -> s.name().equals(from) ? new Service(to, s.step(), s.checkClass(), s.check(), s.medianMs(),
        s.duringFactor(), s.control(), s.oldVersion(), s.newVersion()) : s);
    outages.replaceAll(o -> o.service().equals(from) ? new OutageSpec(to, o.millis(), o.errorClass()) : o);
    return this;
  }

  /** Stretch the upgrade window so that the run takes about {@code total} probe samples. */
  SyntheticRun withSamples(long total) {
    long perSecond = (long) services.size() * SERIES * rate;
    windowMicros = Math.max(60 * SECOND, total * SECOND / perSecond - beforeMicros - tailMicros);
    return this;
  }

  SyntheticRun withWindow(Duration window) {
    windowMicros = window.toNanos() / 1000;
    return this;
  }

  long upgradeStart() {
    return monitoringStart + beforeMicros;
  }

  long upgradeEnd() {
    return upgradeStart() + windowMicros;
  }

  long monitoringEnd() {
    return upgradeEnd() + tailMicros;
  }

  long samplesWritten() {
    return samplesWritten;
  }

  /** Write the whole run into the store at {@code url}; the run stays open, as when the report is written. */
  SyntheticRun writeTo(Store store, String url) throws Exception {
    store.createRun(runId, "uj-" + runId.substring(runId.length() - 4));
    planSteps();
    events(store);
    phases(store);
    samples(store);
    iterationsAndTests(store);
    resources(store);
    flush(store);
    try (Connection c = DriverManager.getConnection(url)) {
      update(c, "UPDATE runs SET created_at = ? WHERE id = ?", monitoringStart - 20 * SECOND, runId);
      ledger(store, c);
      versions(c);
    }
    return this;
  }

  /** Close the run as the engine does after writing the report, at the end of the synthetic timeline. */
  void close(Store store, String url) throws SQLException {
    store.closeRun(runId, "failed");
    try (Connection c = DriverManager.getConnection(url)) {
      update(c, "UPDATE runs SET closed_at = ? WHERE id = ?", monitoringEnd() + 5 * SECOND, runId);
    }
  }

  // ---- steps and events ------------------------------------------------------------------------

  private void planSteps() {
    List<Service> upgraded = services.stream().filter(s -> !s.control()).toList();
    int count = 1 + upgraded.size() * 3;
    long slot = windowMicros / count;
    long at = upgradeStart() + slot / 10;
    stepNames.add(new String[] {"upgrade infrastructure (galera, rabbitmq)", null, null});
    stepTimes.add(new long[] {at, at + slot * 8 / 10});
    at += slot;
    for (Service s : upgraded) {
      for (int host = 1; host <= 3; host++) {
        stepNames.add(new String[] {s.step(), s.name(), "ctl" + host});
        stepTimes.add(new long[] {at, at + slot * 8 / 10});
        if (host == 1) {
          outageStart.put(s.name(), at + slot * 3 / 10);
        }
        at += slot;
      }
    }
  }

  private void events(Store store) {
    store.event(runId, upgradeStart(), "upgrade-started", null, null, null, "openstack-ansible 25.1.0 -> 26.0.0",
        RUNNER);
    for (int i = 0; i < stepNames.size(); i++) {
      String[] name = stepNames.get(i);
      String step = name[0] + hostile;
      store.event(runId, stepTimes.get(i)[0], "step-started", name[1], name[2], step, null, RUNNER);
      store.event(runId, stepTimes.get(i)[1], "step-finished", name[1], name[2], step, null, RUNNER);
    }
    store.event(runId, upgradeEnd(), "upgrade-finished", null, null, null, null, RUNNER);
  }

  private void phases(Store store) {
    for (String phase : List.of("before", "during", "after")) {
      store.phaseFinished(store.phaseStarted(runId, phase, RUNNER), "finished");
    }
    for (Runner r : runners) {
      store.phaseFinished(store.phaseStarted(runId, "during", r.name()), "finished");
    }
  }

  // ---- samples ---------------------------------------------------------------------------------

  private void samples(Store store) throws InterruptedException {
    long interval = SECOND / rate;
    for (Service s : services) {
      for (int series = 0; series < SERIES; series++) {
        String name = s.name() + (series == 0 ? "/fresh" : "/keepalive");
        long offset = series * interval * 37 / 100;
        for (long t = monitoringStart + offset; t < monitoringEnd(); t += interval) {
          if (inGap(s, t)) {
            continue;
          }
          store.writer().sample(runId, sample(s, name, series, t));
          if (++samplesWritten % 200_000 == 0) {
            flush(store);
          }
        }
      }
    }
    for (Runner r : runners) {
      samples(store, r);
    }
  }

  /** The other runner's samples: the same service states, plus its own broken path. */
  private void samples(Store store, Runner r) throws InterruptedException {
    long interval = SECOND / rate;
    long pathFrom = upgradeStart() + r.offsetMillis() * 1000;
    for (Service s : services) {
      for (long t = monitoringStart + interval / 2; t < monitoringEnd(); t += interval) {
        if (inGap(s, t)) {
          continue; // a gap is a stretch no runner probed
        }
        Rows.Sample base = sample(s, s.name() + "/fresh", 0, t);
        boolean pathBroken = s.name().equals(r.service()) && t >= pathFrom && t < pathFrom + r.millis() * 1000;
        store.writer().sample(runId, new Rows.Sample(base.service(), base.series(), t, base.startedAt(),
            base.latencyMicros(), base.ok() && !pathBroken, pathBroken ? "CONNECT" : base.errorClass(),
            pathBroken ? 0 : base.status(), pathBroken ? "Connection reset" : base.detail(), base.control(),
            r.name()));
        if (++samplesWritten % 200_000 == 0) {
          flush(store);
        }
      }
    }
  }

  private Rows.Sample sample(Service s, String series, int seriesIndex, long intended) {
    String error = failure(s, intended);
    long started = intended + 150 + random.nextInt(400);
    if (error != null) {
      long latency = "TIMEOUT".equals(error) ? 2 * SECOND : 800 + random.nextInt(1500);
      return new Rows.Sample(s.name(), series, intended, started, latency, false, error,
          "HTTP_5XX".equals(error) ? 503 : 0, detail(error) + hostile, s.control(), RUNNER);
    }
    double median = s.medianMs() * (seriesIndex == 0 ? 1.0 : 0.62);
    if (intended >= upgradeStart() && intended <= upgradeEnd()) {
      median *= s.duringFactor();
    }
    double ms = median * Math.exp(0.28 * gaussian()) * (random.nextInt(100) == 0 ? 2.5 : 1);
    return new Rows.Sample(s.name(), series, intended, started, Math.max(50, Math.round(ms * 1000)), true, null, 200,
        null, s.control(), RUNNER);
  }

  private boolean inGap(Service s, long intended) {
    for (Gap g : gaps) {
      long from = upgradeStart() + g.offsetMillis() * 1000;
      if (g.service().equals(s.name()) && intended >= from && intended < from + g.millis() * 1000) {
        return true;
      }
    }
    return false;
  }

  private String failure(Service s, long intended) {
    for (Flapping f : flapping) {
      if (f.service().equals(s.name()) && (intended - monitoringStart) / 1000 % f.periodMillis() < f.downMillis()) {
        return "HTTP_5XX";
      }
    }
    for (OutageSpec o : outages) {
      Long start = outageStart.get(o.service());
      if (o.service().equals(s.name()) && start != null && intended >= start && intended < start + o.millis() * 1000) {
        return o.errorClass();
      }
    }
    return null;
  }

  private static String detail(String error) {
    return switch (error) {
      case "CONNECT" -> "Connection refused";
      case "HTTP_5XX" -> "503 Service Unavailable";
      case "TIMEOUT" -> "no answer within 2s";
      default -> error;
    };
  }

  private double gaussian() {
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static void flush(Store store) throws InterruptedException {
    if (!store.writer().flush(120_000)) {
      throw new IllegalStateException("the store did not take the rows: " + store.writer().lastError());
    }
  }

  // ---- during checks and tests -------------------------------------------------------------------

  private void iterationsAndTests(Store store) {
    for (Service s : services) {
      if (s.control()) {
        continue;
      }
      String checkId = "com.example.upgrade." + s.checkClass() + "#" + s.check();
      test(store, "before", s, "resourcesExist", "SUCCESSFUL", null, monitoringStart + 5 * SECOND);
      int failed = iterations(store, s, checkId);
      test(store, "during", s, s.check(), failed == 0 ? "SUCCESSFUL" : "FAILED", failed == 0 ? null
          : failed + " of " + iterationCount() + " iterations inside the upgrade window failed; first: "
              + "java.net.ConnectException: Connection refused" + hostile + "\n\tat com.example.upgrade." + s.checkClass() + "."
              + s.check() + "(" + s.checkClass() + ".java:42)", upgradeStart());
      test(store, "after", s, "resourcesSurvived", "SUCCESSFUL", null, upgradeEnd() + 5 * SECOND);
    }
    test(store, "after", services.get(0), "adminCanListHypervisors", "SKIPPED", "no admin credentials given",
        upgradeEnd() + 6 * SECOND);
  }

  private long iterationCount() {
    return windowMicros / (2 * SECOND);
  }

  private int iterations(Store store, Service s, String checkId) {
    int failed = 0;
    for (long t = upgradeStart() + SECOND; t < upgradeEnd(); t += 2 * SECOND) {
      long end = t + Math.round(s.medianMs() * 3000);
      boolean ok = failure(s, t) == null && failure(s, end) == null;
      failed += ok ? 0 : 1;
      store.writer().iteration(runId, new Rows.Iteration(checkId, s.name(), t, end, ok,
          ok ? null : "java.net.ConnectException: Connection refused" + hostile, null, true, RUNNER));
    }
    return failed;
  }

  private void test(Store store, String phase, Service s, String method, String status, String error, long at) {
    String className = "com.example.upgrade." + s.checkClass();
    store.testResult(runId, new Rows.TestResult(phase, "[engine:upgrade-junit]/[phase:" + phase + "]/[class:"
        + className + "]/[method:" + method + "()]", method + "()", className, s.name(), status, at,
        at + 300_000, error, null, RUNNER));
  }

  // ---- resources, ledger, versions ---------------------------------------------------------------

  private void resources(Store store) {
    String prefix = "uj-" + runId.substring(runId.length() - 4) + "-";
    resource(store, "compute", "io.github.upgradejunit.openstack.Server", prefix + "web",
        "{\"status\":\"ACTIVE\",\"flavor\":\"m1.small\"}");
    resource(store, "compute", "io.github.upgradejunit.openstack.Volume", prefix + "data",
        "{\"status\":\"in-use\",\"size\":\"1\"}");
    resource(store, "identity", "io.github.upgradejunit.openstack.ApplicationCredential", prefix + "ci",
        "{\"roles\":\"member\"}");
    resource(store, "object-store", "io.github.upgradejunit.openstack.SwiftObject", prefix + "objects/report.bin",
        "{\"etag\":\"9e107d9d372bb6826bd81d3542a419d6\"}");
  }

  private void resource(Store store, String service, String type, String name, String fingerprint) {
    if (services.stream().noneMatch(s -> s.name().equals(service))) {
      return;
    }
    String key = service + ":" + name;
    store.resourcePlanned(runId, key, service, type, name + hostile);
    store.resourceCreated(runId, key, java.util.UUID.nameUUIDFromBytes(key.getBytes()).toString(), fingerprint);
    store.resourceCheck(runId, key, "during", "intact", "");
    store.resourceCheck(runId, key, "after", "intact", "");
    store.resourceState(runId, key, "deleted", null);
  }

  private void ledger(Store store, Connection c) throws SQLException {
    String[][] operations = {{"compute", "create server", "6"}, {"identity", "create credential", "4"},
        {"object-store", "put object", "20"}};
    for (String[] op : operations) {
      if (services.stream().noneMatch(s -> s.name().equals(op[0]))) {
        continue;
      }
      int n = Integer.parseInt(op[2]);
      for (int i = 0; i < n; i++) {
        long at = upgradeStart() + windowMicros * (i + 1) / (n + 1);
        long id = store.ledgerRecord(runId, op[0], op[1], op[1].split(" ")[1] + "-" + (i + 1), "ACCEPTED", 202,
            "PENDING", RUNNER);
        store.ledgerSettle(id, "HONORED", "found after the upgrade" + hostile);
        update(c, "UPDATE ledger SET at = ?, settled_at = ? WHERE id = ?", at, upgradeEnd() + 10 * SECOND, id);
      }
    }
  }

  private void versions(Connection c) throws SQLException {
    for (Service s : services) {
      if (s.control()) {
        continue;
      }
      Long changed = outageStart.get(s.name());
      for (long t = monitoringStart; t < monitoringEnd(); t += 30 * SECOND) {
        boolean upgraded = changed != null && t > changed + 20 * SECOND;
        update(c, "INSERT INTO versions (run_id, service, at, version, release_name, runner) VALUES (?, ?, ?, ?, ?, ?)",
            runId, s.name(), t, upgraded ? s.newVersion() : s.oldVersion(), upgraded ? "zed" : "yoga", RUNNER);
      }
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    }
  }
}
