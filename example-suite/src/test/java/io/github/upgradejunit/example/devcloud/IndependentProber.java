package io.github.upgradejunit.example.devcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/independent-prober}: a curl loop that shares no code with ours, started by a test
 * as a witness. Its failure windows are bracketed like ours: at least from the first to the last
 * failed request, at most from the last good request before to the first good one after, each
 * request taken at the instant it was sent.
 */
final class IndependentProber implements AutoCloseable {

  /** One failure window the witness saw, in epoch microseconds. */
  record Window(long lowerStart, long lowerEnd, long upperStart, long upperEnd, int failed) {
    double lowerMs() {
      return (lowerEnd - lowerStart) / 1_000.0;
    }

    double upperMs() {
      return (upperEnd - upperStart) / 1_000.0;
    }

    double estimateMs() {
      return (lowerMs() + upperMs()) / 2;
    }
  }

  private record Request(long start, long end, boolean ok) {
  }

  final int intervalMs;
  private final Path output;
  private final Process process;

  private IndependentProber(Path script, String url, int intervalMs, int timeoutSeconds, Path output,
      List<String> curlArguments) throws IOException {
    this.intervalMs = intervalMs;
    this.output = output;
    List<String> command = new ArrayList<>(List.of(script.toString(), url, Integer.toString(intervalMs),
        output.toString(), Integer.toString(timeoutSeconds)));
    command.addAll(curlArguments);
    this.process = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile())
        .start();
  }

  /**
   * Start it; {@code timeoutSeconds} should be our probes' deadline, since what counts as down
   * depends on how long a client waits (a Keystone loading its app answers late, not never).
   * {@code curlArguments} go to every curl as they are (headers, say).
   */
  static IndependentProber start(Path script, String url, int intervalMs, int timeoutSeconds, Path output,
      String... curlArguments) throws IOException {
    return new IndependentProber(script, url, intervalMs, timeoutSeconds, output, List.of(curlArguments));
  }

  /**
   * The failure windows seen so far: runs of consecutive failed requests. Like our own samples,
   * each request counts at the instant it was sent (a request that timed out tells that the
   * service did not answer one sent then, not when it recovered).
   */
  List<Window> windows() throws IOException {
    List<Request> requests = new ArrayList<>();
    for (String line : Files.readAllLines(output)) {
      String[] field = line.trim().split("\\s+");
      if (field.length == 3) {
        int code = Integer.parseInt(field[2]);
        requests.add(new Request(Long.parseLong(field[0]), Long.parseLong(field[1]), code >= 200 && code < 400));
      }
    }
    List<Window> windows = new ArrayList<>();
    int i = 0;
    while (i < requests.size()) {
      if (requests.get(i).ok()) {
        i++;
        continue;
      }
      int last = i;
      while (last + 1 < requests.size() && !requests.get(last + 1).ok()) {
        last++;
      }
      long upperStart = requests.get(i > 0 ? i - 1 : i).start();
      long upperEnd = requests.get(last + 1 < requests.size() ? last + 1 : last).start();
      windows.add(new Window(requests.get(i).start(), requests.get(last).start(), upperStart, upperEnd, last - i + 1));
      i = last + 1;
    }
    return windows;
  }

  /**
   * The median time between the starts of its requests: its real resolution, which on a busy
   * machine is coarser than the interval asked for (each request is a curl process).
   */
  double spacingMs() throws IOException {
    List<Long> starts = new ArrayList<>();
    for (String line : Files.readAllLines(output)) {
      String[] field = line.trim().split("\\s+");
      if (field.length == 3) {
        starts.add(Long.parseLong(field[0]));
      }
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < starts.size(); i++) {
      gaps.add(starts.get(i) - starts.get(i - 1));
    }
    gaps.sort(null);
    return gaps.isEmpty() ? intervalMs : Math.max(intervalMs, gaps.get(gaps.size() / 2) / 1_000.0);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
