package io.github.upgradejunit.openstack.faults;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.upgradejunit.internal.engine.UpgradeTestEngine;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A whole upgrade run in its own JVM, as {@code mvn verify} would start it: arguments are
 * {@code key=value} configuration parameters plus {@code class=<upgrade test class>}; the cloud
 * comes from the environment ({@code OS_CLOUD}, {@code OS_CLIENT_CONFIG_FILE}). Prints every failed
 * test with its message (those are artifacts too: the secret scan reads them) and a result line.
 */
public final class EngineChild {

  private EngineChild() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> parameters = new HashMap<>();
    Class<?> suite = null;
    for (String argument : args) {
      int eq = argument.indexOf('=');
      String key = argument.substring(0, eq);
      String value = argument.substring(eq + 1);
      if (key.equals("class")) {
        suite = Class.forName(value);
      } else {
        parameters.put(key, value);
      }
    }
    EngineExecutionResults results = EngineTestKit.engine(new UpgradeTestEngine()).configurationParameters(parameters)
        .selectors(selectClass(suite)).execute();
    results.allEvents().failed().stream().forEach(e -> System.out.println("FAILED "
        + e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).map(t -> t.getClass().getName() + ": " + t.getMessage())
            .orElse("")));
    System.out.println("RESULT succeeded=" + results.testEvents().succeeded().count() + " failed="
        + results.testEvents().failed().count());
    System.out.flush();
    System.exit(0);
  }
}
