package io.github.upgradejunit.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control endpoint accepts events in order, and refuses anything else with a reason. */
class ControlServerTests {

  private final List<Event> recorded = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ControlServer server;

  @BeforeEach
  void start() throws Exception {
    server = ControlServer.start("127.0.0.1", 0, null, new ControlServer.EventSink() {
      @Override
      public String runId() {
        return "run-1";
      }

      @Override
      public Optional<String> record(String type, String service, String host, String step, String detail) {
        Optional<String> problem = EventRules.problem(recorded, type, service, host, step);
        if (problem.isEmpty()) {
          recorded.add(new Event(recorded.size() + 1, Micros.now(), type, service, host, step, detail, "test"));
        }
        return problem;
      }
    }, () -> Map.of("run", "run-1"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.eventsUrl()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eventsInOrderAreRecorded() throws Exception {
    assertThat(post("{\"type\":\"upgrade-started\"}").statusCode()).isEqualTo(202);
    assertThat(post("{\"type\":\"step-started\",\"service\":\"nova\",\"host\":\"ctl1\"}").statusCode()).isEqualTo(202);
    assertThat(post("{\"type\":\"step-finished\",\"service\":\"nova\",\"host\":\"ctl1\"}").statusCode()).isEqualTo(202);
    assertThat(post("{\"type\":\"upgrade-finished\",\"run\":\"run-1\"}").statusCode()).isEqualTo(202);

    assertThat(recorded).extracting(Event::type)
        .containsExactly("upgrade-started", "step-started", "step-finished", "upgrade-finished");
  }

  @Test
  void malformedOrOutOfOrderEventsGetAReasonAndChangeNothing() throws Exception {
    HttpResponse<String> notJson = post("{type: upgrade");
    HttpResponse<String> unknownType = post("{\"type\":\"upgrade-paused\"}");
    HttpResponse<String> finishedFirst = post("{\"type\":\"upgrade-finished\"}");
    HttpResponse<String> otherRun = post("{\"type\":\"upgrade-started\",\"run\":\"run-9\"}");
    HttpResponse<String> array = post("[1,2]");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not JSON");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.body()).contains("unknown event type 'upgrade-paused'");
    assertThat(finishedFirst.statusCode()).isEqualTo(409);
    assertThat(finishedFirst.body()).contains("before 'upgrade-started'");
    assertThat(otherRun.statusCode()).isEqualTo(404);
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(recorded).isEmpty();
  }

  @Test
  void aFloodOfRequestsIsAnsweredAndTheEndpointStaysUp() throws Exception {
    for (int i = 0; i < 100; i++) {
      post("garbage " + i);
    }
    assertThat(post("{\"type\":\"upgrade-started\"}").statusCode()).isEqualTo(202);
  }

  @Test
  void bindingBeyondLoopbackRequiresAToken() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ControlServer.start("0.0.0.0", 0, null, null, Map::of))
        .hasMessageContaining("upgrade.control.token");
  }
}
