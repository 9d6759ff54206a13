package io.github.upgradejunit.internal.store;

import io.github.upgradejunit.internal.store.Rows.Event;
import io.github.upgradejunit.internal.store.Rows.Iteration;
import io.github.upgradejunit.internal.store.Rows.Latency;
import io.github.upgradejunit.internal.store.Rows.LedgerEntry;
import io.github.upgradejunit.internal.store.Rows.Log;
import io.github.upgradejunit.internal.store.Rows.PhaseRecord;
import io.github.upgradejunit.internal.store.Rows.Resource;
import io.github.upgradejunit.internal.store.Rows.ResourceCheck;
import io.github.upgradejunit.internal.store.Rows.Run;
import io.github.upgradejunit.internal.store.Rows.Sample;
import io.github.upgradejunit.internal.store.Rows.TestResult;
import io.github.upgradejunit.internal.store.Rows.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store: every fact of every run, in one SQL database (an SQLite file by default). Low-rate
 * facts (runs, events, resources, results) are written at once, each in its own short transaction,
 * so they are committed when the call returns. High-rate facts (samples, iterations, latencies,
 * logs) go through the {@link BatchWriter}. Several JVMs may share one SQLite file; several JVMs on
 * several machines share one PostgreSQL database. When the connection to PostgreSQL breaks, the
 * store reconnects: low-rate writes wait for the database for up to {@value #RECONNECT_MILLIS} ms,
 * and the batch writer keeps its rows in bounded memory until the database is back.
 */
public final class Store implements AutoCloseable {

  /** The schema version this code writes; older stores are migrated on open. */
  public static final int SCHEMA_VERSION = 1;

  /** How long a low-rate write or a read waits for a lost database to come back. */
  static final long RECONNECT_MILLIS = 30_000;

  private final String url;
  private final String shown;
  private final Dialect dialect;
  private Connection connection;
  private final BatchWriter writer;

  private Store(String url, String shown, Dialect dialect, Connection connection) {
    this.url = url;
    this.shown = shown;
    this.dialect = dialect;
    this.connection = connection;
    this.writer = new BatchWriter(this::openConnection, shown);
  }

  /** The default store of a project: {@code .upgrade-junit/upgrade.db} in the given directory. */
  public static String defaultUrl(Path projectDirectory) {
    return "jdbc:sqlite:" + projectDirectory.resolve(".upgrade-junit").resolve("upgrade.db").toAbsolutePath();
  }

  /** Open (and create or migrate) the store at a JDBC URL. */
  public static Store open(String url) {
    Dialect dialect = Dialect.of(url);
    String prepared = dialect.prepare(url);
    SQLException last = null;
    for (int attempt = 1; attempt <= OPEN_ATTEMPTS; attempt++) {
      try {
        Connection connection = DriverManager.getConnection(prepared);
        Store store = new Store(prepared, redact(url), dialect, connection);
        try {
          store.migrate();
          return store;
        } catch (StoreException e) {
          connection.close();
          if (e.getCause() instanceof SQLException cause && busy(cause)) {
            throw cause; // retried below
          }
          throw e;
        }
      } catch (SQLException e) {
        last = e;
        if (!busy(e) || attempt == OPEN_ATTEMPTS) {
          break;
        }
        pause(attempt); // another JVM is creating or migrating the same file: wait for it
      }
    }
    throw new StoreException("Cannot open the store " + redact(url) + ": " + last.getMessage(), last);
  }

  private static final int OPEN_ATTEMPTS = 4;

  private static boolean busy(SQLException e) {
    return String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(250L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The URL without credentials, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@")
        .replaceAll("\\?journal_mode=.*$", "");
  }

  /** The URL without credentials. */
  public String location() {
    return shown;
  }

  private Connection openConnection() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** The batch writer for high-rate rows. */
  public BatchWriter writer() {
    return writer;
  }

  private synchronized void migrate() throws SQLException {
    int current = schemaVersion();
    if (current > SCHEMA_VERSION) {
      throw new StoreException("The store " + location() + " has schema version " + current
          + ", newer than this Upgrade JUnit understands (" + SCHEMA_VERSION + "). Use a newer version.");
    }
    if (current == SCHEMA_VERSION) {
      return;
    }
    try {
      createSchema();
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException cause && "42501".equals(cause.getSQLState())) {
        throw new StoreException("The store " + location() + " has " + (current == 0 ? "no Upgrade JUnit schema"
            : "schema version " + current) + " and its user may not create version " + SCHEMA_VERSION + " ("
            + cause.getMessage().lines().findFirst().orElse("") + "). Open it once as a user that may create "
            + "tables there (e.g. the database owner), grant this user CREATE on the schema, or name a schema "
            + "it owns with currentSchema=...", cause);
      }
      throw e;
    }
  }

  private void createSchema() {
    transaction(c -> {
      try (Statement statement = c.createStatement()) {
        if (dialect.migrationLock() != null) {
          statement.execute(dialect.migrationLock()); // another JVM may be creating it right now
        }
        statement.execute("CREATE TABLE IF NOT EXISTS uj_schema (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)");
        if (schemaVersion(c) >= SCHEMA_VERSION) {
          return null; // another JVM migrated while we waited for the lock
        }
        for (int version = schemaVersion(c) + 1; version <= SCHEMA_VERSION; version++) {
          String script = dialect.schema(resource("V" + version + ".sql")).lines()
              .filter(line -> !line.trim().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
          for (String sql : script.split(";")) {
            if (!sql.isBlank()) {
              statement.execute(sql.trim());
            }
          }
          statement.execute("INSERT INTO uj_schema (version, applied_at) VALUES (" + version + ", " + Micros.now() + ")");
        }
      }
      return null;
    });
  }

  private int schemaVersion() throws SQLException {
    return schemaVersion(connection());
  }

  /** The connection of low-rate writes and reads, reopened when it was lost. */
  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = openConnection();
    }
    return connection;
  }

  private void dropConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // it is gone either way
    }
    connection = null;
  }

  /**
   * Runs {@code work} on the connection. When the connection is lost, reconnects and, if
   * {@code retry}, runs it again until the database is back or {@link #RECONNECT_MILLIS} passed.
   */
  private synchronized <T> T withConnection(String verb, boolean retry, Work<T> work) {
    long deadline = System.currentTimeMillis() + RECONNECT_MILLIS;
    boolean warned = false;
    while (true) {
      try {
        return work.run(connection());
      } catch (SQLException e) {
        boolean lost = Dialect.connectionLost(e);
        if (lost) {
          dropConnection();
        }
        if (!lost || !retry || System.currentTimeMillis() > deadline) {
          throw new StoreException("Cannot " + verb + " the store " + location() + (lost ? " (connection lost)" : "")
              + ": " + e.getMessage(), e);
        }
        if (!warned) {
          warned = true;
          System.err.printf("[upgrade-junit] WARNING: lost the connection to the store %s (%s); retrying for up "
              + "to %d s.%n", location(), e.getMessage(), RECONNECT_MILLIS / 1000);
        }
        pause(1);
      }
    }
  }

  private static int schemaVersion(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM uj_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState()) || String.valueOf(e.getMessage()).contains("no such table")) {
        return 0; // a new, empty database
      }
      throw e;
    }
  }

  private static String resource(String name) {
    try (InputStream in = Store.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new StoreException("Schema resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("Cannot read schema resource " + name, e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Roll back after {@code failure} and return to autocommit, keeping {@code failure} the error:
   * when SQLite has already rolled back (disk full, read-only), rollback and the driver's
   * {@code commit} on leaving manual mode fail with "no transaction is active", which used to
   * replace the real cause ("database or disk is full") in every message.
   */
  static void abandon(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private <T> T transaction(Work<T> work) {
    return withConnection("write to", true, c -> {
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        abandon(c, e);
        throw e;
      }
      c.setAutoCommit(true);
      return result;
    });
  }

  private long update(String sql, Object... args) {
    return transaction(c -> {
      try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        bind(statement, args);
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
          return keys != null && keys.next() ? keys.getLong(1) : 0L;
        } catch (SQLException noKeys) {
          return 0L;
        }
      }
    });
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    return withConnection("read", true, c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        bind(statement, args);
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            rows.add(mapper.map(rs));
          }
        }
        return rows;
      }
    });
  }

  /**
   * Streams rows to {@code sink} in batches of 10,000, never holding all of them (PostgreSQL uses
   * a cursor only inside a transaction). Not retried: the sink may already have seen rows.
   */
  private <T> void stream(String sql, RowMapper<T> mapper, Consumer<T> sink, Object... args) {
    boolean cursor = dialect == Dialect.POSTGRESQL; // SQLite: a transaction would take the write lock
    withConnection("read", false, c -> {
      c.setAutoCommit(!cursor);
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        bind(statement, args);
        statement.setFetchSize(10_000);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            sink.accept(mapper.map(rs));
          }
        }
        if (cursor) {
          c.commit();
        }
        return null;
      } finally {
        if (!c.isClosed()) {
          c.setAutoCommit(true);
        }
      }
    });
  }

  static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Boolean b) {
        statement.setInt(i + 1, b ? 1 : 0);
      } else {
        statement.setObject(i + 1, arg);
      }
    }
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  // ---- runs and phases -------------------------------------------------------------------------

  /** Record a new open run. */
  public void createRun(String id, String resourcePrefix) {
    update("INSERT INTO runs (id, created_at, status, resource_prefix) VALUES (?, ?, 'open', ?)",
        id, Micros.now(), resourcePrefix);
  }

  /** A run by id. */
  public Optional<Run> run(String id) {
    return query("SELECT * FROM runs WHERE id = ?", Store::run, id).stream().findFirst();
  }

  /** The most recently created run that is still open. */
  public Optional<Run> latestOpenRun() {
    return query("SELECT * FROM runs WHERE closed_at IS NULL ORDER BY created_at DESC LIMIT 1", Store::run)
        .stream().findFirst();
  }

  /** Every run, newest first (for trends). */
  public List<Run> runs() {
    return query("SELECT * FROM runs ORDER BY created_at DESC", Store::run);
  }

  /** Close a run with a final status. */
  public void closeRun(String id, String status) {
    update("UPDATE runs SET closed_at = ?, status = ? WHERE id = ?", Micros.now(), status, id);
  }

  private static Run run(ResultSet rs) throws SQLException {
    return new Run(rs.getString("id"), rs.getLong("created_at"), nullableLong(rs, "closed_at"),
        rs.getString("status"), rs.getString("resource_prefix"));
  }

  /** Record that this runner started a phase; returns its id. */
  public long phaseStarted(String runId, String phase, String runner) {
    return update("INSERT INTO phases (run_id, phase, runner, started_at) VALUES (?, ?, ?, ?)",
        runId, phase, runner, Micros.now());
  }

  /** Record how a phase ended. */
  public void phaseFinished(long phaseId, String outcome) {
    update("UPDATE phases SET finished_at = ?, outcome = ? WHERE id = ?", Micros.now(), outcome, phaseId);
  }

  /** The phases of a run, in order. */
  public List<PhaseRecord> phases(String runId) {
    return query("SELECT * FROM phases WHERE run_id = ? ORDER BY started_at", rs -> new PhaseRecord(
        rs.getLong("id"), rs.getString("phase"), rs.getString("runner"), rs.getLong("started_at"),
        nullableLong(rs, "finished_at"), rs.getString("outcome")), runId);
  }

  // ---- events ----------------------------------------------------------------------------------

  /** Record an upgrade event, committed when this returns; returns its id. */
  public long event(String runId, long at, String type, String service, String host, String step, String detail,
      String runner) {
    return update("INSERT INTO events (run_id, at, type, service, host, step, detail, runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        runId, at, type, service, host, step, detail, runner);
  }

  /** The events of a run, in time order. */
  public List<Event> events(String runId) {
    return query("SELECT * FROM events WHERE run_id = ? ORDER BY at, id", rs -> new Event(rs.getLong("id"),
        rs.getLong("at"), rs.getString("type"), rs.getString("service"), rs.getString("host"), rs.getString("step"),
        rs.getString("detail"), rs.getString("runner")), runId);
  }

  // ---- samples, iterations, latencies, logs (written in batches) ----------------------------------

  /** Stream the samples of a run in (service, intended start) order without holding them in memory. */
  public void samples(String runId, Consumer<Sample> sink) {
    stream("SELECT * FROM samples WHERE run_id = ? ORDER BY service, intended_at", rs -> new Sample(
        rs.getString("service"), rs.getString("series"), rs.getLong("intended_at"), rs.getLong("started_at"),
        rs.getLong("latency_us"), rs.getInt("ok") == 1, rs.getString("error_class"), rs.getInt("status"),
        rs.getString("detail"), rs.getInt("control") == 1, rs.getString("runner")), sink, runId);
  }

  /** The number of samples of a run. */
  public long sampleCount(String runId) {
    return query("SELECT COUNT(*) FROM samples WHERE run_id = ?", rs -> rs.getLong(1), runId).get(0);
  }

  /** The iterations of the during checks of a run. */
  public List<Iteration> iterations(String runId) {
    return query("SELECT * FROM iterations WHERE run_id = ? ORDER BY started_at", rs -> new Iteration(
        rs.getString("check_id"), rs.getString("service"), rs.getLong("started_at"), rs.getLong("finished_at"),
        rs.getInt("ok") == 1, rs.getString("error"), rs.getString("step"), rs.getInt("in_window") == 1,
        rs.getString("runner")), runId);
  }

  /** The measured calls of {@code @MeasureLatency} methods. */
  public List<Latency> latencies(String runId) {
    return query("SELECT * FROM latencies WHERE run_id = ? ORDER BY at", rs -> new Latency(rs.getString("name"),
        rs.getString("phase"), rs.getLong("at"), rs.getLong("latency_us"), rs.getLong("expected_interval_us"),
        rs.getString("runner")), runId);
  }

  /** The stored output lines of a run from one source (or every source when {@code null}). */
  public List<Log> logs(String runId, String source) {
    RowMapper<Log> log = rs -> new Log(rs.getLong("at"), rs.getString("source"), rs.getString("line"),
        rs.getString("runner"));
    return source == null
        ? query("SELECT * FROM logs WHERE run_id = ? ORDER BY at", log, runId)
        : query("SELECT * FROM logs WHERE run_id = ? AND source = ? ORDER BY at", log, runId, source);
  }

  // ---- test results ----------------------------------------------------------------------------

  /** Record a test result. */
  public void testResult(String runId, TestResult r) {
    update("INSERT INTO test_results (run_id, phase, test_id, display_name, class_name, services, status, "
            + "started_at, finished_at, error, output, runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runId, r.phase(), r.testId(), r.displayName(), r.className(), r.services(), r.status(), r.startedAt(),
        r.finishedAt(), r.error(), r.output(), r.runner());
  }

  /** The test results of a run. */
  public List<TestResult> testResults(String runId) {
    return query("SELECT * FROM test_results WHERE run_id = ? ORDER BY id", rs -> new TestResult(
        rs.getString("phase"), rs.getString("test_id"), rs.getString("display_name"), rs.getString("class_name"),
        rs.getString("services"), rs.getString("status"), rs.getLong("started_at"), rs.getLong("finished_at"),
        rs.getString("error"), rs.getString("output"), rs.getString("runner")), runId);
  }

  // ---- persistent resources ----------------------------------------------------------------------

  /** Journal a resource before its create call: from now on cleanup knows its name. */
  public void resourcePlanned(String runId, String key, String service, String type, String name) {
    update("INSERT INTO resources (run_id, resource_key, service, type, name, state, created_at) "
        + "VALUES (?, ?, ?, ?, ?, 'planned', ?)", runId, key, service, type, name, Micros.now());
  }

  /** Journal the id of a resource as soon as the API returned it. */
  public void resourceIdKnown(String runId, String key, String resourceId) {
    update("UPDATE resources SET resource_id = ? WHERE run_id = ? AND resource_key = ?", resourceId, runId, key);
  }

  /** Complete the journal entry: created, with the fingerprint to verify against. */
  public void resourceCreated(String runId, String key, String resourceId, String fingerprint) {
    update("UPDATE resources SET resource_id = ?, state = 'created', fingerprint = ? WHERE run_id = ? AND resource_key = ?",
        resourceId, fingerprint, runId, key);
  }

  /** Mark a resource with a new state ({@code failed}, {@code deleted}, {@code leaked}) and an optional error. */
  public void resourceState(String runId, String key, String state, String error) {
    update("UPDATE resources SET state = ?, error = ?, deleted_at = CASE WHEN ? = 'deleted' THEN ? ELSE deleted_at END "
        + "WHERE run_id = ? AND resource_key = ?", state, error, state, Micros.now(), runId, key);
  }

  /** The journal of a run. */
  public List<Resource> resources(String runId) {
    return query("SELECT * FROM resources WHERE run_id = ? ORDER BY created_at", rs -> new Resource(
        rs.getString("resource_key"), rs.getString("service"), rs.getString("type"), rs.getString("name"),
        rs.getString("resource_id"), rs.getString("state"), rs.getString("fingerprint"), rs.getLong("created_at"),
        nullableLong(rs, "deleted_at"), rs.getString("error")), runId);
  }

  /** Record a verification of a resource. */
  public void resourceCheck(String runId, String key, String phase, String verdict, String details) {
    update("INSERT INTO resource_checks (run_id, resource_key, phase, at, verdict, details) VALUES (?, ?, ?, ?, ?, ?)",
        runId, key, phase, Micros.now(), verdict, details);
  }

  /** The verifications of a run's resources, in time order. */
  public List<ResourceCheck> resourceChecks(String runId) {
    return query("SELECT * FROM resource_checks WHERE run_id = ? ORDER BY at, id", rs -> new ResourceCheck(
        rs.getString("resource_key"), rs.getString("phase"), rs.getLong("at"), rs.getString("verdict"),
        rs.getString("details")), runId);
  }

  // ---- ledger and versions -------------------------------------------------------------------------

  /** Record a mutating request and its answer; returns its id. */
  public long ledgerRecord(String runId, String service, String operation, String target, String answer, int status,
      String fate, String runner) {
    return update("INSERT INTO ledger (run_id, service, operation, target, answer, status, at, fate, runner) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, service, operation, target, answer, status, Micros.now(), fate, runner);
  }

  /** Settle a ledger entry. */
  public void ledgerSettle(long id, String fate, String detail) {
    update("UPDATE ledger SET fate = ?, settled_at = ?, detail = ? WHERE id = ?", fate, Micros.now(), detail, id);
  }

  /** The ledger of a run. */
  public List<LedgerEntry> ledger(String runId) {
    return query("SELECT * FROM ledger WHERE run_id = ? ORDER BY id", rs -> new LedgerEntry(rs.getLong("id"),
        rs.getString("service"), rs.getString("operation"), rs.getString("target"), rs.getString("answer"),
        rs.getInt("status"), rs.getLong("at"), rs.getString("fate"), nullableLong(rs, "settled_at"),
        rs.getString("detail"), rs.getString("runner")), runId);
  }

  /** Record a version observation. */
  public void version(String runId, String service, String version, String releaseName, String runner) {
    update("INSERT INTO versions (run_id, service, at, version, release_name, runner) VALUES (?, ?, ?, ?, ?, ?)",
        runId, service, Micros.now(), version, releaseName, runner);
  }

  /** The version observations of a run, in time order. */
  public List<Version> versions(String runId) {
    return query("SELECT * FROM versions WHERE run_id = ? ORDER BY at", rs -> new Version(rs.getString("service"),
        rs.getLong("at"), rs.getString("version"), rs.getString("release_name"), rs.getString("runner")), runId);
  }

  // ---- reports ---------------------------------------------------------------------------------

  /** Keep a run's summary.json, so later reports can show trends without re-analysing old runs. */
  public void saveSummary(String runId, String summaryJson) {
    transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM reports WHERE run_id = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO reports (run_id, created_at, summary) VALUES (?, ?, ?)")) {
        bind(delete, runId);
        delete.executeUpdate();
        bind(insert, runId, Micros.now(), summaryJson);
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** The summary.json last saved for a run, if a report was made. */
  public Optional<String> summary(String runId) {
    return query("SELECT summary FROM reports WHERE run_id = ?", rs -> rs.getString(1), runId).stream().findFirst();
  }

  /** The saved summaries of every run, oldest first. */
  public List<String> summaries() {
    return query("SELECT r.summary FROM reports r JOIN runs u ON u.id = r.run_id ORDER BY u.created_at",
        rs -> rs.getString(1));
  }

  /** Flush pending batches, stop the writer and close the connection. */
  @Override
  public synchronized void close() {
    writer.close();
    if (connection == null) {
      return;
    }
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException ignored) {
          // another JVM holds the database; the checkpoint happens later
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Cannot close the store " + location() + ": " + e.getMessage(), e);
    }
  }
}
