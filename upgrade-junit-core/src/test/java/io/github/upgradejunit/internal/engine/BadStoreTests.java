package io.github.upgradejunit.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.testkit.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A store that cannot be opened stops the invocation before any test runs, naming the URL but not its password. */
class BadStoreTests {

  @TempDir
  Path directory;

  private static String failure(EngineExecutionResults results) {
    return results.containerEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().map(Throwable::getMessage).orElse(""))
        .findFirst().orElse("");
  }

  @Test
  void aPostgresqlServerThatIsNotThereFailsTheRunBeforeAnyTest() {
    EngineExecutionResults results = TestRuns.in(directory)
        .with("upgrade.store", "jdbc:postgresql://127.0.0.1:1/upgrade?user=uj&password=s3cret")
        .execute("before", PhaseSemanticsTests.ComputeChecks.class);

    assertThat(results.testEvents().started().count()).isZero();
    assertThat(failure(results))
        .contains("Cannot open the store jdbc:postgresql://127.0.0.1:1/upgrade?user=uj&password=***")
        .doesNotContain("s3cret");
  }

  @Test
  void aUrlOfAnotherDatabaseFailsTheRunBeforeAnyTest() {
    EngineExecutionResults results = TestRuns.in(directory)
        .with("upgrade.store", "jdbc:mysql://db/upgrade?user=uj&password=s3cret")
        .execute("before", PhaseSemanticsTests.ComputeChecks.class);

    assertThat(results.testEvents().started().count()).isZero();
    assertThat(failure(results)).contains("jdbc:postgresql://host/db").doesNotContain("s3cret");
  }
}
