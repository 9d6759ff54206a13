package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.Container;
import io.github.upgradejunit.spi.ResourceJournal;
import io.github.upgradejunit.spi.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Swift containers as persistent resources: a container holding a small text object, a random
 * binary object and a static large object of three segments (in the same container, so deleting
 * the container's objects deletes everything), all tagged with the run. The fingerprint is the
 * container's metadata and, per object, its size, the MD5 of the content read back, its type,
 * metadata and large-object flag: a lost, truncated or corrupted object shows. The container's
 * name is its id. Thread-safe.
 */
final class ContainerResource implements ResourceType<Container> {

  static final String README = "readme.txt";
  static final String RANDOM = "random.bin";
  static final String LARGE = "large.bin";
  private static final int SEGMENTS = 3;

  private final ObjectStorage storage;
  private final CircuitBreaker breaker;
  private final String runId;

  ContainerResource(ObjectStorage storage, CircuitBreaker breaker, String runId) {
    this.storage = storage;
    this.breaker = breaker;
    this.runId = runId;
  }

  @Override
  public String service() {
    return Catalog.OBJECT_STORE;
  }

  @Override
  public Class<Container> type() {
    return Container.class;
  }

  @Override
  public Container create(String name, ResourceJournal journal) {
    breaker.check("container " + name);
    journal.recordId(name);
    try {
      Map<String, String> tag = Map.of(RunTag.KEY, runId);
      storage.createContainer(name, Map.of(RunTag.KEY, runId, RunTag.ROLE, RunTag.PERSISTENT));
      storage.putOrFail(name, README, ("Written by upgrade-junit before the upgrade of run " + runId + ".\n")
          .getBytes(StandardCharsets.UTF_8), "text/plain", Map.of(RunTag.KEY, runId, "purpose", "readme"));
      storage.putOrFail(name, RANDOM, random(64 * 1024, 1), "application/octet-stream", tag);
      putLargeObject(name, tag);
      breaker.succeeded();
      return new LiveContainer(name, storage);
    } catch (RuntimeException e) {
      breaker.failed(e);
      try {
        storage.deleteContainer(name);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  private void putLargeObject(String container, Map<String, String> tag) {
    int size = Math.max(32 * 1024, storage.minSegmentSize());
    List<String> names = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < SEGMENTS; i++) {
      String segment = LARGE + ".segments/" + String.format("%03d", i);
      byte[] content = random(size, 100 + i);
      storage.putOrFail(container, segment, content, "application/octet-stream", tag);
      names.add(segment);
      contents.add(content);
    }
    storage.putManifest(container, LARGE, names, contents, tag);
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Override
  public String id(Container resource) {
    return resource.name();
  }

  @Override
  public Optional<Container> find(String id) {
    return storage.exists(id) ? Optional.of(new LiveContainer(id, storage)) : Optional.empty();
  }

  @Override
  public Map<String, String> fingerprint(Container resource) {
    return resource.details();
  }

  @Override
  public void delete(String id) {
    storage.deleteContainer(id);
  }

  /** A container by name; every read asks Swift. */
  static final class LiveContainer implements Container {
    private final String name;
    private final ObjectStorage storage;

    LiveContainer(String name, ObjectStorage storage) {
      this.name = name;
      this.storage = storage;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<String> objectNames() {
      return storage.list(name);
    }

    @Override
    public byte[] read(String object) {
      return storage.read(name, object).content();
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> print = new TreeMap<>();
      storage.containerMetadata(name).forEach((k, v) -> print.put("container.meta." + k, v));
      for (String object : storage.list(name)) {
        ObjectStorage.Read read = storage.read(name, object);
        print.put("object." + object, "size=" + read.content().length + " md5=" + ObjectStorage.md5(read.content())
            + " type=" + read.contentType() + " slo=" + read.largeObject() + " meta=" + read.metadata());
      }
      return print;
    }

    @Override
    public String toString() {
      return "Container[" + name + "]";
    }
  }
}
