package io.github.upgradejunit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps every committed row, whatever happens to the JVM that wrote it. */
class StoreDurabilityTests {

  @TempDir
  Path directory;

  private String url() {
    return "jdbc:sqlite:" + directory.resolve("store.db");
  }

  private Process child(String run, int perRound, String runner) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SampleWritingChild.class.getName(), url(), run, String.valueOf(perRound), runner)
        .redirectErrorStream(true).start();
  }

  private static long readCommittedUntil(Process process, long atLeast) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long committed = 0;
    String line;
    while (committed < atLeast && (line = out.readLine()) != null) {
      if (line.startsWith("committed ")) {
        committed = Long.parseLong(line.substring("committed ".length()));
      }
    }
    return committed;
  }

  @Test
  void everyRowCommittedBeforeKillMinus9SurvivesIt() throws Exception {
    Process writer = child("killed", 5_000, "child");
    long committed = readCommittedUntil(writer, 50_000);
    writer.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush

    try (Store store = Store.open(url())) {
      assertThat(committed).isGreaterThanOrEqualTo(50_000);
      assertThat(store.sampleCount("killed")).isGreaterThanOrEqualTo(committed);
    }
  }

  @Test
  void twoJvmsWritingOneFileAtFullRateLoseNoRow() throws Exception {
    try (Store store = Store.open(url())) {
      store.createRun("shared", "uj-shared-");
    }
    Process first = child("shared", 2_000, "one");
    Process second = child("shared", 2_000, "two");
    long a = readCommittedUntil(first, 40_000);
    long b = readCommittedUntil(second, 40_000);
    first.destroyForcibly().waitFor();
    second.destroyForcibly().waitFor();

    try (Store store = Store.open(url())) {
      List<String> runners = new ArrayList<>();
      store.samples("shared", s -> runners.add(s.runner()));
      assertThat(runners.stream().filter("one"::equals).count()).isGreaterThanOrEqualTo(a);
      assertThat(runners.stream().filter("two"::equals).count()).isGreaterThanOrEqualTo(b);
    }
  }

  @Test
  void aStoreThatCannotBeOpenedNamesThePathAndTheCause() throws Exception {
    Path file = directory.resolve("not-a-directory");
    Files.writeString(file, "x");

    assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + file.resolve("store.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void anUnsupportedUrlIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> Store.open("jdbc:mysql://db/uj?user=me&password=s3cret"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc:sqlite:")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void anotherJvmSeesTheRunAndItsEventsAtOnce() {
    try (Store first = Store.open(url()); Store second = Store.open(url())) {
      first.createRun("r1", "uj-r1-");
      first.event("r1", Micros.now(), "upgrade-started", null, null, null, null, "a");

      assertThat(second.latestOpenRun()).get().extracting(Rows.Run::id).isEqualTo("r1");
      assertThat(second.events("r1")).singleElement().extracting(Rows.Event::type).isEqualTo("upgrade-started");
    }
  }
}
