package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.openstack.internal.Ledger.Pending;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Swift} handle: objects in run-prefixed containers that it creates on first use.
 * Uploads made during the upgrade go to the ledger and are settled when the object is read back or
 * replaced, deletes when Swift no longer has the object. Thread-safe.
 */
final class SwiftHandle implements Swift {

  private static final String TYPE = "application/octet-stream";

  private final ObjectStorage storage;
  private final PluginContext context;
  private final Ledger ledger;
  private final Transients transients;
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Map<String, String> stored = new ConcurrentHashMap<>();

  SwiftHandle(ObjectStorage storage, PluginContext context, Ledger ledger, Transients transients) {
    this.storage = storage;
    this.context = context;
    this.ledger = ledger;
    this.transients = transients;
  }

  @Override
  public String put(String container, String object, byte[] content) {
    String name = ensureContainer(container);
    String key = name + "/" + object;
    settlePending(key);
    String md5 = ObjectStorage.md5(content);
    String target = key + " md5=" + md5;
    Rest.Response answer;
    try {
      answer = storage.put(name, object, content, TYPE, Map.of(RunTag.KEY, context.runId()));
    } catch (OpenStackException e) {
      ledger.record(Catalog.OBJECT_STORE, Ledger.PUT_OBJECT, key, target, e.status());
      throw e;
    }
    ledger.record(Catalog.OBJECT_STORE, Ledger.PUT_OBJECT, key, target, answer.status());
    Rest.expectOk(Catalog.OBJECT_STORE, "PUT /" + key, answer);
    stored.put(key, md5);
    return md5;
  }

  @Override
  public byte[] get(String container, String object) {
    String key = context.resourceName(container) + "/" + object;
    byte[] content = storage.read(context.resourceName(container), object).content();
    String md5 = ObjectStorage.md5(content);
    ledger.pendingFor(key).filter(p -> p.operation().equals(Ledger.PUT_OBJECT)).ifPresent(p -> ledger.settle(key, p,
        md5.equals(expectedMd5(p)) ? Fate.HONORED : Fate.LOST, "read back with md5 " + md5));
    String expected = stored.get(key);
    if (expected != null && !expected.equals(md5)) {
      throw new AssertionError("Swift serves " + key + " with md5 " + md5 + ", but it was stored with md5 " + expected);
    }
    return content;
  }

  @Override
  public void delete(String container, String object) {
    String name = context.resourceName(container);
    String key = name + "/" + object;
    settlePending(key);
    int status;
    try {
      status = storage.deleteObject(name, object);
    } catch (OpenStackException e) {
      ledger.record(Catalog.OBJECT_STORE, Ledger.DELETE_OBJECT, key, key, e.status());
      throw e;
    }
    stored.remove(key);
    Optional<Pending> entry = ledger.record(Catalog.OBJECT_STORE, Ledger.DELETE_OBJECT, key, key, status);
    entry.ifPresent(p -> settleDelete(key, p));
  }

  @Override
  public List<String> list(String container) {
    return storage.list(context.resourceName(container));
  }

  private String ensureContainer(String container) {
    String name = context.resourceName(container);
    if (!created.contains(name)) {
      storage.createContainer(name, Map.of(RunTag.KEY, context.runId(), RunTag.ROLE, RunTag.TRANSIENT));
      transients.container(name);
      created.add(name);
    }
    return name;
  }

  /** Settle the pending request on this object (if any) by what Swift holds now. */
  private void settlePending(String key) {
    ledger.pendingFor(key).ifPresent(p -> {
      if (p.operation().equals(Ledger.DELETE_OBJECT)) {
        settleDelete(key, p);
      } else {
        settlePut(key, p);
      }
    });
  }

  private void settlePut(String key, Pending p) {
    int slash = key.indexOf('/');
    try {
      String md5 = ObjectStorage.md5(storage.read(key.substring(0, slash), key.substring(slash + 1)).content());
      ledger.settle(key, p, md5.equals(expectedMd5(p)) ? Fate.HONORED : Fate.LOST, "read back with md5 " + md5);
    } catch (OpenStackException e) {
      if (e.status() == 404) {
        ledger.settle(key, p, Fate.LOST, "the object is missing (404) although Swift accepted it");
      }
    }
  }

  private void settleDelete(String key, Pending p) {
    int slash = key.indexOf('/');
    try {
      storage.read(key.substring(0, slash), key.substring(slash + 1));
      ledger.settle(key, p, Fate.LOST, "the object is still there after Swift accepted its delete");
    } catch (OpenStackException e) {
      if (e.status() == 404) {
        ledger.settle(key, p, Fate.HONORED, "gone (404)");
      }
    }
  }

  static String expectedMd5(Pending p) {
    int at = p.target().lastIndexOf(" md5=");
    return at < 0 ? "" : p.target().substring(at + 5);
  }

  @Override
  public String toString() {
    return "Swift[" + context.resourcePrefix() + "]";
  }
}
