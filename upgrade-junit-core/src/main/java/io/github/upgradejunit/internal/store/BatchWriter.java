package io.github.upgradejunit.internal.store;

import io.github.upgradejunit.internal.store.Rows.Iteration;
import io.github.upgradejunit.internal.store.Rows.Latency;
import io.github.upgradejunit.internal.store.Rows.Sample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one writer thread of a JVM for high-rate rows. Producers never block: rows go into a bounded
 * queue, and the writer commits them in batches, one IMMEDIATE transaction per flush (every
 * {@value #FLUSH_MILLIS} ms or {@value #BATCH_ROWS} rows). If the database refuses a batch (disk full,
 * read-only, locked too long) the rows stay queued and are retried; when the queue is full, new rows
 * are counted as dropped rather than growing memory without bound. What was committed stays
 * committed, even after {@code kill -9}. A lost PostgreSQL connection is such a refusal: the writer
 * warns, reconnects every half second, and when the database is back writes what it kept and says so.
 * The queue holds {@value #CAPACITY} rows (about 200 bytes each): at 3 services probed at 10 Hz,
 * more than nine hours of samples.
 */
public final class BatchWriter implements AutoCloseable {

  static final int FLUSH_MILLIS = 200;
  static final int BATCH_ROWS = 20_000;
  static final int CAPACITY = 1_000_000;

  /** A pending row: its insert statement and values. */
  record Row(String sql, Object[] values) {
  }

  /** Opens the writer's own connection. */
  @FunctionalInterface
  interface ConnectionFactory {
    Connection open() throws SQLException;
  }

  private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final List<Row> retry = new ArrayList<>();
  private final ConnectionFactory factory;
  private final String location;
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong enqueued = new AtomicLong();
  private final Object flushed = new Object();
  private volatile String lastError;
  private volatile boolean closing;
  private Thread thread;
  private Connection connection;

  BatchWriter(ConnectionFactory factory, String location) {
    this.factory = factory;
    this.location = location;
  }

  private synchronized void ensureStarted() {
    if (thread == null && !closing) {
      thread = new Thread(this::loop, "upgrade-junit-store-writer");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Queue a probe sample. */
  public void sample(String runId, Sample s) {
    add("INSERT INTO samples (run_id, service, series, intended_at, started_at, latency_us, ok, error_class, status, "
            + "detail, control, runner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runId, s.service(), s.series(), s.intendedAt(), s.startedAt(), s.latencyMicros(), s.ok(), s.errorClass(),
        s.status(), s.detail(), s.control(), s.runner());
  }

  /** Queue a during-check iteration. */
  public void iteration(String runId, Iteration i) {
    add("INSERT INTO iterations (run_id, check_id, service, started_at, finished_at, ok, error, step, in_window, runner) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runId, i.checkId(), i.service(), i.startedAt(), i.finishedAt(), i.ok(), i.error(), i.step(), i.inWindow(),
        i.runner());
  }

  /** Queue a measured call. */
  public void latency(String runId, Latency l) {
    add("INSERT INTO latencies (run_id, name, phase, at, latency_us, expected_interval_us, runner) VALUES (?, ?, ?, ?, ?, ?, ?)",
        runId, l.name(), l.phase(), l.at(), l.latencyMicros(), l.expectedIntervalMicros(), l.runner());
  }

  /** Queue a line of output. */
  public void log(String runId, String source, String line, String runner) {
    add("INSERT INTO logs (run_id, at, source, line, runner) VALUES (?, ?, ?, ?, ?)",
        runId, Micros.now(), source, line, runner);
  }

  private void add(String sql, Object... values) {
    if (closing) {
      dropped.incrementAndGet();
      return;
    }
    ensureStarted();
    if (queue.offer(new Row(sql, values))) {
      enqueued.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  /** Rows committed so far by this writer. */
  public long committed() {
    return committed.get();
  }

  /** Rows refused because the queue was full or the writer closed. */
  public long dropped() {
    return dropped.get();
  }

  /** The last error the database gave, or {@code null}. */
  public String lastError() {
    return lastError;
  }

  /**
   * Wait until every row queued before this call is committed, or the timeout passes.
   *
   * @return true when everything queued so far is committed
   */
  public boolean flush(long timeoutMillis) throws InterruptedException {
    long target = enqueued.get();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (flushed) {
      while (committed.get() < target) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        flushed.wait(Math.min(left, FLUSH_MILLIS));
      }
    }
    return true;
  }

  private void loop() {
    long lastWarning = 0;
    long failingSince = 0;
    while (!(closing && queue.isEmpty() && retry.isEmpty())) {
      try {
        List<Row> batch = nextBatch();
        if (batch.isEmpty()) {
          continue;
        }
        if (commit(batch)) {
          if (failingSince != 0) {
            System.err.printf("[upgrade-junit] the store %s is back after %d s; writing the rows kept in memory "
                + "(%d still queued).%n", location, (System.currentTimeMillis() - failingSince) / 1000, queue.size());
            failingSince = 0;
          }
        } else {
          failingSince = failingSince == 0 ? System.currentTimeMillis() : failingSince;
          retry.addAll(0, batch);
          if (System.currentTimeMillis() - lastWarning > 10_000) {
            lastWarning = System.currentTimeMillis();
            System.err.printf("[upgrade-junit] WARNING: cannot write %d rows to the store %s (%s); keeping them "
                + "in memory and retrying. Rows committed so far are safe.%n", batch.size(), location, lastError);
          }
          if (closing) {
            dropped.addAndGet(retry.size() + queue.size());
            retry.clear();
            queue.clear();
            break;
          }
          Thread.sleep(500);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closing = true;
      }
    }
    closeConnection();
    synchronized (flushed) {
      flushed.notifyAll();
    }
  }

  private List<Row> nextBatch() throws InterruptedException {
    List<Row> batch = new ArrayList<>(retry);
    retry.clear();
    if (batch.isEmpty()) {
      Row first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
      if (first == null) {
        return batch;
      }
      batch.add(first);
      if (!closing) {
        Thread.sleep(Math.max(0, FLUSH_MILLIS / 4)); // let a burst accumulate into one transaction
      }
    }
    queue.drainTo(batch, BATCH_ROWS - batch.size());
    return batch;
  }

  private boolean commit(List<Row> batch) {
    try {
      if (connection == null || connection.isClosed()) {
        connection = factory.open();
      }
      connection.setAutoCommit(false);
      Map<String, PreparedStatement> statements = new LinkedHashMap<>();
      try {
        for (Row row : batch) {
          PreparedStatement statement = statements.get(row.sql());
          if (statement == null) {
            statement = connection.prepareStatement(row.sql());
            statements.put(row.sql(), statement);
          }
          Store.bind(statement, row.values());
          statement.addBatch();
        }
        for (PreparedStatement statement : statements.values()) {
          statement.executeBatch();
        }
        connection.commit();
      } catch (SQLException e) {
        for (PreparedStatement statement : statements.values()) {
          closeQuietly(statement, e);
        }
        Store.abandon(connection, e); // keeps e, the real cause, as the error
        throw e;
      }
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      // back to autocommit: the SQLite driver would otherwise begin the next IMMEDIATE
      // transaction at once and hold the write lock between batches, blocking every other writer
      connection.setAutoCommit(true);
      committed.addAndGet(batch.size());
      synchronized (flushed) {
        flushed.notifyAll();
      }
      return true;
    } catch (SQLException e) {
      lastError = e.getMessage();
      closeConnection();
      return false;
    }
  }

  private static void closeQuietly(PreparedStatement statement, SQLException failure) {
    try {
      statement.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the connection is gone either way
    }
    connection = null;
  }

  /** Commit what is queued (retrying for up to 10 s) and stop the writer thread. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      closing = true;
      running = thread;
    }
    if (running != null) {
      try {
        running.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (dropped.get() > 0) {
      System.err.printf("[upgrade-junit] WARNING: %d rows could not be written to the store %s (%s).%n",
          dropped.get(), location, lastError == null ? "queue full" : lastError);
    }
  }
}
