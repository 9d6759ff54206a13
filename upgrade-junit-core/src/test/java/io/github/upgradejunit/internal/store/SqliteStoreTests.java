package io.github.upgradejunit.internal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, the default store. */
class SqliteStoreTests extends StoreContractTests {

  @TempDir
  Path directory;

  @Override
  String url() {
    return "jdbc:sqlite:" + directory.resolve("store.db");
  }
}
