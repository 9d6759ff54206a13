package io.github.upgradejunit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration fails fast, naming the key, and otherwise has defaults that work. */
class UpgradeConfigurationTests {

  @Test
  void defaultsWork() {
    UpgradeConfiguration config = UpgradeConfiguration.of(Map.of(), Map.of(), CoreKeys.ALL);

    assertThat(config.get(CoreKeys.PHASE)).isEqualTo("all");
    assertThat(config.number(CoreKeys.PROBE_RATE)).isEqualTo(10.0);
    assertThat(config.duration(CoreKeys.PROBE_TAIL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.find(CoreKeys.RUN_ID)).isEmpty();
  }

  @Test
  void anUnknownKeyFailsWithTheKeyAndASuggestion() {
    assertThatThrownBy(() -> UpgradeConfiguration.of(Map.of("upgrade.phsae", "before"), Map.of(), CoreKeys.ALL))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("Unknown configuration key 'upgrade.phsae'")
        .hasMessageContaining("did you mean 'upgrade.phase'?");
  }

  @Test
  void badValuesFailWithTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> UpgradeConfiguration.of(Map.of("upgrade.phase", "middle", "upgrade.probe.rate", "0",
        "upgrade.probe.deadline", "soon"), Map.of(), CoreKeys.ALL))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'upgrade.phase' has the value 'middle', but it must be one of before, during, after, all")
        .hasMessageContaining("'upgrade.probe.rate' has the value '0', but it must be a number > 0")
        .hasMessageContaining("'upgrade.probe.deadline' has the value 'soon', but it must be a duration");
  }

  @Test
  void environmentVariablesAreTheLastSource() {
    UpgradeConfiguration config = UpgradeConfiguration.of(Map.of("upgrade.expect", "rolling"),
        Map.of("UPGRADE_EXPECT", "zero-impact", "UPGRADE_PROBE_RATE", "50"), CoreKeys.ALL);

    assertThat(config.get(CoreKeys.EXPECT)).isEqualTo("rolling");
    assertThat(config.number(CoreKeys.PROBE_RATE)).isEqualTo(50.0);
  }
}
