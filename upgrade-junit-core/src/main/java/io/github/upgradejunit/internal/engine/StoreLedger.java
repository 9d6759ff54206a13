package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.internal.store.Store;
import io.github.upgradejunit.spi.RequestLedger;
import java.util.List;
import java.util.stream.Collectors;

/** The honored-request ledger, kept in the store so it survives the JVM that made the requests. */
final class StoreLedger implements RequestLedger {

  private final Store store;
  private final String runId;
  private final String runner;

  StoreLedger(Store store, String runId, String runner) {
    this.store = store;
    this.runId = runId;
    this.runner = runner;
  }

  @Override
  public long record(String service, String operation, String target, Answer answer, int status) {
    return store.ledgerRecord(runId, service, operation, target, answer.name(), status,
        answer == Answer.ACCEPTED ? Fate.PENDING.name() : "NOT_ACCEPTED", runner);
  }

  @Override
  public void settle(long id, Fate fate, String detail) {
    store.ledgerSettle(id, fate.name(), detail);
  }

  @Override
  public List<Entry> pending(String service) {
    return store.ledger(runId).stream()
        .filter(e -> e.service().equals(service) && Fate.PENDING.name().equals(e.fate()))
        .map(e -> new Entry(e.id(), e.service(), e.operation(), e.target(), Answer.valueOf(e.answer()), e.status(),
            Fate.PENDING, e.detail()))
        .collect(Collectors.toList());
  }
}
