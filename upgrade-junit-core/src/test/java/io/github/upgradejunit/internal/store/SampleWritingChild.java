package io.github.upgradejunit.internal.store;

import io.github.upgradejunit.internal.store.Rows.Sample;

/**
 * A separate JVM that writes samples as fast as it can and prints, after each flush, how many are
 * committed; its parent kills it with {@code kill -9} and counts what survived.
 */
public final class SampleWritingChild {

  public static void main(String[] args) throws Exception {
    Store store = Store.open(args[0]);
    String runId = args[1];
    int perRound = Integer.parseInt(args[2]);
    if (store.run(runId).isEmpty()) {
      store.createRun(runId, "uj-test-");
    }
    long n = 0;
    while (true) {
      for (int i = 0; i < perRound; i++, n++) {
        store.writer().sample(runId, new Sample("compute", "compute/fresh", n, n, 1000, true, null, 200, null, false,
            args.length > 3 ? args[3] : "child"));
      }
      if (store.writer().flush(60_000)) {
        System.out.println("committed " + store.writer().committed());
        System.out.flush();
      }
    }
  }
}
