package io.github.upgradejunit.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.testkit.TestRuns;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A run with no plugin probes at all: only the probes the user configured by properties run and are reported. */
class PropertyProbeEngineTests {

  @TempDir
  Path directory;

  @UpgradeTest
  static class NothingButProbes {
    @AfterUpgrade
    void nothing() {
    }
  }

  @Test
  void onlyPropertyConfiguredProbesRunAndSummaryJsonListsThemUnderTheirNames() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    web.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    web.start();
    try {
      TestRuns runs = TestRuns.in(directory).with("upgrade.testkit.enabled", "false")
          .with("upgrade.probe.web.url", "http://127.0.0.1:" + web.getAddress().getPort() + "/")
          .with("upgrade.probe.web.expect", "204").with("upgrade.probe.web.rate", "20");
      Thread tool = runs.upgradeInBackground(1_000);

      EngineExecutionResults results = runs.execute("all", NothingButProbes.class);
      tool.join();

      results.testEvents().assertStatistics(s -> s.failed(0));
      JsonNode summary = new ObjectMapper().readTree(Files.readString(directory.resolve("report/summary.json")));
      assertThat(summary.path("services").fieldNames()).toIterable().containsExactly("web");
      assertThat(summary.path("services").path("web").toString()).contains("\"control\":false");
      assertThat(Files.readString(directory.resolve("report/index.html"))).contains("web");
    } finally {
      web.stop(0);
    }
  }
}
