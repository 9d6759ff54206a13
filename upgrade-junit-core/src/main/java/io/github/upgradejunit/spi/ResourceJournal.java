package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Lets a {@link ResourceType} journal an id the moment the API returns it. */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ResourceJournal {

  /** Record the id of the resource being created; committed to the store before this returns. */
  void recordId(String id);
}
