package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.upgradejunit.openstack.simulator.GroundTruth.Outage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The virtual haproxy: round-robin without health checks, drains, hard outages, versions. */
class SimulatorLoadBalancerTest {

  private OpenStackSimulator cloud;

  @BeforeEach
  void startCloud() throws IOException {
    cloud = OpenStackSimulator.builder().backends(SimulatedService.IDENTITY, 3)
        .backends(SimulatedService.COMPUTE, 2).baseLatency(Duration.ZERO).start();
  }

  @AfterEach
  void stopCloud() {
    cloud.close();
  }

  private int failuresOf(int requests) {
    int failures = 0;
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> response = RawHttp.get(cloud.authUrl());
      if (response.statusCode() != 200) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(response.body()).contains("No server is available to handle this request.");
        failures++;
      }
    }
    return failures;
  }

  @Test
  void aDownBackendAmongThreeFailsAThirdOfRequests() {
    cloud.takeDown(SimulatedService.IDENTITY, 2);
    assertThat(failuresOf(300)).isBetween(95, 105);
    cloud.bringUp(SimulatedService.IDENTITY, 2);
    assertThat(failuresOf(30)).isZero();

    Outage partial = cloud.truth().outages().get(0);
    assertThat(partial.backend()).isEqualTo(2);
    assertThat(partial.partial()).isTrue();
    assertThat(partial.end()).isNotNull();
    assertThat(cloud.truth().wholeServiceOutages()).isEmpty();
  }

  @Test
  void aDrainedBackendFailsNoRequests() {
    cloud.drain(SimulatedService.IDENTITY, 2);
    cloud.takeDown(SimulatedService.IDENTITY, 2);
    assertThat(failuresOf(100)).isZero();
    cloud.bringUp(SimulatedService.IDENTITY, 2);
    cloud.undrain(SimulatedService.IDENTITY, 2);

    Set<String> backends = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      backends.add(RawHttp.get(cloud.authUrl()).headers().firstValue("X-Simulator-Backend").orElseThrow());
    }
    assertThat(backends).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(cloud.truth().outages()).isEmpty();
  }

  @Test
  void allBackendsDownFailsEveryRequestWithHaproxys503() {
    cloud.takeDownAll(SimulatedService.IDENTITY);
    assertThat(failuresOf(20)).isEqualTo(20);
    cloud.bringUpAll(SimulatedService.IDENTITY);
    assertThat(failuresOf(20)).isZero();

    assertThat(cloud.truth().outages()).singleElement().satisfies(outage -> {
      assertThat(outage.backend()).isNull();
      assertThat(outage.failure()).isEqualTo("http-503");
      assertThat(outage.duration()).isPresent();
    });
  }

  @Test
  void aClosedListenerRefusesConnectionsAndReopensOnTheSamePort() throws IOException {
    int port = cloud.port(SimulatedService.COMPUTE);
    for (int round = 0; round < 3; round++) {
      cloud.closeListener(SimulatedService.COMPUTE);
      assertThat(cloud.isListening(SimulatedService.COMPUTE)).isFalse();
      assertThatThrownBy(() -> RawHttp.get(computeRoot()))
          .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
      cloud.reopenListener(SimulatedService.COMPUTE);
      assertThat(cloud.port(SimulatedService.COMPUTE)).isEqualTo(port);
      assertThat(RawHttp.get(computeRoot()).statusCode()).isEqualTo(200);
    }
    assertThat(cloud.truth().outages()).hasSize(3)
        .allSatisfy(o -> assertThat(o.failure()).isEqualTo("connection-refused"));
  }

  @Test
  void backendsReportTheirOwnVersionDuringARollingUpgrade() {
    cloud.setVersion(SimulatedService.COMPUTE, 1, "2.95");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      seen.add(RawHttp.json(RawHttp.get(computeRoot())).at("/versions/1/version").asText());
    }
    assertThat(seen).containsExactlyInAnyOrder("2.93", "2.95");
    assertThat(cloud.versions(SimulatedService.COMPUTE)).containsExactly("2.95", "2.93");
    assertThat(cloud.truth().versions()).singleElement().satisfies(change -> {
      assertThat(change.from()).isEqualTo("2.93");
      assertThat(change.to()).isEqualTo("2.95");
      assertThat(change.backend()).isEqualTo(1);
    });
  }

  @Test
  void latencyFactorSlowsServedRequests() throws IOException {
    try (OpenStackSimulator slow = OpenStackSimulator.builder()
        .baseLatency(SimulatedService.OBJECT_STORE, Duration.ofMillis(20)).start()) {
      String health = slow.baseUrl(SimulatedService.OBJECT_STORE) + "/healthcheck";
      RawHttp.get(health);
      slow.setLatencyFactor(SimulatedService.OBJECT_STORE, 5);
      long start = System.nanoTime();
      RawHttp.get(health);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
      slow.setLatencyFactor(SimulatedService.OBJECT_STORE, 1);
      assertThat(slow.truth().faults()).singleElement().satisfies(f -> {
        assertThat(f.type()).isEqualTo("latency");
        assertThat(f.end()).isNotNull();
      });
    }
  }

  @Test
  void serversDisappearAndObjectsChangeWhenFaultsAreInjected() {
    String token = RawHttp.token(cloud);
    String image = ComputeStore.IMAGES.get(0).id();
    RawHttp.post(cloud.computeUrl() + "/servers", "{\"server\":{\"name\":\"keep-me\",\"imageRef\":\""
        + image + "\",\"flavorRef\":\"1\"}}", "X-Auth-Token", token);
    assertThat(cloud.loseServers("keep", 1)).containsExactly("keep-me");
    assertThat(RawHttp.json(RawHttp.get(cloud.computeUrl() + "/servers", "X-Auth-Token", token))
        .get("servers")).isEmpty();

    String object = cloud.objectStoreUrl() + "/data/blob";
    RawHttp.method("PUT", cloud.objectStoreUrl() + "/data", null, "X-Auth-Token", token);
    String etag = RawHttp.method("PUT", object, "precious", "X-Auth-Token", token)
        .headers().firstValue("ETag").orElseThrow();
    assertThat(cloud.corruptObjects("data", null, 1)).containsExactly("data/blob");
    HttpResponse<String> after = RawHttp.get(object, "X-Auth-Token", token);
    assertThat(after.body()).isNotEqualTo("precious").hasSize(8);
    assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    assertThat(cloud.truth().faults()).extracting(GroundTruth.Fault::type)
        .containsExactly("lose-server", "corrupt-object");
  }

  @Test
  void droppedCreatesAreAcceptedButNeverHonored() {
    String token = RawHttp.token(cloud);
    String image = ComputeStore.IMAGES.get(0).id();
    cloud.dropServerCreates(50);
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> created = RawHttp.post(cloud.computeUrl() + "/servers",
          "{\"server\":{\"name\":\"drop-" + i + "\",\"imageRef\":\"" + image + "\",\"flavorRef\":\"1\"}}",
          "X-Auth-Token", token);
      assertThat(created.statusCode()).isEqualTo(202);
    }
    cloud.dropServerCreates(0);
    assertThat(RawHttp.json(RawHttp.get(cloud.computeUrl() + "/servers", "X-Auth-Token", token))
        .get("servers")).hasSize(2);
    assertThat(cloud.truth().faults()).filteredOn(f -> f.type().equals("dropped-create")).hasSize(2);
    assertThat(cloud.truth().faults()).filteredOn(f -> f.type().equals("drop-creates"))
        .singleElement().satisfies(f -> assertThat(f.detail()).startsWith("2 create(s) dropped"));
  }

  /** Nova's version list: the one document it serves without a token. */
  private String computeRoot() {
    return cloud.baseUrl(SimulatedService.COMPUTE) + "/";
  }
}
