package io.github.upgradejunit.openstack.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Swift's data: accounts (one per project, created on first use as with
 * {@code account_autocreate}), containers and objects in name order. Objects are immutable values
 * replaced on every change, so a reader never sees half an update. A static large object keeps
 * its segment list; its content is assembled when read.
 */
final class ObjectStore {

  /** One entry of an SLO manifest, with the etag and size the segment had when it was put. */
  record Segment(String container, String object, String etag, long size) {
    String path() {
      return "/" + container + "/" + object;
    }
  }

  /** An object; {@code segments} is non-null for an SLO manifest. */
  record StoredObject(String name, byte[] content, String etag, String contentType,
      Instant lastModified, Map<String, String> metadata, List<Segment> segments) {

    boolean isManifest() {
      return segments != null;
    }

    /** The size a GET returns: the segments' total for a manifest. */
    long size() {
      return isManifest() ? segments.stream().mapToLong(Segment::size).sum() : content.length;
    }

    /** What a GET's ETag says: quoted md5 of the segment etags for a manifest, as Swift does. */
    String visibleEtag() {
      return isManifest() ? "\"" + etag + "\"" : etag;
    }
  }

  static final class Container {
    final String name;
    final Instant created;
    Map<String, String> metadata = new LinkedHashMap<>();
    final NavigableMap<String, StoredObject> objects = new TreeMap<>();

    Container(String name, Instant created) {
      this.name = name;
      this.created = created;
    }

    long bytes() {
      return objects.values().stream().mapToLong(StoredObject::size).sum();
    }
  }

  static final class Account {
    final Instant created = Instant.now();
    Map<String, String> metadata = new LinkedHashMap<>();
    final NavigableMap<String, Container> containers = new TreeMap<>();
  }

  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final TruthRecorder truth;

  ObjectStore(TruthRecorder truth) {
    this.truth = truth;
  }

  static String md5Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  /** Runs a read or change of an account under the store's lock. */
  synchronized <T> T withAccount(String account, Function<Account, T> action) {
    return action.apply(accounts.computeIfAbsent(account, a -> new Account()));
  }

  /** The content a GET of the object returns, or empty when a segment is gone or changed. */
  synchronized Optional<byte[]> content(Account account, StoredObject object) {
    return assemble(account, object, 0);
  }

  private Optional<byte[]> assemble(Account account, StoredObject object, int depth) {
    if (!object.isManifest()) {
      return Optional.of(object.content());
    }
    if (depth > 10) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Segment segment : object.segments()) {
      Optional<byte[]> part = segmentContent(account, segment, depth);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      out.writeBytes(part.get());
    }
    return Optional.of(out.toByteArray());
  }

  private Optional<byte[]> segmentContent(Account account, Segment segment, int depth) {
    Container container = account.containers.get(segment.container());
    StoredObject part = container == null ? null : container.objects.get(segment.object());
    if (part == null || !part.etag().equals(segment.etag())) {
      return Optional.empty();
    }
    return assemble(account, part, depth + 1);
  }

  /** The etag an SLO gets from its segments: md5 of their etags concatenated. */
  static String sloEtag(List<Segment> segments) {
    StringBuilder joined = new StringBuilder();
    segments.forEach(s -> joined.append(s.etag()));
    return md5Hex(joined.toString().getBytes(StandardCharsets.US_ASCII));
  }

  // ---- faults --------------------------------------------------------------------------------

  /**
   * Silently changes the content of the {@code count} oldest objects whose container and object
   * names contain the fragments (null = any). For an SLO the first segment is corrupted, so the
   * manifest no longer assembles. Returns {@code container/object} of each corrupted object.
   */
  synchronized List<String> corrupt(String containerFragment, String objectFragment, int count) {
    record Candidate(Account account, Container container, StoredObject object) {
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Account account : accounts.values()) {
      for (Container container : account.containers.values()) {
        if (containerFragment != null && !container.name.contains(containerFragment)) {
          continue;
        }
        for (StoredObject object : container.objects.values()) {
          if (objectFragment == null || object.name().contains(objectFragment)) {
            candidates.add(new Candidate(account, container, object));
          }
        }
      }
    }
    candidates.sort(Comparator.comparing(c -> c.object().lastModified()));
    List<String> corrupted = new ArrayList<>();
    for (Candidate candidate : candidates.subList(0, Math.min(count, candidates.size()))) {
      String target = candidate.container().name + "/" + candidate.object().name();
      String detail = corruptOne(candidate.account(), candidate.container(), candidate.object());
      if (detail != null) {
        truth.fault("corrupt-object", SimulatedService.OBJECT_STORE, target, null, Instant.now(),
            null, detail);
        corrupted.add(target);
      }
    }
    return corrupted;
  }

  private String corruptOne(Account account, Container container, StoredObject object) {
    if (object.isManifest()) {
      Segment first = object.segments().get(0);
      Container segmentContainer = account.containers.get(first.container());
      StoredObject segment = segmentContainer == null ? null
          : segmentContainer.objects.get(first.object());
      if (segment == null || segment.isManifest()) {
        return null;
      }
      String detail = flipBits(segmentContainer, segment);
      return "static large object; its first segment " + first.path() + " changed: " + detail;
    }
    return flipBits(container, object);
  }

  private static String flipBits(Container container, StoredObject object) {
    byte[] content = object.content().length == 0 ? new byte[] {'X'} : object.content().clone();
    content[0] = (byte) (content[0] ^ 0x5A);
    String etag = md5Hex(content);
    container.objects.put(object.name(), new StoredObject(object.name(), content, etag,
        object.contentType(), object.lastModified(), object.metadata(), null));
    return "content changed, etag " + object.etag() + " -> " + etag;
  }
}
