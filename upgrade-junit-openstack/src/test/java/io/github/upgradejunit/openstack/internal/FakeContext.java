package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.RequestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A plugin context for tests: configuration and environment from maps, ledger, versions and log in memory. */
final class FakeContext implements PluginContext {

  final String runId;
  volatile Phase phase = Phase.BEFORE;
  final Map<String, String> values = new HashMap<>();
  final Map<String, String> environment = new HashMap<>();
  final MemoryLedger ledger = new MemoryLedger();
  final List<List<String>> versions = new CopyOnWriteArrayList<>();
  final List<String> logs = new CopyOnWriteArrayList<>();
  final Path reportDirectory;

  FakeContext(String runId, Path reportDirectory) {
    this.runId = runId;
    this.reportDirectory = reportDirectory;
  }

  FakeContext with(String key, String value) {
    values.put(key, value);
    return this;
  }

  FakeContext env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public Configuration config() {
    List<ConfigKey> keys = new ArrayList<>(CoreKeys.ALL);
    keys.addAll(OpenStackKeys.ALL);
    return UpgradeConfiguration.of(values, environment, keys);
  }

  @Override
  public String resourceName(String base) {
    return resourcePrefix() + base;
  }

  @Override
  public String resourcePrefix() {
    return "uj-" + runId.toLowerCase().replaceAll("[^a-z0-9]", "") + "-";
  }

  @Override
  public Optional<String> currentStep() {
    return Optional.empty();
  }

  @Override
  public Path reportDirectory() {
    return reportDirectory;
  }

  @Override
  public RequestLedger ledger() {
    return ledger;
  }

  @Override
  public void versionObserved(String service, String version, String release) {
    versions.add(List.of(service, version, release));
  }

  @Override
  public void log(String source, String line) {
    logs.add(source + ": " + line);
  }

  /** The ledger in a list. */
  static final class MemoryLedger implements RequestLedger {
    final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized long record(String service, String operation, String target, Answer answer, int status) {
      long id = ids.incrementAndGet();
      entries.add(new Entry(id, service, operation, target, answer, status,
          answer == Answer.ACCEPTED ? Fate.PENDING : null, null));
      return id;
    }

    @Override
    public synchronized void settle(long id, Fate fate, String detail) {
      entries.replaceAll(e -> e.id() == id ? new Entry(e.id(), e.service(), e.operation(), e.target(), e.answer(),
          e.status(), fate, detail) : e);
    }

    @Override
    public List<Entry> pending(String service) {
      return entries.stream().filter(e -> e.service().equals(service) && e.fate() == Fate.PENDING).toList();
    }

    Entry only(String operation) {
      List<Entry> matching = entries.stream().filter(e -> e.operation().equals(operation)).toList();
      if (matching.size() != 1) {
        throw new AssertionError("expected one " + operation + " entry, got " + entries);
      }
      return matching.get(0);
    }
  }
}
