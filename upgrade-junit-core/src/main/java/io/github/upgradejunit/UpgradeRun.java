package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The run a test is part of; declare it as a test method parameter to have it injected.
 *
 * <pre>{@code
 * @DuringUpgrade(every = "2s")
 * void objectsCanBeWritten(UpgradeRun run, Swift swift) {
 *   swift.put(run.resourceName("probe"), bytes);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UpgradeRun {

  /** The run id, shared by every JVM that takes part in this upgrade. */
  String id();

  /** The phase this JVM is executing now. */
  Phase phase();

  /** The upgrade step in progress (e.g. {@code nova on ctl1}), if the deployment tool said so. */
  Optional<String> currentStep();

  /**
   * A name for a resource created by this run: the run prefix plus {@code base}. The cleanup
   * sweeper deletes only resources whose names carry a run prefix.
   */
  String resourceName(String base);
}
