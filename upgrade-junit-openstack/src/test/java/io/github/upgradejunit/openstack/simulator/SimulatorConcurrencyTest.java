package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.openstack.simulator.GroundTruth.Outage;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients while every kind of fault flips: nothing hangs, state and truth stay sane. */
class SimulatorConcurrencyTest {

  @Test
  void clientsAndFaultsRaceWithoutHangsOrBrokenTruth() throws Exception {
    try (OpenStackSimulator cloud = OpenStackSimulator.builder().maxServersPerProject(1000)
        .backends(SimulatedService.COMPUTE, 2).serverBuildTime(Duration.ofMillis(20))
        .serverDeleteTime(Duration.ZERO).start()) {
      cloud.beginPlaying("stress");
      String token = RawHttp.token(cloud);
      RawHttp.method("PUT", cloud.objectStoreUrl() + "/stress", null, "X-Auth-Token", token);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(9);
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int client = i;
        clients.add(pool.submit(() -> {
          for (int n = 0; running.get(); n++) {
            try {
              exercise(cloud, token, client, n);
              answered.incrementAndGet();
            } catch (UncheckedIOException e) {
              answered.incrementAndGet(); // refused or cut while the port was closed
            }
          }
          return null;
        }));
      }
      Future<?> chaos = pool.submit(() -> {
        for (int round = 0; round < 15; round++) {
          cloud.takeDown(SimulatedService.COMPUTE, 1 + round % 2);
          cloud.setLatencyFactor(SimulatedService.OBJECT_STORE, 1 + round % 3);
          cloud.dropServerCreates(round % 2 == 0 ? 30 : 0);
          cloud.loseServers("c" + round % 8, 1);
          cloud.corruptObjects("stress", null, 1);
          Thread.sleep(40);
          cloud.bringUp(SimulatedService.COMPUTE, 1 + round % 2, round % 2 == 0 ? "2.95" : "2.93");
          cloud.closeListener(SimulatedService.OBJECT_STORE);
          Thread.sleep(20);
          cloud.reopenListener(SimulatedService.OBJECT_STORE);
          cloud.takeDownAll(SimulatedService.IDENTITY);
          Thread.sleep(20);
          cloud.bringUpAll(SimulatedService.IDENTITY);
        }
        cloud.setLatencyFactor(SimulatedService.OBJECT_STORE, 1);
        cloud.dropServerCreates(0);
        return null;
      });
      chaos.get(30, TimeUnit.SECONDS);
      running.set(false);
      for (Future<?> client : clients) {
        client.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(answered.get()).isGreaterThan(100);
      assertThat(RawHttp.get(cloud.computeUrl() + "/servers", "X-Auth-Token", token).statusCode())
          .isEqualTo(200);
      assertThat(RawHttp.get(cloud.objectStoreUrl() + "/stress", "X-Auth-Token", token).statusCode())
          .isIn(200, 204);
      cloud.endPlaying();
      GroundTruth truth = cloud.truth();
      assertThat(truth.outages()).isNotEmpty().allSatisfy(o -> {
        assertThat(o.end()).isNotNull();
        assertThat(o.end()).isAfterOrEqualTo(o.start());
      });
      assertNoOverlap(truth.outages());
    }
  }

  private static void exercise(OpenStackSimulator cloud, String token, int client, int n) {
    String image = ComputeStore.IMAGES.get(0).id();
    HttpResponse<String> created = RawHttp.post(cloud.computeUrl() + "/servers",
        "{\"server\":{\"name\":\"c" + client + "-" + n + "\",\"imageRef\":\"" + image
            + "\",\"flavorRef\":\"1\"}}", "X-Auth-Token", token);
    assertThat(created.statusCode()).isIn(202, 502, 503);
    RawHttp.get(cloud.computeUrl() + "/servers/detail?limit=5", "X-Auth-Token", token);
    String object = cloud.objectStoreUrl() + "/stress/o" + client + "-" + (n % 4);
    RawHttp.method("PUT", object, "payload-" + n, "X-Auth-Token", token);
    RawHttp.get(object, "X-Auth-Token", token);
    RawHttp.get(cloud.authUrl());
  }

  /** Per service and backend, intervals follow each other; a partial never overlaps a whole one. */
  private static void assertNoOverlap(List<Outage> outages) {
    for (Outage a : outages) {
      for (Outage b : outages) {
        boolean sameService = a != b && a.service() == b.service();
        boolean related = sameService && (a.backend() == null || b.backend() == null
            || a.backend().equals(b.backend()));
        if (related) {
          boolean overlap = a.start().isBefore(b.end()) && b.start().isBefore(a.end());
          assertThat(overlap).as("%s overlaps %s", a, b).isFalse();
        }
      }
    }
  }
}
