package io.github.upgradejunit.internal.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL of the tests: {@code UPGRADE_TEST_POSTGRES_URL} (scripts/postgres up prints one).
 * Tests that need it skip when it is unset, unless {@code CI=true}: CI must run them.
 */
final class TestPostgres {

  static final String VARIABLE = "UPGRADE_TEST_POSTGRES_URL";

  private TestPostgres() {
  }

  /** The base URL, or skip (fail under CI=true) when there is none. */
  static String url() {
    String url = System.getenv(VARIABLE);
    if (url != null && !url.isBlank()) {
      return url;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, but " + VARIABLE + " is unset: the PostgreSQL store tests are required in CI. "
          + "Start one with `scripts/postgres up` and export its URL (see .ci/run).");
    }
    assumeTrue(false, VARIABLE + " is unset: skipping the PostgreSQL store tests (required when CI=true; "
        + "`export " + VARIABLE + "=$(scripts/postgres up)`)");
    return null;
  }

  /** A URL whose tables live in a new, empty schema, so tests never see each other's rows. */
  static String freshSchema() {
    String base = url();
    String schema = "uj_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(base, "CREATE SCHEMA " + schema);
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops the schema of a URL from {@link #freshSchema()}. */
  static void drop(String url) {
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** scripts/postgres of this repository, to stop and start the server; skips when it is absent. */
  static Path controlScript() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("scripts").resolve("postgres");
      if (Files.isExecutable(script)) {
        return script;
      }
    }
    assumeTrue(false, "scripts/postgres not found above " + here);
    return null;
  }

  /** Runs {@code scripts/postgres <command>} and waits for it. */
  static void control(String command) throws Exception {
    Process process = new ProcessBuilder(controlScript().toString(), command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("scripts/postgres " + command + " failed");
    }
  }
}
