package io.github.upgradejunit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL ({@code UPGRADE_TEST_POSTGRES_URL}, each test in its own schema),
 * and what only a server can do to us: go away mid-run, refuse our password, refuse us the schema.
 */
class PostgresStoreTests extends StoreContractTests {

  private String url;

  @BeforeEach
  void freshSchema() {
    url = TestPostgres.freshSchema();
  }

  @AfterEach
  void dropSchema() {
    if (url != null) {
      TestPostgres.drop(url);
    }
  }

  @Override
  String url() {
    return url;
  }

  @Test
  void aServerStoppedMidRunLosesNothing_samplesWaitInMemoryAndEventsWaitForTheServer() throws Exception {
    TestPostgres.controlScript();
    try (Store store = Store.open(url)) {
      store.createRun("r1", "uj-r1-");
      for (int i = 0; i < 5_000; i++) {
        store.writer().sample("r1", sample(i, true, "east"));
      }
      assertThat(store.writer().flush(30_000)).isTrue();

      TestPostgres.control("down"); // pg_ctl stop -m fast: every connection is cut
      for (int i = 5_000; i < 10_000; i++) {
        store.writer().sample("r1", sample(i, i % 7 != 0, "east"));
      }
      CompletableFuture<Long> event = CompletableFuture.supplyAsync(
          () -> store.event("r1", 42, "step-started", "compute", null, "restart", null, "east"));
      Thread.sleep(2_000);
      assertThat(store.writer().flush(100)).isFalse();
      TestPostgres.control("up");

      assertThat(store.writer().flush(60_000)).isTrue();
      assertThat(event.get(30, TimeUnit.SECONDS)).isPositive();
      assertThat(store.sampleCount("r1")).isEqualTo(10_000);
      assertThat(store.events("r1")).singleElement().extracting(Rows.Event::at).isEqualTo(42L);
      assertThat(store.writer().dropped()).isZero();
    } finally {
      TestPostgres.control("up");
    }
  }

  @Test
  void aWrongPasswordIsNamedWithTheUrlButWithoutThePassword() {
    String wrong = url.replaceAll("password=[^&]*", "password=not-the-password");

    assertThatThrownBy(() -> Store.open(wrong))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("password authentication failed")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void aServerThatIsNotThereIsNamedWithTheUrl() {
    String nowhere = url.replaceAll("//[^/]+/", "//127.0.0.1:1/");

    assertThatThrownBy(() -> Store.open(nowhere))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot open the store jdbc:postgresql://127.0.0.1:1/")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("password=upgrade");
  }

  @Test
  void aDatabaseWithoutOurSchemaAndNoRightToCreateItSaysSoAndWhatToDo() throws Exception {
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    TestPostgres.execute(url, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uj_no_create') "
        + "THEN CREATE ROLE uj_no_create LOGIN PASSWORD 'uj'; END IF; END $$");
    TestPostgres.execute(url, "GRANT USAGE ON SCHEMA " + schema + " TO uj_no_create");
    String readOnly = url.replaceAll("user=[^&]*", "user=uj_no_create").replaceAll("password=[^&]*", "password=uj");
    DriverManager.getConnection(readOnly).close();

    assertThatThrownBy(() -> Store.open(readOnly))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("has no Upgrade JUnit schema")
        .hasMessageContaining("may not create")
        .hasMessageContaining("user=uj_no_create")
        .hasMessageNotContaining("password=uj&")
        .hasMessageNotContaining("password=uj\"");
  }
}
