package io.github.upgradejunit.internal.config;

import io.github.upgradejunit.spi.ConfigKey;
import java.util.List;

/** Every configuration key of the core, in the order of the reference table in docs/configuration.md. */
public final class CoreKeys {

  public static final ConfigKey PHASE = ConfigKey.choice("upgrade.phase", "all",
      "Which phase this invocation runs: before, during or after (one JVM each, sharing the run "
          + "through the store), or all of them in order with an upgrade driver.",
      "before", "during", "after", "all");
  public static final ConfigKey RUN_ID = ConfigKey.string("upgrade.run.id", null,
      "The run to join. Default: a new run in the before and all phases, the latest open run otherwise.");
  public static final ConfigKey STORE = ConfigKey.string("upgrade.store", null,
      "JDBC URL of the store: jdbc:sqlite:FILE, or jdbc:postgresql://HOST:PORT/DB?user=...&password=... "
          + "for runners on several machines. Default: an SQLite file .upgrade-junit/upgrade.db in the project "
          + "directory (it survives mvn clean).");
  public static final ConfigKey REPORT_DIR = ConfigKey.string("upgrade.report.dir", "target/upgrade-report",
      "Where index.html, summary.json and truth.json are written.");
  public static final ConfigKey DRIVER = ConfigKey.string("upgrade.driver", null,
      "The upgrade driver: command, signal, or one a plugin provides (simulator). Default: command "
          + "when upgrade.command is set, else a plugin's default (the simulator when the cloud is the "
          + "simulator), else signal.");
  public static final ConfigKey COMMAND = ConfigKey.string("upgrade.command", null,
      "The upgrade command (run by sh -c). Its output is stored line by line; its exit closes the window.");
  public static final ConfigKey COMMAND_TIMEOUT = ConfigKey.duration("upgrade.command.timeout", "4h",
      "How long the upgrade command may run before it is killed and the upgrade counts as failed.");
  public static final ConfigKey SIGNAL_TIMEOUT = ConfigKey.duration("upgrade.signal.timeout", "4h",
      "How long the signal driver waits for upgrade-started, and then for upgrade-finished.");
  public static final ConfigKey CONTROL_PORT = ConfigKey.integer("upgrade.control.port", "7878", 0,
      "Port of the loopback control endpoint deployment tools post events to (0 picks any free port).");
  public static final ConfigKey CONTROL_BIND = ConfigKey.string("upgrade.control.bind", "127.0.0.1",
      "Address the control endpoint binds to. Anything but loopback requires upgrade.control.token.");
  public static final ConfigKey CONTROL_TOKEN = ConfigKey.string("upgrade.control.token", null,
      "Shared token required as 'Authorization: Bearer <token>' on the control endpoint.");
  public static final ConfigKey EXPECT = ConfigKey.choice("upgrade.expect", "none",
      "Fail the build when the overall verdict falls short of this.",
      "none", "rolling", "zero-downtime", "zero-impact");
  public static final ConfigKey EXPECT_RELEASE = ConfigKey.string("upgrade.expect.release", null,
      "The release the upgrade should reach, e.g. 2023.1: a service whose last observed release name "
          + "(or version) does not contain this text is not even rolling (with upgrade.expect set, the "
          + "build fails). Off when unset.");
  public static final ConfigKey PROBE_RATE = ConfigKey.positiveNumber("upgrade.probe.rate", "10",
      "Probe requests per second per series, sent open-loop (a slow request never delays the next).");
  public static final ConfigKey PROBE_DEADLINE = ConfigKey.duration("upgrade.probe.deadline", "2s",
      "Whole-call deadline of one probe request; slower counts as a TIMEOUT sample.");
  public static final ConfigKey PROBE_TAIL = ConfigKey.duration("upgrade.probe.tail", "30s",
      "How long probes keep running after the upgrade finished.");
  public static final ConfigKey PROBE_BASELINE = ConfigKey.duration("upgrade.probe.baseline", "10s",
      "In the all phase, how long probes run before the upgrade starts (the latency baseline).");
  public static final ConfigKey RUNNER = ConfigKey.string("upgrade.runner.name", null,
      "Name of this runner (vantage point) in the store. Default: the host name.");
  public static final ConfigKey CLEANUP = ConfigKey.choice("upgrade.cleanup", "true",
      "Delete the run's persistent resources at the end of the after phase.", "true", "false");

  public static final ConfigKey CONTROL_PROBE = ConfigKey.string("upgrade.probe.control.url", null,
      "An HTTP(S) URL outside the cloud, probed as the control (the probe named control, see "
          + "upgrade.probe.<name>.url): cloud outages it shares are flagged tester-side. Off when unset.");
  public static final ConfigKey TESTER_SIDE_COUNTS = ConfigKey.choice("upgrade.probe.tester-side.counts",
      "false", "Whether outages flagged tester-side (a control probe failed at the same time) count "
          + "against the verdict.", "true", "false");

  public static final ConfigKey HEALTH_TIMEOUT = ConfigKey.duration("upgrade.health.timeout", "30s",
      "How long one plugin health check may take before it is abandoned and failed.");

  public static final List<ConfigKey> ALL = List.of(PHASE, RUN_ID, STORE, REPORT_DIR, DRIVER, COMMAND,
      COMMAND_TIMEOUT, SIGNAL_TIMEOUT, CONTROL_PORT, CONTROL_BIND, CONTROL_TOKEN, EXPECT, EXPECT_RELEASE,
      PROBE_RATE,
      PROBE_DEADLINE, PROBE_TAIL, PROBE_BASELINE, CONTROL_PROBE, TESTER_SIDE_COUNTS, RUNNER, CLEANUP,
      HEALTH_TIMEOUT);

  private CoreKeys() {
  }
}
