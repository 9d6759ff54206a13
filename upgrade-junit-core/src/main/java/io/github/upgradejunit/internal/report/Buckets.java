package io.github.upgradejunit.internal.report;

/**
 * Probe samples of one service downsampled into a fixed number of equal time buckets: successes,
 * failures and the summed latency of the successes per bucket. This is what keeps the report's size
 * and memory bounded: a timeline draws at most {@link #size()} buckets however many samples a run
 * took.
 */
final class Buckets {

  private final long fromMicros;
  private final long spanMicros;
  private final int[] ok;
  private final int[] failed;
  private final long[] okLatencyMicros;

  Buckets(long fromMicros, long toMicros, int size) {
    this.fromMicros = fromMicros;
    this.spanMicros = Math.max(1, toMicros - fromMicros);
    this.ok = new int[size];
    this.failed = new int[size];
    this.okLatencyMicros = new long[size];
  }

  int size() {
    return ok.length;
  }

  /** Whether a moment falls inside the buckets' span. */
  boolean covers(long micros) {
    return micros >= fromMicros && micros - fromMicros <= spanMicros;
  }

  /** Count one sample; samples outside the span count in the first or last bucket. */
  void add(long intendedMicros, boolean success, long latencyMicros) {
    int i = index(intendedMicros);
    if (success) {
      ok[i]++;
      okLatencyMicros[i] += latencyMicros;
    } else {
      failed[i]++;
    }
  }

  private int index(long micros) {
    long offset = Math.max(0, micros - fromMicros);
    return (int) Math.min(ok.length - 1, offset * ok.length / spanMicros);
  }

  /** The first moment of a bucket. */
  long startMicros(int bucket) {
    return fromMicros + spanMicros * bucket / ok.length;
  }

  /** The moment after a bucket. */
  long endMicros(int bucket) {
    return fromMicros + spanMicros * (bucket + 1) / ok.length;
  }

  int ok(int bucket) {
    return ok[bucket];
  }

  int failed(int bucket) {
    return failed[bucket];
  }

  int samples(int bucket) {
    return ok[bucket] + failed[bucket];
  }

  /** The mean latency of a bucket's successes in milliseconds, or -1 without any. */
  double meanLatencyMs(int bucket) {
    return ok[bucket] == 0 ? -1 : okLatencyMicros[bucket] / (double) ok[bucket] / 1000.0;
  }
}
