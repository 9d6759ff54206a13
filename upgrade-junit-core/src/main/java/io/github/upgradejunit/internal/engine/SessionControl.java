package io.github.upgradejunit.internal.engine;

import io.github.upgradejunit.internal.control.EventRules;
import io.github.upgradejunit.spi.Configuration;
import io.github.upgradejunit.spi.UpgradeControl;
import java.time.Duration;

/** The {@link UpgradeControl} a driver reports to: each call is an event in the store. */
final class SessionControl implements UpgradeControl {

  private final RunSession session;
  private final String controlUrl;

  SessionControl(RunSession session, String controlUrl) {
    this.session = session;
    this.controlUrl = controlUrl;
  }

  @Override
  public String runId() {
    return session.id();
  }

  @Override
  public java.util.Optional<String> controlUrl() {
    return java.util.Optional.ofNullable(controlUrl);
  }

  @Override
  public Configuration config() {
    return session.config();
  }

  @Override
  public void upgradeStarted() {
    record(EventRules.UPGRADE_STARTED, null, null, null, null);
  }

  @Override
  public void stepStarted(String service, String host, String step) {
    record(EventRules.STEP_STARTED, service, host, step, null);
  }

  @Override
  public void stepFinished(String service, String host, String step) {
    record(EventRules.STEP_FINISHED, service, host, step, null);
  }

  @Override
  public void upgradeFinished() {
    record(EventRules.UPGRADE_FINISHED, null, null, null, null);
  }

  @Override
  public void upgradeFailed(String reason) {
    record(EventRules.UPGRADE_FAILED, null, null, null, reason);
  }

  private void record(String type, String service, String host, String step, String detail) {
    session.recordEvent(type, service, host, step, detail)
        .ifPresent(problem -> Console.line("WARNING: the upgrade driver sent an event out of order: " + problem));
  }

  @Override
  public void output(String line) {
    System.out.println("  | " + line);
    session.store().writer().log(session.id(), "upgrade-command", line, session.runner());
  }

  @Override
  public boolean awaitEvent(String type, Duration timeout) throws InterruptedException {
    return session.awaitEvent(type, timeout.toMillis());
  }
}
