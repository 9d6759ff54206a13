package io.github.upgradejunit.openstack.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Finds and deletes what a run left behind outside its journal (a crashed JVM, an answer lost in an
 * outage, a test that forgot to delete): servers, containers and application credentials whose
 * name starts with {@code uj-} <em>and</em> that carry the run's tag. Anything lacking either is
 * never touched, so two runs sharing a project, or a user's own {@code uj-} resources, are safe.
 * Thread-safe as far as its parts are; meant for one caller at a time.
 */
public final class Sweeper {

  static final String PREFIX = "uj-";

  /** One thing a run left behind. */
  public record Leftover(String service, String kind, String id, String name) {
  }

  private final Optional<Compute> compute;
  private final Optional<ObjectStorage> storage;
  private final Optional<Identity> identity;
  private final BiConsumer<String, String> log;

  Sweeper(Optional<Compute> compute, Optional<ObjectStorage> storage, Optional<Identity> identity,
      BiConsumer<String, String> log) {
    this.compute = compute;
    this.storage = storage;
    this.identity = identity;
    this.log = log;
  }

  /**
   * What the run left behind.
   *
   * @param onlyTransient only what handles created (not the {@code @PersistentResource}s, which the
   *     core deletes from its journal)
   */
  public List<Leftover> find(String runId, boolean onlyTransient) {
    List<Leftover> found = new ArrayList<>();
    compute.ifPresent(c -> c.listNamed(PREFIX).stream()
        .filter(s -> s.name().startsWith(PREFIX) && runId.equals(s.metadata().get(RunTag.KEY)))
        .filter(s -> !onlyTransient || RunTag.TRANSIENT.equals(s.metadata().get(RunTag.ROLE)))
        .forEach(s -> found.add(new Leftover(Catalog.COMPUTE, "server", s.id(), s.name()))));
    storage.ifPresent(s -> s.containers(PREFIX).stream()
        .filter(name -> tagged(s, name, runId, onlyTransient))
        .forEach(name -> found.add(new Leftover(Catalog.OBJECT_STORE, "container", name, name))));
    if (!onlyTransient) {
      identity.ifPresent(i -> i.listAppCredentials().stream()
          .filter(c -> c.name().startsWith(PREFIX) && RunTag.text(runId).equals(c.details().get("description")))
          .forEach(c -> found.add(new Leftover(Catalog.IDENTITY, "application credential", c.id(), c.name()))));
    }
    return found;
  }

  private static boolean tagged(ObjectStorage storage, String container, String runId, boolean onlyTransient) {
    var metadata = storage.containerMetadata(container);
    return runId.equals(metadata.get(RunTag.KEY))
        && (!onlyTransient || RunTag.TRANSIENT.equals(metadata.get(RunTag.ROLE)));
  }

  /** Delete what {@link #find} returned; returns the ones that could not be deleted, with why. */
  public List<String> delete(List<Leftover> leftovers) {
    List<String> failed = new ArrayList<>();
    for (Leftover leftover : leftovers) {
      try {
        switch (leftover.kind()) {
          case "server" -> compute.orElseThrow().delete(leftover.id());
          case "container" -> storage.orElseThrow().deleteContainer(leftover.id());
          default -> identity.orElseThrow().deleteAppCredential(leftover.id());
        }
        log.accept("openstack", "swept " + leftover.kind() + " " + leftover.name());
      } catch (RuntimeException e) {
        failed.add(leftover.kind() + " " + leftover.name() + " (" + leftover.id() + "): " + e.getMessage());
      }
    }
    return failed;
  }
}
