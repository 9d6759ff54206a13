package io.github.upgradejunit.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.store.Rows.Sample;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The prober is open-loop: a hung target never delays the next request, and every failure is classified. */
class ProbeSchedulerTests {

  private final List<Sample> samples = new CopyOnWriteArrayList<>();

  @Test
  void aHungTargetYieldsTimeoutSamplesAtTheFullRate() throws Exception {
    Probe hangs = Probe.of("compute", "compute/hang", deadline -> {
      Thread.sleep(10_000);
      return ProbeResult.success();
    });
    try (ProbeScheduler scheduler = new ProbeScheduler(List.of(hangs), 20, Duration.ofMillis(200), "me", samples::add)) {
      scheduler.start();
      Thread.sleep(1_250);
    }

    // 20/s for about one second after the 200 ms deadline: every intended start yields a sample
    // (those whose deadline the close cut short are whatever the interrupted probe threw)
    assertThat(samples).hasSizeBetween(18, 26);
    List<Sample> timedOut = samples.subList(0, samples.size() - 4);
    assertThat(timedOut).allMatch(s -> "TIMEOUT".equals(s.errorClass()));
    assertThat(timedOut).allMatch(s -> s.latencyMicros() == 200_000);
    for (int i = 1; i < samples.size(); i++) {
      long spacing = samples.get(i).intendedAt() - samples.get(i - 1).intendedAt();
      assertThat(spacing).isBetween(49_000L, 51_000L);
    }
  }

  @Test
  void exceptionsAndStatusesAreClassified() throws Exception {
    AtomicBoolean refuse = new AtomicBoolean(true);
    Probe flips = Probe.of("identity", "identity/x", deadline -> {
      if (refuse.getAndSet(false)) {
        throw new ConnectException("Connection refused");
      }
      return ProbeResult.ofStatus(503);
    });
    try (ProbeScheduler scheduler = new ProbeScheduler(List.of(flips), 20, Duration.ofSeconds(1), "me", samples::add)) {
      scheduler.start();
      Thread.sleep(300);
    }

    assertThat(samples.get(0).errorClass()).isEqualTo("CONNECT");
    assertThat(samples.get(0).detail()).contains("Connection refused");
    assertThat(samples.subList(1, samples.size())).allMatch(s -> "HTTP_5XX".equals(s.errorClass()) && s.status() == 503);
  }
}
