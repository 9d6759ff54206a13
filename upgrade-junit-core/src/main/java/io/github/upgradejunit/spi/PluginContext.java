package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.upgradejunit.Phase;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/** What the core offers a plugin while it is open. Safe to use from any thread. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PluginContext {

  /** The run id. */
  String runId();

  /** The phase this JVM executes now ({@code all} mode moves through all three). */
  Phase phase();

  /** The configuration: system properties, {@code upgrade-junit.properties}, environment. */
  Configuration config();

  /** A run-prefixed name for a resource this run creates; see {@link #resourcePrefix()}. */
  String resourceName(String base);

  /** The prefix every resource of this run carries, e.g. {@code uj-20261125t1024-3f2a-}. */
  String resourcePrefix();

  /** The upgrade step in progress, if any. */
  Optional<String> currentStep();

  /** The directory the report goes to; plugins may put files beside it (e.g. {@code truth.json}). */
  Path reportDirectory();

  /** The honored-request ledger of this run. */
  RequestLedger ledger();

  /** Record a version observation of a service (e.g. Nova's max microversion) with its release name. */
  void versionObserved(String service, String version, String release);

  /** Record a line of diagnostic output in the run's log in the store. Never pass secrets. */
  void log(String source, String line);
}
