package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.UpgradeRun;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.control.EventRules;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Event;
import io.github.upgradejunit.internal.store.Rows.Run;
import io.github.upgradejunit.internal.store.Rows.TestResult;
import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.internal.store.StoreException;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.RequestLedger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * This JVM's part of a run: the configuration, the store, the run row, the opened plugins, the
 * upgrade window and the persistent resources. The engine opens one per execution; the Jupiter
 * extension finds it by the id passed to the nested launches.
 */
public final class RunSession implements AutoCloseable, UpgradeRun {

  private static volatile RunSession current;

  /** The status of a run that never started: its plugins could not start. */
  public static final String ABORTED = "aborted";

  private final UpgradeConfiguration config;
  private final Store store;
  private final Run run;
  private final String runner;
  private final Path reportDirectory;
  private final UpgradeWindow window = new UpgradeWindow();
  private final Plugins plugins;
  private final Resources resources;
  private final StoreLedger ledger;
  private volatile Phase phase;
  private volatile long lastEventId;
  private boolean replaying;
  private final Thread follower;
  private volatile boolean closed;

  private RunSession(UpgradeConfiguration config, Store store, Run run, Phase phase) {
    this.config = config;
    this.store = store;
    this.run = run;
    this.phase = phase;
    this.runner = config.find(CoreKeys.RUNNER).orElseGet(RunSession::hostName);
    this.reportDirectory = Paths.get(config.get(CoreKeys.REPORT_DIR)).toAbsolutePath();
    this.ledger = new StoreLedger(store, run.id(), runner);
    this.plugins = Plugins.open(new Context());
    this.resources = new Resources(store, run, plugins);
    replayEvents();
    this.follower = new Thread(this::followEvents, "upgrade-junit-events");
    this.follower.setDaemon(true);
    this.follower.start();
    current = this;
  }

  /**
   * Open the session: a new run in the before and all phases (unless {@code upgrade.run.id} names
   * one), else the run named or the latest open run.
   */
  static RunSession open(UpgradeConfiguration config, Store store, Phase firstPhase, boolean newRun) {
    Optional<String> requested = config.find(CoreKeys.RUN_ID);
    Run run;
    boolean created = false;
    if (requested.isPresent()) {
      run = store.run(requested.get()).orElse(null);
      if (run == null && newRun) {
        store.createRun(requested.get(), prefix(requested.get()));
        run = store.run(requested.get()).orElseThrow();
        created = true;
      } else if (run == null) {
        throw new IllegalStateException("No run '" + requested.get() + "' in the store " + store.location()
            + ". Start it with -Dupgrade.phase=before (or all), or check upgrade.run.id.");
      }
    } else if (newRun) {
      String id = newRunId();
      store.createRun(id, prefix(id));
      run = store.run(id).orElseThrow();
      created = true;
    } else {
      run = store.latestOpenRun().orElseThrow(() -> new IllegalStateException("No open run in the store "
          + store.location() + ". Run -Dupgrade.phase=before first, or name a run with -Dupgrade.run.id."));
    }
    try {
      return new RunSession(config, store, run, firstPhase);
    } catch (RuntimeException e) {
      if (created) { // it never started (a wrong password, say): no later phase may join it
        abort(store, run, e);
      }
      throw e;
    }
  }

  private static void abort(Store store, Run run, RuntimeException cause) {
    try {
      store.closeRun(run.id(), ABORTED);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** A session for a command-line tool acting on an existing run (cleanup, report). */
  public static RunSession openForTool(UpgradeConfiguration config, Store store, Phase phase) {
    return open(config, store, phase, false);
  }

  /**
   * The session the engine is executing in this JVM; the Jupiter extension uses it. One run at a
   * time per JVM, as one Surefire fork runs one launcher session.
   */
  public static Optional<RunSession> current() {
    return Optional.ofNullable(current);
  }

  private static String newRunId() {
    String time = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
    return time + "-" + UUID.randomUUID().toString().substring(0, 4);
  }

  private static String prefix(String runId) {
    return "uj-" + runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  public UpgradeConfiguration config() {
    return config;
  }

  public Store store() {
    return store;
  }

  public String runner() {
    return runner;
  }

  /**
   * Keep a test's result. A store that fails here costs this one row, with a warning, not the run:
   * the test itself has already run and been reported to the launcher.
   */
  void recordTest(TestResult result) {
    try {
      store.testResult(id(), result);
    } catch (RuntimeException e) {
      Console.line("WARNING: cannot store the result of " + result.displayName() + ": " + e.getMessage());
    }
  }

  public Path reportDirectory() {
    return reportDirectory;
  }

  public Resources resources() {
    return resources;
  }

  public Plugins plugins() {
    return plugins;
  }

  UpgradeWindow window() {
    return window;
  }

  /** Wait until the upgrade window opens; false when it closed without ever opening. */
  public boolean awaitWindowOpen() throws InterruptedException {
    return window.awaitOpen();
  }

  /** Whether the upgrade window is open now. */
  public boolean windowOpen() {
    return window.isOpen();
  }

  /** Whether a moment (microseconds since the epoch) lies inside the window. */
  public boolean windowContains(long micros) {
    return window.contains(micros);
  }

  /** Wait up to the given time for the window to close; true when it is closed. */
  public boolean awaitWindowClosed(long nanos) throws InterruptedException {
    return window.awaitClosed(nanos);
  }

  /** Why the window closed. */
  public String windowCloseReason() {
    return window.closeReason();
  }

  void enter(Phase next) {
    this.phase = next;
  }

  // ---- UpgradeRun -------------------------------------------------------------------------------

  @Override
  public String id() {
    return run.id();
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public Optional<String> currentStep() {
    return window.currentStep();
  }

  @Override
  public String resourceName(String base) {
    return run.resourcePrefix() + base;
  }

  // ---- events -----------------------------------------------------------------------------------

  /**
   * Record an upgrade event if it is in order, and apply it to the window.
   *
   * @return the reason it was refused, or empty when it was recorded
   */
  public synchronized Optional<String> recordEvent(String type, String service, String host, String step,
      String detail) {
    List<Event> existing = store.events(run.id());
    Optional<String> problem = EventRules.problem(existing, type, service, host, step);
    if (problem.isPresent()) {
      return problem;
    }
    long at = Micros.now();
    long id;
    try {
      id = store.event(run.id(), at, type, service, host, step, detail, runner);
    } catch (StoreException e) {
      // the store refuses (disk full, read-only): the event still opens or closes this JVM's window,
      // or the during phase would wait for an upgrade-finished that can never be recorded
      Console.line("ERROR: cannot record " + type + " in the store (" + e.getMessage() + "); it takes effect in "
          + "this JVM only");
      take(new Event(-1, at, type, service, host, step, detail, runner));
      return Optional.empty();
    }
    apply(new Event(id, at, type, service, host, step, detail, runner));
    return Optional.empty();
  }

  private synchronized void apply(Event event) {
    if (event.id() <= lastEventId) {
      return;
    }
    lastEventId = event.id();
    take(event);
  }

  private synchronized void take(Event event) {
    String step = EventRules.stepName(event.service(), event.host(), event.step());
    switch (event.type()) {
      case EventRules.UPGRADE_STARTED -> {
        window.open(event.at());
        progress("upgrade started" + (event.runner().equals(runner) ? "" : " (signal from " + event.runner() + ")"));
      }
      case EventRules.STEP_STARTED -> {
        window.stepStarted(step);
        progress("step started: " + step);
      }
      case EventRules.STEP_FINISHED -> window.stepFinished(step);
      case EventRules.UPGRADE_FINISHED -> {
        window.close(event.at(), "upgrade finished");
        progress("upgrade finished");
      }
      case EventRules.UPGRADE_FAILED -> {
        window.close(event.at(), "upgrade failed: " + event.detail());
        progress("upgrade FAILED: " + event.detail());
      }
      default -> { }
    }
    notifyAll();
  }

  private void replayEvents() {
    replaying = true;
    store.events(run.id()).forEach(this::apply);
    replaying = false;
  }

  /** Events from earlier JVMs of the run are replayed into the window silently: they are old news. */
  private void progress(String line) {
    if (!replaying) {
      Console.line(line);
    }
  }

  /** Events sent by other processes (the signal command, another runner) arrive through the store. */
  private void followEvents() {
    while (!closed) {
      try {
        Thread.sleep(100);
        List<Event> events = store.events(run.id());
        // apply a poll's events as one change: a check woken by upgrade-started already sees the step
        synchronized (this) {
          synchronized (window) {
            events.stream().filter(e -> e.id() > lastEventId).forEach(this::apply);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the store is busy or briefly unavailable; the next poll tries again
      }
    }
  }

  /** Wait for an event of this type (from anyone), up to the timeout. */
  public synchronized boolean awaitEvent(String type, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (store.events(run.id()).stream().noneMatch(e -> e.type().equals(type))) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(Math.min(left, 200));
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    follower.interrupt();
    if (current == this) {
      current = null;
    }
    plugins.close();
  }

  /** The plugin context of this session. */
  public PluginContext pluginContext() {
    return plugins.context();
  }

  private final class Context implements PluginContext {
    @Override
    public String runId() {
      return run.id();
    }

    @Override
    public Phase phase() {
      return phase;
    }

    @Override
    public Configuration config() {
      return config;
    }

    @Override
    public String resourceName(String base) {
      return RunSession.this.resourceName(base);
    }

    @Override
    public String resourcePrefix() {
      return run.resourcePrefix();
    }

    @Override
    public Optional<String> currentStep() {
      return window.currentStep();
    }

    @Override
    public Path reportDirectory() {
      return reportDirectory;
    }

    @Override
    public RequestLedger ledger() {
      return ledger;
    }

    @Override
    public void versionObserved(String service, String version, String release) {
      store.version(run.id(), service, version, release, runner);
    }

    @Override
    public void log(String source, String line) {
      store.writer().log(run.id(), source, line, runner);
    }
  }
}
