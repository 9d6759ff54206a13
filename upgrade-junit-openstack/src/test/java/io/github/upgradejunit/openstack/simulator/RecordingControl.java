package io.github.upgradejunit.openstack.simulator;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.UpgradeControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link UpgradeControl} that remembers the events, as the store would. */
final class RecordingControl implements UpgradeControl {

  record Event(String type, String service, String host, String step) {
  }

  final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  final List<String> output = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Configuration config() {
    return new Configuration() {
      @Override
      public Optional<String> find(ConfigKey key) {
        return Optional.empty();
      }

      @Override
      public Map<String, String> withPrefix(String prefix) {
        return Map.of();
      }

      @Override
      public Optional<String> environment(String name) {
        return Optional.empty();
      }
    };
  }

  @Override
  public void upgradeStarted() {
    events.add(new Event("upgrade-started", null, null, null));
  }

  @Override
  public void stepStarted(String service, String host, String step) {
    events.add(new Event("step-started", service, host, step));
  }

  @Override
  public void stepFinished(String service, String host, String step) {
    events.add(new Event("step-finished", service, host, step));
  }

  @Override
  public void upgradeFinished() {
    events.add(new Event("upgrade-finished", null, null, null));
  }

  @Override
  public void upgradeFailed(String reason) {
    events.add(new Event("upgrade-failed", null, null, reason));
  }

  @Override
  public void output(String line) {
    output.add(line);
  }

  @Override
  public boolean awaitEvent(String type, Duration timeout) {
    return false;
  }
}
