package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.spi.UpgradeControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code /_simulator/...} on the identity port, outside the load balancer (so it answers during
 * backend outages, though not while the identity port itself is closed): {@code GET status},
 * {@code GET truth}, and in standalone mode {@code POST play}, which starts the scenario in the
 * background (202) or says it is already playing (409).
 */
final class ControlApi implements ApiHandler {

  private final OpenStackSimulator simulator;
  private volatile SimulatorDriver driver;
  private volatile UpgradeControl upgradeControl;
  private volatile Path truthFile;
  private volatile Thread player;

  ControlApi(OpenStackSimulator simulator) {
    this.simulator = simulator;
  }

  void allowPlay(SimulatorDriver scenarioDriver, UpgradeControl control, Path file) {
    this.driver = scenarioDriver;
    this.upgradeControl = control;
    this.truthFile = file;
  }

  void stopPlaying() {
    Thread thread = player;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    String what = request.rawPath().substring(ServiceFrontend.CONTROL_PREFIX.length());
    switch (what) {
      case "status":
        return getOnly(request, () -> ApiResponse.json(200, simulator.describe()));
      case "truth":
        return getOnly(request, this::truth);
      case "play":
        return request.method().equals("POST") ? play() : methodNotAllowed("POST");
      default:
        return error(404, "unknown control resource; use /_simulator/status, /_simulator/truth "
            + "or POST /_simulator/play");
    }
  }

  private ApiResponse truth() {
    SimulatorDriver current = driver;
    GroundTruth truth = current != null ? current.truth() : simulator.truth();
    return ApiResponse.bytes(200, ApiResponse.JSON, truth.toJson().getBytes(StandardCharsets.UTF_8));
  }

  private synchronized ApiResponse play() {
    SimulatorDriver current = driver;
    if (current == null) {
      return error(404, "no scenario to play: start the simulator with --scenario");
    }
    if (simulator.isPlaying() || (player != null && player.isAlive())) {
      return error(409, "scenario '" + current.scenario().name() + "' is already playing");
    }
    Thread thread = new Thread(() -> playInBackground(current), "openstack-simulator-scenario");
    thread.setDaemon(true);
    player = thread;
    thread.start();
    ObjectNode body = Json.object().put("scenario", current.scenario().name())
        .put("status", "playing")
        .put("estimatedSeconds", current.scenario().estimatedDuration().toSeconds());
    return ApiResponse.json(202, body);
  }

  private void playInBackground(SimulatorDriver current) {
    UpgradeControl control = upgradeControl;
    try {
      current.drive(control);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      control.output("simulator: scenario failed: " + e);
    }
    Path file = truthFile;
    if (file != null) {
      try {
        current.writeTruth(file);
        control.output("simulator: truth written to " + file);
      } catch (IOException e) {
        control.output("simulator: cannot write truth to " + file + ": " + e.getMessage());
      }
    }
  }

  private static ApiResponse getOnly(ApiRequest request, Supplier<ApiResponse> answer) {
    return request.method().equals("GET") || request.isHead() ? answer.get() : methodNotAllowed("GET");
  }

  private static ApiResponse methodNotAllowed(String allowed) {
    return error(405, "method not allowed; use " + allowed).header("Allow", allowed);
  }

  private static ApiResponse error(int code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return ApiResponse.json(code, body);
  }
}
