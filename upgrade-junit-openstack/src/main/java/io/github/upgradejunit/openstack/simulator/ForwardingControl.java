package io.github.upgradejunit.openstack.simulator;

import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.UpgradeControl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The standalone simulator's events, printed and also posted to an Upgrade JUnit control endpoint
 * ({@code --control-url}), exactly as a deployment tool would post them: so a {@code during}
 * invocation sees the scenario's window and steps.
 */
final class ForwardingControl implements UpgradeControl {

  private final UpgradeControl console;
  private final URI events;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ForwardingControl(UpgradeControl console, URI events) {
    this.console = console;
    this.events = events;
  }

  private void post(String json) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 202) {
        console.output("control endpoint answered " + answer.statusCode() + ": " + answer.body());
      }
    } catch (Exception e) {
      console.output("cannot reach the control endpoint " + events + ": " + e);
    }
  }

  private static String quote(String text) {
    try {
      return Json.MAPPER.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public Configuration config() {
    return console.config();
  }

  @Override
  public void upgradeStarted() {
    console.upgradeStarted();
    post("{\"type\":\"upgrade-started\"}");
  }

  @Override
  public void stepStarted(String service, String host, String step) {
    console.stepStarted(service, host, step);
    post("{\"type\":\"step-started\",\"service\":" + quote(service) + ",\"host\":" + quote(host) + ",\"step\":"
        + quote(step) + "}");
  }

  @Override
  public void stepFinished(String service, String host, String step) {
    console.stepFinished(service, host, step);
    post("{\"type\":\"step-finished\",\"service\":" + quote(service) + ",\"host\":" + quote(host) + ",\"step\":"
        + quote(step) + "}");
  }

  @Override
  public void upgradeFinished() {
    console.upgradeFinished();
    post("{\"type\":\"upgrade-finished\"}");
  }

  @Override
  public void upgradeFailed(String reason) {
    console.upgradeFailed(reason);
    post("{\"type\":\"upgrade-failed\",\"detail\":" + quote(reason) + "}");
  }

  @Override
  public void output(String line) {
    console.output(line);
  }

  @Override
  public boolean awaitEvent(String type, Duration timeout) throws InterruptedException {
    return console.awaitEvent(type, timeout);
  }
}
