package io.github.upgradejunit.internal.monitor;

import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Sample;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The open-loop prober: every probe is started at a fixed rate on its own schedule, each call on a
 * pooled thread, so a slow or hung call never delays the next one (no coordinated omission). Each
 * call has a whole-call deadline enforced here, not by the probe: when it passes, a
 * {@link ErrorClass#TIMEOUT} sample is recorded at once and the late answer is ignored.
 *
 * <p>Sample times come from one monotonic clock anchored to the wall clock at start, so a wall-clock
 * step during a long run cannot reorder samples. The intended start is the tick's nominal time; the
 * actual start is when a thread picked the call up.
 *
 * <p>Every probe runs at its own {@link Probe#rate()} and {@link Probe#deadline()} when it has
 * them, else at the scheduler's. Probes can be added and removed while running (a persistent
 * resource's data-plane probes live as long as the resource).
 */
public final class ProbeScheduler implements AutoCloseable {

  /** Calls allowed in flight at once over all probes; beyond it a call is recorded as an overload. */
  static final int MAX_IN_FLIGHT = 512;

  private final List<Probe> probes;
  private final long periodNanos;
  private final Duration deadline;
  private final Consumer<Sample> sink;
  private final String runner;
  private final ScheduledExecutorService ticker;
  private final ThreadPoolExecutor workers;
  private final Map<String, SeriesCounts> counts = new ConcurrentHashMap<>();
  private final long baseNanos = System.nanoTime();
  private final long baseMicros = Micros.now();
  private final Map<String, ScheduledFuture<?>> ticks = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /** Live counts of one series, for progress lines. */
  public static final class SeriesCounts {
    final AtomicLong samples = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    public long samples() {
      return samples.get();
    }

    public long failed() {
      return failed.get();
    }
  }

  public ProbeScheduler(List<Probe> probes, double ratePerSecond, Duration deadline, String runner,
      Consumer<Sample> sink) {
    this.probes = List.copyOf(probes);
    this.periodNanos = Math.max(1, Math.round(1_000_000_000d / ratePerSecond));
    this.deadline = deadline;
    this.sink = sink;
    this.runner = runner;
    AtomicInteger n = new AtomicInteger();
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "upgrade-junit-probe-ticker"));
    this.workers = new ThreadPoolExecutor(0, MAX_IN_FLIGHT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> daemon(r, "upgrade-junit-probe-" + n.incrementAndGet()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The default probe interval, of probes without a rate of their own. */
  public Duration interval() {
    return Duration.ofNanos(periodNanos);
  }

  /** The interval of one probe: its own rate's, else the default. */
  public Duration intervalOf(Probe probe) {
    return Duration.ofNanos(periodOf(probe));
  }

  private long periodOf(Probe probe) {
    return probe.rate().isPresent() ? Math.max(1, Math.round(1_000_000_000d / probe.rate().getAsDouble()))
        : periodNanos;
  }

  private Duration deadlineOf(Probe probe) {
    return probe.deadline().orElse(deadline);
  }

  /** Start every probe, spreading their first calls over one period so they do not fire in step. */
  public void start() {
    for (int i = 0; i < probes.size(); i++) {
      add(probes.get(i), periodNanos * i / Math.max(1, probes.size()));
    }
  }

  /**
   * Add a probe while running (a persistent resource's data-plane probe, for example); a probe of a
   * series that is already running is ignored.
   */
  public void add(Probe probe) {
    add(probe, 0);
  }

  /** Stop probing a series; calls in flight still record their samples. */
  public void remove(String series) {
    ScheduledFuture<?> tick = ticks.remove(series);
    if (tick != null) {
      tick.cancel(false);
    }
  }

  private void add(Probe probe, long offsetNanos) {
    if (stopped || ticks.containsKey(probe.series())) {
      return;
    }
    counts.putIfAbsent(probe.series(), new SeriesCounts());
    long period = periodOf(probe);
    long first = System.nanoTime() + offsetNanos;
    AtomicLong tick = new AtomicLong();
    ticks.put(probe.series(), ticker.scheduleAtFixedRate(() -> fire(probe, first + tick.getAndIncrement() * period),
        offsetNanos, period, TimeUnit.NANOSECONDS));
  }

  private void fire(Probe probe, long intendedNanos) {
    if (stopped) {
      return;
    }
    AtomicBoolean recorded = new AtomicBoolean();
    try {
      workers.execute(() -> call(probe, intendedNanos, recorded));
    } catch (RejectedExecutionException e) {
      record(probe, intendedNanos, System.nanoTime(), 0, ProbeResult.failed(ErrorClass.OTHER,
          "probe overload: " + MAX_IN_FLIGHT + " calls already in flight"), recorded);
    }
  }

  private void call(Probe probe, long intendedNanos, AtomicBoolean recorded) {
    long start = System.nanoTime();
    Duration deadline = deadlineOf(probe);
    ScheduledFuture<?> watchdog;
    try {
      watchdog = ticker.schedule(() -> record(probe, intendedNanos, start, deadline.toNanos(),
          ProbeResult.failed(ErrorClass.TIMEOUT, "no answer within " + deadline.toMillis() + " ms"), recorded),
          deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      return; // the monitor stopped between the tick and this call: no sample, none invented
    }
    ProbeResult result;
    try {
      result = probe.call(deadline);
    } catch (Throwable failure) {
      result = ProbeResult.failed(ErrorClass.of(failure), describe(failure));
    }
    watchdog.cancel(false);
    record(probe, intendedNanos, start, System.nanoTime() - start, result, recorded);
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private void record(Probe probe, long intendedNanos, long startNanos, long latencyNanos, ProbeResult result,
      AtomicBoolean recorded) {
    if (!recorded.compareAndSet(false, true)) {
      return;
    }
    SeriesCounts c = counts.get(probe.series());
    c.samples.incrementAndGet();
    if (!result.isSuccess()) {
      c.failed.incrementAndGet();
    }
    sink.accept(new Sample(probe.service(), probe.series(), wall(intendedNanos), wall(startNanos),
        latencyNanos / 1_000, result.isSuccess(), result.isSuccess() ? null : result.error().name(), result.status(),
        result.isSuccess() ? null : truncate(result.detail()), probe.control(), runner));
  }

  private static String truncate(String detail) {
    return detail.length() <= 300 ? detail : detail.substring(0, 300) + "...";
  }

  private long wall(long nanos) {
    return baseMicros + (nanos - baseNanos) / 1_000;
  }

  /** Live counts per series. */
  public Map<String, SeriesCounts> counts() {
    return counts;
  }

  /** Stop starting calls; calls in flight finish or time out on their own. */
  @Override
  public void close() {
    stopped = true;
    ticks.values().forEach(t -> t.cancel(false));
    ticker.shutdown();
    workers.shutdown();
    try {
      ticker.awaitTermination(deadline.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      workers.awaitTermination(deadline.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
