package io.github.upgradejunit.openstack.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop prober like the real monitor: a GET every interval, each sample timestamped at
 * request start, a slow request never delaying the next.
 */
final class Prober implements AutoCloseable {

  record Sample(Instant start, boolean ok, String outcome) {
  }

  /** A run of failed samples, with the estimate halfway between the neighbouring samples. */
  record FailureWindow(Instant start, Instant end, int samples) {
    Duration duration() {
      return Duration.between(start, end);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(1)).build();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService requests = Executors.newCachedThreadPool();
  private final List<Sample> samples = new ArrayList<>();
  private final String url;
  private final String[] headers;

  Prober(String url, Duration interval, String... headers) {
    this.url = url;
    this.headers = headers;
    ticker.scheduleAtFixedRate(() -> requests.submit(this::probe), 0, interval.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private void probe() {
    Instant start = Instant.now();
    Sample sample;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2));
      if (headers.length > 0) {
        request.headers(headers);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean ok = response.statusCode() < 400;
      sample = new Sample(start, ok, Integer.toString(response.statusCode()));
    } catch (Exception e) {
      sample = new Sample(start, false, e.getClass().getSimpleName());
    }
    synchronized (samples) {
      samples.add(sample);
    }
  }

  List<Sample> samples() {
    synchronized (samples) {
      List<Sample> copy = new ArrayList<>(samples);
      copy.sort(Comparator.comparing(Sample::start));
      return copy;
    }
  }

  List<FailureWindow> failureWindows() {
    List<Sample> sorted = samples();
    List<FailureWindow> windows = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      if (sorted.get(i).ok()) {
        i++;
        continue;
      }
      int first = i;
      while (i < sorted.size() && !sorted.get(i).ok()) {
        i++;
      }
      Instant start = first == 0 ? sorted.get(first).start()
          : midpoint(sorted.get(first - 1).start(), sorted.get(first).start());
      Instant end = i >= sorted.size() ? sorted.get(i - 1).start()
          : midpoint(sorted.get(i - 1).start(), sorted.get(i).start());
      windows.add(new FailureWindow(start, end, i - first));
    }
    return windows;
  }

  private static Instant midpoint(Instant a, Instant b) {
    return a.plus(Duration.between(a, b).dividedBy(2));
  }

  @Override
  public void close() throws InterruptedException {
    ticker.shutdownNow();
    requests.shutdown();
    requests.awaitTermination(5, TimeUnit.SECONDS);
  }
}
