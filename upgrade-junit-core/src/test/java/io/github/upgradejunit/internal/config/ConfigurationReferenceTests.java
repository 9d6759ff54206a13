package io.github.upgradejunit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.monitor.ConfiguredProbes;
import io.github.upgradejunit.spi.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every core key with its real default: one table, never stale. */
class ConfigurationReferenceTests {

  @Test
  void everyCoreKeyIsDocumentedWithItsDefault() throws Exception {
    String reference = Files.readString(Path.of("..", "docs", "configuration.md"));

    List<ConfigKey> keys = new ArrayList<>(CoreKeys.ALL);
    keys.addAll(ConfiguredProbes.KEYS); // patterns, documented as upgrade.probe.<name>.url
    for (ConfigKey key : keys) {
      String row = reference.lines().filter(l -> l.startsWith("| `" + key.name() + "` |")).findFirst()
          .orElseThrow(() -> new AssertionError(key.name() + " is not in docs/configuration.md"));
      assertThat(row).as(key.name()).contains(key.defaultValue() == null ? "| – |" : "`" + key.defaultValue() + "`");
    }
  }
}
