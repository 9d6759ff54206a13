package io.github.upgradejunit.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.upgradejunit.openstack.OpenStackException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.DLPayload;
import org.openstack4j.model.storage.object.options.CreateUpdateContainerOptions;

/**
 * Swift operations the plugin needs, on the calling thread. openstack4j serves the calls whose
 * answer it reports faithfully (container create and delete, object download and delete, all with
 * the status); plain HTTP serves the rest, because openstack4j's object PUT returns {@code null} on
 * any failure without a status, and its listings and container metadata turn a 404 into "empty".
 * Every upload sends its MD5 as {@code ETag}, so Swift itself rejects a corrupted upload.
 * Thread-safe.
 */
final class ObjectStorage {

  static final String SERVICE = Catalog.OBJECT_STORE;
  private static final Duration CONFLICT_RETRY = Duration.ofSeconds(30);

  private final CloudSession session;
  private final Rest rest;
  private final Duration conflictRetry;

  ObjectStorage(CloudSession session, Rest rest) {
    this(session, rest, CONFLICT_RETRY);
  }

  /** With how long a container delete keeps retrying Swift's 409 (tests shorten it). */
  ObjectStorage(CloudSession session, Rest rest, Duration conflictRetry) {
    this.session = session;
    this.rest = rest;
    this.conflictRetry = conflictRetry;
  }

  /** One object as read back: its bytes and what Swift says about it. */
  record Read(byte[] content, String contentType, boolean largeObject, Map<String, String> metadata) {
  }

  /** Create (or keep) a container with user metadata ({@code X-Container-Meta-<key>}). */
  void createContainer(String container, Map<String, String> metadata) {
    ActionResponse answer;
    try {
      answer = session.withClient(SERVICE, os -> os.objectStorage().containers().create(container,
          CreateUpdateContainerOptions.create().metadata(metadata)));
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "PUT /" + container, e);
    }
    if (!answer.isSuccess()) {
      throw Failures.answered(SERVICE, "creating container " + container, answer.getCode(), answer.getFault());
    }
  }

  /** Whether the container exists (HEAD: 2xx yes, 404 no, anything else fails). */
  boolean exists(String container) {
    Rest.Response response = rest.call(SERVICE, "HEAD", "/" + path(container), Map.of(), null);
    if (response.status() == 404) {
      return false;
    }
    Rest.expectOk(SERVICE, "HEAD /" + container, response);
    return true;
  }

  /** The container's user metadata, lower-case keys without the prefix; fails when it is gone. */
  Map<String, String> containerMetadata(String container) {
    Rest.Response response = rest.call(SERVICE, "HEAD", "/" + path(container), Map.of(), null);
    Rest.expectOk(SERVICE, "HEAD /" + container, response);
    return userMetadata(response.headers(), "x-container-meta-");
  }

  /**
   * Upload an object with its MD5 as {@code ETag}; returns the answer (201 when stored) so a caller
   * can record it. Metadata keys become {@code X-Object-Meta-<key>}.
   */
  Rest.Response put(String container, String object, byte[] content, String contentType, Map<String, String> metadata) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", md5(content));
    headers.put("Content-Type", contentType);
    metadata.forEach((k, v) -> headers.put("X-Object-Meta-" + k, v));
    return rest.call(SERVICE, "PUT", "/" + path(container) + "/" + path(object), headers, content);
  }

  /** Upload and insist on 201; returns the MD5. */
  String putOrFail(String container, String object, byte[] content, String contentType, Map<String, String> metadata) {
    Rest.expectOk(SERVICE, "PUT /" + container + "/" + object, put(container, object, content, contentType, metadata));
    return md5(content);
  }

  /** A static large object made of the given segment objects (already uploaded, same container). */
  void putManifest(String container, String object, List<String> segments, List<byte[]> contents,
      Map<String, String> metadata) {
    List<Map<String, Object>> manifest = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      manifest.add(Map.of("path", "/" + container + "/" + segments.get(i), "etag", md5(contents.get(i)),
          "size_bytes", contents.get(i).length));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    metadata.forEach((k, v) -> headers.put("X-Object-Meta-" + k, v));
    try {
      Rest.Response response = rest.call(SERVICE, "PUT", "/" + path(container) + "/" + path(object)
          + "?multipart-manifest=put", headers, Rest.JSON.writeValueAsBytes(manifest));
      Rest.expectOk(SERVICE, "PUT /" + container + "/" + object + "?multipart-manifest=put", response);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an SLO manifest", e);
    }
  }

  /** The account's containers whose name starts with the prefix, every page of them. */
  List<String> containers(String prefix) {
    List<String> names = new ArrayList<>();
    List<String> page;
    do {
      String marker = names.isEmpty() ? "" : "&marker=" + URLEncoder.encode(names.get(names.size() - 1),
          StandardCharsets.UTF_8);
      page = containerPage("?format=json&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8) + marker);
      names.addAll(page);
    } while (!page.isEmpty());
    return names;
  }

  private List<String> containerPage(String query) {
    Rest.Response response = rest.call(SERVICE, "GET", query, Map.of("Accept", "application/json"), null);
    Rest.expectOk(SERVICE, "GET the account", response);
    List<String> names = new ArrayList<>();
    try {
      for (JsonNode entry : response.json()) {
        names.add(entry.path("name").asText());
      }
    } catch (IOException e) {
      throw new OpenStackException(SERVICE, response.status(), "Swift: the account listing is not JSON", e);
    }
    return names;
  }

  /** The object names of a container (fails when the container is gone). */
  List<String> list(String container) {
    Rest.Response response = rest.call(SERVICE, "GET", "/" + path(container) + "?format=json",
        Map.of("Accept", "application/json"), null);
    Rest.expectOk(SERVICE, "GET /" + container, response);
    List<String> names = new ArrayList<>();
    try {
      for (JsonNode entry : response.json()) {
        names.add(entry.path("name").asText());
      }
    } catch (IOException e) {
      throw new OpenStackException(SERVICE, response.status(), "Swift: the listing of " + container
          + " is not JSON", e);
    }
    return names;
  }

  /** Read an object back in full (a large object is assembled by Swift); fails when it is gone. */
  Read read(String container, String object) {
    try {
      return session.withClient(SERVICE, os -> {
        DLPayload payload = os.objectStorage().objects().download(container, object);
        // closed on every path, an error answer too: an unread body would hold its connection
        try (HttpResponse response = payload.getHttpResponse(); InputStream in = payload.getInputStream()) {
          int status = response.getStatus();
          if (status < 200 || status >= 300) {
            throw Failures.answered(SERVICE, "GET /" + container + "/" + object, status, null);
          }
          Map<String, String> headers = response.headers();
          return new Read(in.readAllBytes(), header(headers, "content-type"),
              "true".equalsIgnoreCase(header(headers, "x-static-large-object")),
              userMetadata(headers, "x-object-meta-"));
        } catch (IOException e) {
          throw Failures.of(SERVICE, "GET /" + container + "/" + object, e);
        }
      });
    } catch (OpenStackException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "GET /" + container + "/" + object, e);
    }
  }

  /** Delete an object; returns Swift's status (404 counts as done). */
  int deleteObject(String container, String object) {
    ActionResponse answer;
    try {
      answer = session.withClient(SERVICE, os -> os.objectStorage().objects().delete(container, object));
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "DELETE /" + container + "/" + object, e);
    }
    if (!answer.isSuccess() && answer.getCode() != 404) {
      throw Failures.answered(SERVICE, "DELETE /" + container + "/" + object, answer.getCode(), answer.getFault());
    }
    return answer.getCode();
  }

  /**
   * Delete a container with everything in it. Swift's 409 (not empty: listings are eventually
   * consistent, or someone wrote into it) makes it empty the container again, for up to 30 s;
   * after that the 409 fails the delete, naming what is still inside.
   */
  void deleteContainer(String container) {
    long until = System.nanoTime() + conflictRetry.toNanos();
    while (true) {
      if (!exists(container)) {
        return;
      }
      for (String object : list(container)) {
        deleteObject(container, object);
      }
      ActionResponse answer = deleteContainerOnce(container);
      if (answer.isSuccess() || answer.getCode() == 404) {
        return;
      }
      if (answer.getCode() != 409 || System.nanoTime() > until) {
        throw Failures.answered(SERVICE, "DELETE /" + container, answer.getCode(), answer.getCode() == 409
            ? "the container still holds " + safeList(container) + " after its objects were deleted for "
                + conflictRetry.toSeconds() + " s" : answer.getFault());
      }
      Compute.sleep(Duration.ofMillis(500));
    }
  }

  private ActionResponse deleteContainerOnce(String container) {
    try {
      return session.withClient(SERVICE, os -> os.objectStorage().containers().delete(container));
    } catch (RuntimeException e) {
      throw Failures.of(SERVICE, "DELETE /" + container, e);
    }
  }

  private String safeList(String container) {
    try {
      return list(container).toString();
    } catch (RuntimeException e) {
      return "objects";
    }
  }

  /** The {@code /info} document's SLO minimum segment size (1 when it does not say). */
  int minSegmentSize() {
    try {
      String info = Catalog.swiftRoot(session.state().catalog().require(SERVICE)) + "/info";
      Rest.Response response = rest.send(SERVICE, "GET", java.net.URI.create(info), Map.of(), null, null);
      return response.ok() ? Math.max(1, response.json().path("slo").path("min_segment_size").asInt(1)) : 1;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  static Map<String, String> userMetadata(Map<String, String> headers, String prefix) {
    Map<String, String> metadata = new TreeMap<>();
    headers.forEach((k, v) -> {
      String key = k.toLowerCase(Locale.ROOT);
      if (key.startsWith(prefix)) {
        metadata.put(key.substring(prefix.length()), v);
      }
    });
    return metadata;
  }

  private static String header(Map<String, String> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  static String md5(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  /** A container or object name as a URL path (slashes kept, everything else encoded). */
  static String path(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }
}
