package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.spi.RequestLedger;
import io.github.upgradejunit.spi.RequestLedger.Entry;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Settles every request the API accepted during the upgrade and nobody checked yet: a created
 * server must exist and be ACTIVE, a deleted one must be gone, an uploaded object must read back
 * with its MD5, a deleted one must be gone. Requests still in progress (a server in BUILD) are
 * polled, on the calling thread, until the deadline; whatever is not done by then is lost, with
 * the last thing seen as the detail. Not thread-safe: one reconciliation at a time.
 */
final class Reconciler {

  /** What one check concluded; {@code fate} null means "not decided yet, look again". */
  record Decision(Fate fate, String detail) {
    static Decision honored(String detail) {
      return new Decision(Fate.HONORED, detail);
    }

    static Decision lost(String detail) {
      return new Decision(Fate.LOST, detail);
    }

    static Decision waiting(String detail) {
      return new Decision(null, detail);
    }
  }

  /** How many requests were settled each way. */
  record Outcome(int honored, int lost) {
  }

  private final Optional<Compute> compute;
  private final Optional<ObjectStorage> storage;
  private final RequestLedger ledger;
  private final Duration timeout;
  private final Duration poll;
  private final BiConsumer<String, String> log;

  Reconciler(Optional<Compute> compute, Optional<ObjectStorage> storage, RequestLedger ledger, Duration timeout,
      Duration poll, BiConsumer<String, String> log) {
    this.compute = compute;
    this.storage = storage;
    this.ledger = ledger;
    this.timeout = timeout;
    this.poll = poll;
    this.log = log;
  }

  /** Settle every pending compute and object-store request. */
  Outcome reconcile() {
    List<Entry> open = new ArrayList<>();
    compute.ifPresent(c -> open.addAll(ledger.pending(Catalog.COMPUTE)));
    storage.ifPresent(s -> open.addAll(ledger.pending(Catalog.OBJECT_STORE)));
    open.removeIf(e -> !known(e.operation()));
    if (open.isEmpty()) {
      return new Outcome(0, 0);
    }
    log.accept("openstack", "checking " + open.size() + " requests accepted during the upgrade (up to "
        + timeout.toSeconds() + " s)");
    int honored = 0;
    int lost = 0;
    Map<Long, String> lastSeen = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!open.isEmpty()) {
      boolean late = System.nanoTime() > deadline;
      for (Entry entry : List.copyOf(open)) {
        Decision decision = decide(entry);
        if (decision.fate() == null && !late) {
          lastSeen.put(entry.id(), decision.detail());
          continue;
        }
        Fate fate = decision.fate() == null ? Fate.LOST : decision.fate();
        String detail = decision.fate() == null ? "not done " + timeout.toSeconds() + " s after the upgrade: "
            + decision.detail() : decision.detail();
        ledger.settle(entry.id(), fate, detail);
        open.remove(entry);
        if (fate == Fate.HONORED) {
          honored++;
        } else {
          lost++;
          log.accept("openstack", "LOST: " + entry.operation() + " " + entry.target() + ": " + detail);
        }
      }
      if (!open.isEmpty()) {
        Compute.sleep(poll);
      }
    }
    log.accept("openstack", "ledger: " + honored + " honored, " + lost + " lost");
    return new Outcome(honored, lost);
  }

  private static boolean known(String operation) {
    return List.of(Ledger.CREATE_SERVER, Ledger.DELETE_SERVER, Ledger.PUT_OBJECT, Ledger.DELETE_OBJECT)
        .contains(operation);
  }

  /** Look at one request's effect now. */
  Decision decide(Entry entry) {
    try {
      return switch (entry.operation()) {
        case Ledger.CREATE_SERVER -> created(compute.orElseThrow().find(entry.target()));
        case Ledger.DELETE_SERVER -> compute.orElseThrow().find(entry.target())
            .map(s -> Decision.waiting("the server still exists (" + s.status() + ")"))
            .orElse(Decision.honored("gone (404)"));
        case Ledger.PUT_OBJECT -> uploaded(entry.target());
        default -> deletedObject(entry.target());
      };
    } catch (OpenStackException e) {
      return Decision.waiting("could not be checked: " + e.getMessage());
    }
  }

  private static Decision created(Optional<ServerState> server) {
    if (server.isEmpty()) {
      return Decision.lost("Nova accepted the create, but the server does not exist (404)");
    }
    String status = server.get().status();
    return switch (status) {
      case "ACTIVE" -> Decision.honored("ACTIVE");
      case "BUILD" -> Decision.waiting("still BUILD");
      default -> Decision.lost("the server is " + status + (server.get().fault() == null ? ""
          : ": " + server.get().fault()));
    };
  }

  private Decision uploaded(String target) {
    int at = target.lastIndexOf(" md5=");
    String expected = target.substring(at + 5);
    String[] place = split(target.substring(0, at));
    try {
      String md5 = ObjectStorage.md5(storage.orElseThrow().read(place[0], place[1]).content());
      return md5.equals(expected) ? Decision.honored("reads back with md5 " + md5)
          : Decision.lost("reads back with md5 " + md5 + " instead of " + expected);
    } catch (OpenStackException e) {
      if (e.status() == 404) {
        return Decision.lost("Swift accepted the upload, but the object is missing (404)");
      }
      throw e;
    }
  }

  private Decision deletedObject(String target) {
    String[] place = split(target);
    try {
      storage.orElseThrow().read(place[0], place[1]);
      return Decision.waiting("the object is still there");
    } catch (OpenStackException e) {
      if (e.status() == 404) {
        return Decision.honored("gone (404)");
      }
      throw e;
    }
  }

  private static String[] split(String containerAndObject) {
    int slash = containerAndObject.indexOf('/');
    return new String[] {containerAndObject.substring(0, slash), containerAndObject.substring(slash + 1)};
  }
}
