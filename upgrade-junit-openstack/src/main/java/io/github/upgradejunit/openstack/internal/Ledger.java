package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.spi.PluginContext;
import io.github.upgradejunit.spi.RequestLedger.Answer;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handles' side of the honored-request ledger: every mutating call made while the upgrade runs
 * (the during phase) is recorded with its answer, and each accepted one stays pending until someone
 * checks that it took effect. Before a new request on the same target, the pending one is settled
 * first (otherwise a later delete would make an honored upload look lost); what remains is settled
 * by the {@link Reconciler} after the upgrade, possibly in another JVM. Thread-safe.
 */
final class Ledger {

  /** Operation names, as the report shows them. */
  static final String CREATE_SERVER = "create-server";
  static final String DELETE_SERVER = "delete-server";
  static final String PUT_OBJECT = "put-object";
  static final String DELETE_OBJECT = "delete-object";

  /** An accepted request this JVM has not settled yet. */
  record Pending(long id, String operation, String target) {
  }

  private final PluginContext context;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  Ledger(PluginContext context) {
    this.context = context;
  }

  /** Whether calls are recorded now: only while the upgrade runs. */
  boolean recording() {
    return context.phase() == Phase.DURING;
  }

  /**
   * Record a call and its answer (status 0: no answer); returns the pending entry when accepted.
   *
   * @param key what later requests on the same object are matched by, e.g. {@code container/object}
   */
  Optional<Pending> record(String service, String operation, String key, String target, int status) {
    if (!recording()) {
      return Optional.empty();
    }
    Answer answer = status >= 200 && status < 300 ? Answer.ACCEPTED : status >= 500 ? Answer.REJECTED_5XX
        : Answer.REJECTED_OTHER;
    long id = context.ledger().record(service, operation, target, answer, status);
    if (answer != Answer.ACCEPTED) {
      return Optional.empty();
    }
    Pending entry = new Pending(id, operation, target);
    pending.put(key, entry);
    return Optional.of(entry);
  }

  /** The request on this key that is still pending, if any. */
  Optional<Pending> pendingFor(String key) {
    return Optional.ofNullable(pending.get(key));
  }

  /** Settle a pending request. */
  void settle(String key, Pending entry, Fate fate, String detail) {
    context.ledger().settle(entry.id(), fate, detail);
    pending.remove(key, entry);
  }

  /** Whether a key, or any key under a prefix ending in '/', has a request still pending here. */
  boolean isPending(String keyOrPrefix) {
    return keyOrPrefix.endsWith("/") ? pending.keySet().stream().anyMatch(k -> k.startsWith(keyOrPrefix))
        : pending.containsKey(keyOrPrefix);
  }
}
