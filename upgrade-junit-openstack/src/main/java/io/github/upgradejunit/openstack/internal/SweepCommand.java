package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.probe.Tls;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code sweep --run ID [--delete] [--cloud NAME]}: lists (and with {@code --delete} deletes) what
 * a run left in the cloud outside its journal, by the {@link Sweeper}'s prefix-and-tag rule. The
 * cloud comes from {@code --cloud}, {@code OS_CLOUD} or the {@code OS_*} variables, as for a run.
 *
 * <pre>
 * java -cp "$(cat cp.txt)" io.github.upgradejunit.openstack.internal.SweepCommand --run 20261125T102400-3f2a
 * </pre>
 */
public final class SweepCommand {

  private SweepCommand() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Run the command; returns the exit code (0 done, 1 something could not be deleted, 2 usage or setup). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String runId = option(args, "--run");
    if (runId == null) {
      err.println("usage: sweep --run ID [--delete] [--cloud NAME]");
      return 2;
    }
    boolean delete = List.of(args).contains("--delete");
    CloudLocator locator = new CloudLocator(name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty()),
        Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), Path.of("/etc/openstack"));
    try {
      CloudConfig cloud = locator.locate(Optional.ofNullable(option(args, "--cloud"))).cloud()
          .orElseThrow(() -> new IllegalArgumentException("no cloud configured: pass --cloud, or set OS_CLOUD or "
              + "the OS_* variables"));
      Tls tls = cloud.tls();
      Timeouts timeouts = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
      try (CloudSession session = new CloudSession(cloud, tls, timeouts, Duration.ofMinutes(5),
          (s, l) -> out.println(l)).start()) {
        return sweep(session, tls, timeouts, runId, delete, out);
      }
    } catch (RuntimeException e) {
      err.println("sweep failed: " + e.getMessage());
      return 2;
    }
  }

  private static int sweep(CloudSession session, Tls tls, Timeouts timeouts, String runId, boolean delete,
      PrintStream out) {
    Rest rest = new Rest(session, tls, timeouts);
    var services = session.state().catalog().urls().keySet();
    Compute compute = new Compute(session, rest, new Compute.Settings(null, null, "none", null, Duration.ofMinutes(5)),
        new CircuitBreaker(Catalog.COMPUTE, 1));
    Sweeper sweeper = new Sweeper(
        services.contains(Catalog.COMPUTE) ? Optional.of(compute) : Optional.empty(),
        services.contains(Catalog.OBJECT_STORE) ? Optional.of(new ObjectStorage(session, rest)) : Optional.empty(),
        services.contains(Catalog.IDENTITY) ? Optional.of(new Identity(session, rest)) : Optional.empty(),
        (s, l) -> out.println(l));
    List<Sweeper.Leftover> leftovers = sweeper.find(runId, false);
    leftovers.forEach(l -> out.println(l.kind() + " " + l.name() + " (" + l.id() + ")"));
    out.println(leftovers.size() + " leftovers of run " + runId + (delete || leftovers.isEmpty() ? ""
        : "; add --delete to delete them"));
    if (!delete) {
      return 0;
    }
    List<String> failed = sweeper.delete(leftovers);
    failed.forEach(f -> out.println("NOT DELETED: " + f));
    return failed.isEmpty() ? 0 : 1;
  }

  private static String option(String[] args, String name) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }
}
