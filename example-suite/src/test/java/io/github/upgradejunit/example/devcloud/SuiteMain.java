package io.github.upgradejunit.example.devcloud;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the example suite in a JVM of its own, as {@code mvn verify} would: the configuration comes
 * from system properties and the environment (so {@code OS_CLIENT_CONFIG_FILE} and
 * {@code OS_CLOUD} work as for any user). Exit code 0 when every test passed, 1 otherwise.
 */
public final class SuiteMain {

  private SuiteMain() {
  }

  /** Run the four example classes through every phase. */
  public static void main(String[] args) throws ClassNotFoundException {
    String example = "io.github.upgradejunit.example.";
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(Class.forName(example + "IdentityUpgradeTest")),
            selectClass(Class.forName(example + "ComputeUpgradeTest")),
            selectClass(Class.forName(example + "ObjectStorageUpgradeTest")),
            selectClass(Class.forName(example + "CloudUpgradeTest")))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    summary.getSummary().printTo(new java.io.PrintWriter(System.out, true));
    summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
    System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
  }
}
