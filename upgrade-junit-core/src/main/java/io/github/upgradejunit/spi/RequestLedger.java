package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The honored-request ledger: mutating requests made during the upgrade and what became of them.
 * A zero-downtime upgrade honors every request it accepted.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RequestLedger {

  /** What the API answered a mutating request. */
  enum Answer { ACCEPTED, REJECTED_5XX, REJECTED_OTHER }

  /** What became of an accepted request once the upgrade was over. */
  enum Fate { PENDING, HONORED, LOST }

  /** One recorded request. */
  record Entry(long id, String service, String operation, String target, Answer answer, int status, Fate fate,
      String detail) {
  }

  /** Record a request and the answer it got; returns the entry id. */
  long record(String service, String operation, String target, Answer answer, int status);

  /** Settle an accepted request as honored or lost, with a detail saying why. */
  void settle(long id, Fate fate, String detail);

  /** Accepted requests not yet settled, for the given service. */
  List<Entry> pending(String service);
}
