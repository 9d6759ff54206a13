package io.github.upgradejunit.internal.cli;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.config.CoreKeys;
import io.github.upgradejunit.internal.config.UpgradeConfiguration;
import io.github.upgradejunit.internal.control.EventRules;
import io.github.upgradejunit.internal.engine.Plugins;
import io.github.upgradejunit.internal.engine.Resources;
import io.github.upgradejunit.internal.engine.RunSession;
import io.github.upgradejunit.internal.report.RunReporter;
import io.github.upgradejunit.internal.store.Micros;
import io.github.upgradejunit.internal.store.Rows.Run;
import io.github.upgradejunit.internal.store.Store;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code signal} (send an upgrade event to a run through the store),
 * {@code cleanup --run ID} (replay a crashed run's journal), {@code report --run ID} (rebuild the
 * report from the store alone) and {@code runs} (list the runs of a store).
 *
 * <pre>
 * java -cp ... io.github.upgradejunit.internal.cli.UpgradeJunitCli signal step-started --service compute --host ctl1
 * mvn -q exec:java -Dexec.mainClass=io.github.upgradejunit.Cli -Dexec.args="cleanup --run 20261125T102400-3f2a"
 * </pre>
 */
public final class UpgradeJunitCli {

  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: upgrade-junit <command> [options]",
      "  signal <upgrade-started|step-started|step-finished|upgrade-finished|upgrade-failed>",
      "         [--service S] [--host H] [--step NAME] [--detail TEXT] [--run ID] [--store JDBC-URL]",
      "  cleanup --run ID [--store JDBC-URL]     delete what a (crashed) run created, from its journal",
      "  report  --run ID [--store JDBC-URL] [--dir DIR]   rebuild index.html and summary.json",
      "  runs    [--store JDBC-URL]              list the runs in the store",
      "The store defaults to upgrade.store, UPGRADE_STORE, or .upgrade-junit/upgrade.db here.");

  private UpgradeJunitCli() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Run a command; returns the exit code (0 ok, 1 refused, 2 usage). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    String positional = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else if (positional == null && !args[i].startsWith("--")) {
        positional = args[i];
      } else {
        err.println("unexpected argument '" + args[i] + "'\n" + USAGE);
        return 2;
      }
    }
    String url = options.getOrDefault("store", Optional.ofNullable(System.getProperty(CoreKeys.STORE.name()))
        .or(() -> Optional.ofNullable(System.getenv("UPGRADE_STORE")))
        .orElseGet(() -> Store.defaultUrl(Paths.get(""))));
    try (Store store = Store.open(url)) {
      return switch (args[0]) {
        case "signal" -> signal(store, positional, options, out, err);
        case "cleanup" -> cleanup(store, options, out, err);
        case "report" -> report(store, options, out, err);
        case "runs" -> runs(store, out);
        default -> {
          err.println("unknown command '" + args[0] + "'\n" + USAGE);
          yield 2;
        }
      };
    } catch (RuntimeException e) {
      err.println("upgrade-junit: " + e.getMessage());
      return 1;
    }
  }

  private static Optional<Run> run(Store store, Map<String, String> options, PrintStream err) {
    String id = options.get("run");
    Optional<Run> run = id == null ? store.latestOpenRun() : store.run(id);
    if (run.isEmpty()) {
      err.println(id == null ? "no open run in the store " + store.location() : "no run '" + id + "' in the store "
          + store.location());
    }
    return run;
  }

  private static int signal(Store store, String type, Map<String, String> options, PrintStream out, PrintStream err) {
    Optional<Run> run = run(store, options, err);
    if (run.isEmpty()) {
      return 1;
    }
    String service = options.get("service");
    String host = options.get("host");
    String step = options.get("step");
    Optional<String> problem = EventRules.problem(store.events(run.get().id()), type, service, host, step);
    if (problem.isPresent()) {
      err.println("refused: " + problem.get());
      return 1;
    }
    store.event(run.get().id(), Micros.now(), type, service, host, step, options.get("detail"), "signal");
    out.println("recorded " + type + " for run " + run.get().id());
    return 0;
  }

  private static int cleanup(Store store, Map<String, String> options, PrintStream out, PrintStream err) {
    if (!options.containsKey("run")) {
      err.println("cleanup needs --run ID (see 'runs')");
      return 2;
    }
    Optional<Run> run = run(store, options, err);
    if (run.isEmpty()) {
      return 1;
    }
    Map<String, String> values = new HashMap<>();
    values.put(CoreKeys.RUN_ID.name(), run.get().id());
    values.put(CoreKeys.STORE.name(), store.location());
    UpgradeConfiguration config = UpgradeConfiguration.of(withSystemProperties(values), System.getenv(),
        Plugins.declaredKeys(CoreKeys.ALL));
    try (RunSession session = RunSession.openForTool(config, store, Phase.AFTER)) {
      List<String> leaked = Resources.cleanup(store, run.get().id(), session.plugins());
      if (leaked.isEmpty()) {
        out.println("run " + run.get().id() + ": nothing left to delete");
        return 0;
      }
      err.println("could not delete: " + String.join("; ", leaked));
      return 1;
    }
  }

  private static Map<String, String> withSystemProperties(Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("upgrade."))
        .forEach(k -> all.put(k, System.getProperty(k)));
    all.putAll(values);
    return all;
  }

  private static int report(Store store, Map<String, String> options, PrintStream out, PrintStream err) {
    Optional<Run> run = options.containsKey("run") ? run(store, options, err)
        : store.runs().stream().filter(r -> !RunSession.ABORTED.equals(r.status())).findFirst();
    if (run.isEmpty()) {
      return 1;
    }
    UpgradeConfiguration config = UpgradeConfiguration.of(withSystemProperties(Map.of()), System.getenv(),
        Plugins.declaredKeys(CoreKeys.ALL));
    var directory = Paths.get(options.getOrDefault("dir", config.get(CoreKeys.REPORT_DIR))).toAbsolutePath();
    RunReporter.Outcome outcome = RunReporter.write(store, run.get().id(), directory, config);
    out.println("report of run " + run.get().id() + " written to " + directory.resolve("index.html"));
    return outcome.met() ? 0 : 1;
  }

  private static int runs(Store store, PrintStream out) {
    for (Run run : store.runs()) {
      out.printf("%-24s %-8s created %s%s%n", run.id(), run.status(), Micros.toInstant(run.createdAt()),
          run.open() ? "" : ", closed " + Micros.toInstant(run.closedAt()));
    }
    return 0;
  }
}
