package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.simulator.IdentityStore.Token;
import io.github.upgradejunit.openstack.simulator.ObjectStore.Account;
import io.github.upgradejunit.openstack.simulator.ObjectStore.Container;
import io.github.upgradejunit.openstack.simulator.ObjectStore.Segment;
import io.github.upgradejunit.openstack.simulator.ObjectStore.StoredObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Swift's API v1 behind keystonemiddleware: {@code /info} and {@code /healthcheck} without a token,
 * accounts, containers and objects with metadata, copies, ranges and static large objects. Errors
 * are Swift's small HTML pages (that is what a real Swift proxy sends, also for 401 and 404).
 */
final class ObjectStoreApi implements ApiHandler {

  private static final int LISTING_LIMIT = 10_000;
  private static final int MAX_SEGMENTS = 1000;
  private static final int MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
  private static final String OBJECT_META = "x-object-meta-";
  private static final String CONTAINER_META = "x-container-meta-";
  private static final String ACCOUNT_META = "x-account-meta-";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ObjectStore store;
  private final IdentityStore identity;

  ObjectStoreApi(ObjectStore store, IdentityStore identity) {
    this.store = store;
    this.identity = identity;
  }

  @Override
  public ApiResponse internalError(RuntimeException error) {
    return Errors.swift(500, "Internal Error", "The server has either erred or is incapable of "
        + "performing the requested operation.");
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    String transId = "tx" + HexFormat.of().formatHex(randomBytes(11)).substring(0, 21) + "-"
        + String.format("%010x", Instant.now().getEpochSecond());
    ApiResponse response;
    try {
      response = route(request);
    } catch (ApiException e) {
      response = e.response();
    }
    return response.header("X-Trans-Id", transId).header("X-Openstack-Request-Id", transId);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private ApiResponse route(ApiRequest request) {
    List<String> parts = request.pathParts(4);
    if (parts.size() == 1 && parts.get(0).equals("info")) {
      return getOnly(request, this::info);
    }
    if (parts.size() == 1 && parts.get(0).equals("healthcheck")) {
      return getOnly(request, r -> ApiResponse.text(200, ApiResponse.TEXT, "OK"));
    }
    if (parts.isEmpty() || !parts.get(0).equals("v1") || parts.size() < 2) {
      throw Errors.swiftError(404, "Not Found", "The resource could not be found.");
    }
    String account = parts.get(1);
    authorize(request, account);
    if (parts.size() == 2) {
      return account(request, account);
    }
    String container = parts.get(2);
    if (parts.size() == 3) {
      return container(request, account, container);
    }
    return object(request, account, container, parts.get(3));
  }

  private void authorize(ApiRequest request, String account) {
    Token token = identity.validate(request.header("X-Auth-Token")).orElseThrow(() ->
        Errors.swiftError(401, "Unauthorized",
            "This server could not verify that you are authorized to access the document you "
                + "requested."));
    boolean own = token.project() != null && account.equals("AUTH_" + token.project().id());
    if (!own) {
      throw Errors.swiftError(403, "Forbidden", "Access was denied to this resource.");
    }
  }

  private ApiResponse info(ApiRequest request) {
    ObjectNode body = Json.object();
    ObjectNode swift = body.putObject("swift");
    swift.put("version", request.version()).put("max_file_size", 5_368_709_122L)
        .put("max_meta_name_length", 128).put("max_meta_value_length", 256)
        .put("max_meta_count", 90).put("max_meta_overall_size", 4096)
        .put("max_header_size", 8192).put("max_object_name_length", 1024)
        .put("container_listing_limit", LISTING_LIMIT).put("account_listing_limit", LISTING_LIMIT)
        .put("max_account_name_length", 256).put("max_container_name_length", 256)
        .put("extra_header_count", 0).put("strict_cors_mode", true)
        .put("allow_account_management", false).put("account_autocreate", true);
    swift.putArray("policies").addObject().put("name", "Policy-0").put("aliases", "Policy-0")
        .put("default", true);
    body.putObject("slo").put("max_manifest_segments", MAX_SEGMENTS)
        .put("max_manifest_size", MAX_MANIFEST_BYTES).put("yield_frequency", 10)
        .put("min_segment_size", 1).put("allow_async_delete", true);
    return ApiResponse.bytes(200, "application/json; charset=UTF-8", Json.bytes(body));
  }

  // ---- account -------------------------------------------------------------------------------

  private ApiResponse account(ApiRequest request, String accountName) {
    switch (request.method()) {
      case "GET":
      case "HEAD":
        return store.withAccount(accountName, account -> {
          ApiResponse response = request.isHead()
              ? ApiResponse.empty(204, ApiResponse.TEXT)
              : listing(request, new ArrayList<>(account.containers.values()), c -> c.name,
                  c -> Json.object().put("name", c.name).put("count", c.objects.size())
                      .put("bytes", c.bytes())
                      .put("last_modified", Json.swiftListing(c.created)));
          return accountHeaders(response, account);
        });
      case "POST":
        return store.withAccount(accountName, account -> {
          account.metadata = updatedMetadata(account.metadata, request, ACCOUNT_META,
              "x-remove-account-meta-");
          return ApiResponse.empty(204, ApiResponse.HTML);
        });
      default:
        throw methodNotAllowed();
    }
  }

  private static ApiResponse accountHeaders(ApiResponse response, Account account) {
    long objects = account.containers.values().stream().mapToLong(c -> c.objects.size()).sum();
    long bytes = account.containers.values().stream().mapToLong(Container::bytes).sum();
    response.header("X-Account-Container-Count", Long.toString(account.containers.size()))
        .header("X-Account-Object-Count", Long.toString(objects))
        .header("X-Account-Bytes-Used", Long.toString(bytes))
        .header("X-Timestamp", timestamp(account.created));
    account.metadata.forEach((k, v) -> response.header("X-Account-Meta-" + k, v));
    return response;
  }

  // ---- container -----------------------------------------------------------------------------

  private ApiResponse container(ApiRequest request, String accountName, String name) {
    if (name.length() > 256) {
      throw Errors.swiftError(400, "Bad Request", "Container name length of " + name.length()
          + " longer than 256");
    }
    return store.withAccount(accountName, account -> {
      Container container = account.containers.get(name);
      switch (request.method()) {
        case "PUT":
          return createContainer(request, account, container, name);
        case "GET":
        case "HEAD":
          return readContainer(request, existing(container));
        case "POST":
          Container target = existing(container);
          target.metadata = updatedMetadata(target.metadata, request, CONTAINER_META,
              "x-remove-container-meta-");
          return ApiResponse.empty(204, ApiResponse.HTML);
        case "DELETE":
          return deleteContainer(account, existing(container));
        default:
          throw methodNotAllowed();
      }
    });
  }

  private static ApiResponse createContainer(ApiRequest request, Account account,
      Container container, String name) {
    boolean created = container == null;
    Container target = created ? new Container(name, Instant.now()) : container;
    target.metadata = updatedMetadata(target.metadata, request, CONTAINER_META,
        "x-remove-container-meta-");
    account.containers.put(name, target);
    return ApiResponse.empty(created ? 201 : 202, ApiResponse.HTML);
  }

  private ApiResponse readContainer(ApiRequest request, Container container) {
    ApiResponse response = request.isHead()
        ? ApiResponse.empty(204, ApiResponse.TEXT)
        : listing(request, new ArrayList<>(container.objects.values()), StoredObject::name,
            o -> Json.object().put("name", o.name()).put("hash", o.etag()).put("bytes", o.size())
                .put("content_type", o.contentType())
                .put("last_modified", Json.swiftListing(o.lastModified())));
    response.header("X-Container-Object-Count", Integer.toString(container.objects.size()))
        .header("X-Container-Bytes-Used", Long.toString(container.bytes()))
        .header("X-Timestamp", timestamp(container.created))
        .header("X-Storage-Policy", "Policy-0");
    container.metadata.forEach((k, v) -> response.header("X-Container-Meta-" + k, v));
    return response;
  }

  private static ApiResponse deleteContainer(Account account, Container container) {
    if (!container.objects.isEmpty()) {
      throw Errors.swiftError(409, "Conflict",
          "There was a conflict when trying to complete your request.");
    }
    account.containers.remove(container.name);
    return ApiResponse.empty(204, ApiResponse.HTML);
  }

  private static Container existing(Container container) {
    if (container == null) {
      throw notFound();
    }
    return container;
  }

  // ---- object --------------------------------------------------------------------------------

  private ApiResponse object(ApiRequest request, String accountName, String containerName,
      String name) {
    if (name.length() > 1024) {
      throw Errors.swiftError(400, "Bad Request", "Object name length of " + name.length()
          + " longer than 1024");
    }
    return store.withAccount(accountName, account -> {
      Container container = existing(account.containers.get(containerName));
      StoredObject object = container.objects.get(name);
      switch (request.method()) {
        case "PUT":
          return request.hasQuery("multipart-manifest")
              && "put".equals(request.query("multipart-manifest"))
              ? StaticLargeObjects.put(request, account, container, name)
              : putObject(request, account, container, name);
        case "GET":
        case "HEAD":
          return readObject(request, account, existingObject(object));
        case "POST":
          return updateObject(request, container, existingObject(object));
        case "DELETE":
          return deleteObject(request, account, container, existingObject(object));
        default:
          throw methodNotAllowed();
      }
    });
  }

  private ApiResponse putObject(ApiRequest request, Account account, Container container,
      String name) {
    String copyFrom = request.header("X-Copy-From");
    byte[] content = copyFrom == null ? request.body() : copySource(account, copyFrom);
    String etag = ObjectStore.md5Hex(content);
    String expected = request.header("ETag");
    if (expected != null && !expected.replace("\"", "").equalsIgnoreCase(etag)) {
      throw Errors.swiftError(422, "Unprocessable Entity",
          "Unable to process the contained instructions");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    if (copyFrom != null) {
      metadata.putAll(sourceObject(account, copyFrom).metadata());
    }
    metadata.putAll(metadataFrom(request, OBJECT_META));
    StoredObject object = new StoredObject(name, content, etag, contentType(request, name),
        Instant.now(), metadata, null);
    container.objects.put(name, object);
    return ApiResponse.empty(201, ApiResponse.HTML).header("ETag", etag)
        .header("Last-Modified", HTTP_DATE.format(object.lastModified()))
        .header("X-Copied-From", copyFrom == null ? null : copyFrom.replaceFirst("^/", ""));
  }

  private byte[] copySource(Account account, String copyFrom) {
    StoredObject source = sourceObject(account, copyFrom);
    return store.content(account, source).orElseThrow(() -> Errors.swiftError(409, "Conflict",
        "There was a conflict when trying to complete your request."));
  }

  private static StoredObject sourceObject(Account account, String copyFrom) {
    String path = ApiRequest.decode(copyFrom.startsWith("/") ? copyFrom.substring(1) : copyFrom);
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw Errors.swiftError(412, "Precondition Failed",
          "X-Copy-From header must be of the form <container name>/<object name>");
    }
    Container container = account.containers.get(path.substring(0, slash));
    StoredObject source = container == null ? null : container.objects.get(path.substring(slash + 1));
    if (source == null) {
      throw notFound();
    }
    return source;
  }

  private ApiResponse readObject(ApiRequest request, Account account, StoredObject object) {
    if (object.isManifest() && "get".equals(request.query("multipart-manifest"))) {
      return objectHeaders(ApiResponse.bytes(200, "application/json; charset=utf-8",
          StaticLargeObjects.manifestBody(object, "raw".equals(request.query("format")))), object)
          .header("ETag", manifestEtag(object));
    }
    byte[] content = store.content(account, object).orElseThrow(() -> Errors.swiftError(409,
        "Conflict", "Object segment no longer valid."));
    Optional<long[]> range = Ranges.parse(request.header("Range"), content.length);
    if (range.isPresent()) {
      long[] r = range.get();
      byte[] slice = Arrays.copyOfRange(content, (int) r[0], (int) r[1] + 1);
      return objectHeaders(ApiResponse.bytes(206, object.contentType(), slice), object)
          .header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + content.length);
    }
    return objectHeaders(ApiResponse.bytes(200, object.contentType(), content), object);
  }

  private static ApiResponse objectHeaders(ApiResponse response, StoredObject object) {
    response.header("ETag", object.visibleEtag())
        .header("Last-Modified", HTTP_DATE.format(object.lastModified()))
        .header("X-Timestamp", timestamp(object.lastModified()))
        .header("Accept-Ranges", "bytes");
    if (object.isManifest()) {
      response.header("X-Static-Large-Object", "True")
          .header("X-Manifest-Etag", manifestEtag(object));
    }
    object.metadata().forEach((k, v) -> response.header("X-Object-Meta-" + k, v));
    return response;
  }

  private static ApiResponse updateObject(ApiRequest request, Container container,
      StoredObject object) {
    String contentType = request.header("Content-Type");
    container.objects.put(object.name(), new StoredObject(object.name(), object.content(),
        object.etag(), contentType == null ? object.contentType() : contentType,
        Instant.now(), metadataFrom(request, OBJECT_META), object.segments()));
    return ApiResponse.text(202, ApiResponse.HTML,
        "<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");
  }

  private static ApiResponse deleteObject(ApiRequest request, Account account,
      Container container, StoredObject object) {
    if ("delete".equals(request.query("multipart-manifest"))) {
      return StaticLargeObjects.delete(account, container, object);
    }
    container.objects.remove(object.name());
    return ApiResponse.empty(204, ApiResponse.HTML);
  }

  private static StoredObject existingObject(StoredObject object) {
    if (object == null) {
      throw notFound();
    }
    return object;
  }

  // ---- shared helpers ------------------------------------------------------------------------

  /** A container or account listing: JSON or plain text, with marker, prefix and limit. */
  private static <T> ApiResponse listing(ApiRequest request, List<T> items,
      Function<T, String> name, Function<T, ObjectNode> json) {
    int limit = listingLimit(request);
    String marker = request.query("marker");
    String endMarker = request.query("end_marker");
    String prefix = request.query("prefix");
    String delimiter = request.query("delimiter");
    List<ObjectNode> entries = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<T> ordered = new ArrayList<>(items);
    if ("true".equalsIgnoreCase(request.query("reverse"))) {
      Collections.reverse(ordered);
    }
    for (T item : ordered) {
      String n = name.apply(item);
      if ((marker != null && n.compareTo(marker) <= 0) || (endMarker != null && n.compareTo(endMarker) >= 0)
          || (prefix != null && !n.startsWith(prefix))) {
        continue;
      }
      String subdir = subdir(n, prefix, delimiter);
      if (subdir != null) {
        if (!names.contains(subdir)) {
          names.add(subdir);
          entries.add(Json.object().put("subdir", subdir));
        }
      } else {
        names.add(n);
        entries.add(json.apply(item));
      }
      if (names.size() >= limit) {
        break;
      }
    }
    if (wantsJson(request)) {
      ArrayNode array = Json.array();
      entries.forEach(array::add);
      return ApiResponse.bytes(200, "application/json; charset=utf-8", Json.bytes(array));
    }
    if (names.isEmpty()) {
      return ApiResponse.empty(204, ApiResponse.TEXT);
    }
    return ApiResponse.text(200, ApiResponse.TEXT, String.join("\n", names) + "\n");
  }

  private static String subdir(String name, String prefix, String delimiter) {
    if (delimiter == null || delimiter.isEmpty()) {
      return null;
    }
    int from = prefix == null ? 0 : prefix.length();
    int at = name.indexOf(delimiter, from);
    return at < 0 ? null : name.substring(0, at + delimiter.length());
  }

  private static int listingLimit(ApiRequest request) {
    String text = request.query("limit");
    if (text == null) {
      return LISTING_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit > LISTING_LIMIT) {
        throw Errors.swiftError(412, "Precondition Failed", "Maximum limit is " + LISTING_LIMIT);
      }
      return Math.max(limit, 0);
    } catch (NumberFormatException e) {
      throw Errors.swiftError(412, "Precondition Failed", "Value of limit must be a positive integer");
    }
  }

  private static boolean wantsJson(ApiRequest request) {
    String format = request.query("format");
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    String accept = request.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
  }

  static Map<String, String> metadataFrom(ApiRequest request, String prefix) {
    Map<String, String> metadata = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length() && !value.isEmpty()) {
        metadata.put(name.substring(prefix.length()), value);
      }
    });
    return metadata;
  }

  private static Map<String, String> updatedMetadata(Map<String, String> current,
      ApiRequest request, String prefix, String removePrefix) {
    Map<String, String> updated = new LinkedHashMap<>(current);
    request.headers().forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        String key = name.substring(prefix.length());
        if (value.isEmpty()) {
          updated.remove(key);
        } else {
          updated.put(key, value);
        }
      } else if (name.startsWith(removePrefix)) {
        updated.remove(name.substring(removePrefix.length()));
      }
    });
    return updated;
  }

  private static String contentType(ApiRequest request, String name) {
    String given = request.header("Content-Type");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith(".txt")) {
      return "text/plain";
    }
    if (lower.endsWith(".html")) {
      return "text/html";
    }
    return "application/octet-stream";
  }

  /** Swift's X-Timestamp: seconds since the epoch with five decimals. */
  static String timestamp(Instant instant) {
    return String.format(Locale.ROOT, "%d.%05d", instant.getEpochSecond(),
        instant.getNano() / 10_000);
  }

  private static ApiResponse getOnly(ApiRequest request,
      Function<ApiRequest, ApiResponse> answer) {
    if (!request.method().equals("GET") && !request.isHead()) {
      throw methodNotAllowed();
    }
    return answer.apply(request);
  }

  /** Swift's X-Manifest-Etag: the md5 of the manifest as stored. */
  private static String manifestEtag(StoredObject manifest) {
    return ObjectStore.md5Hex(StaticLargeObjects.manifestBody(manifest, false));
  }

  static ApiException notFound() {
    return Errors.swiftError(404, "Not Found", "The resource could not be found.");
  }

  private static ApiException methodNotAllowed() {
    return Errors.swiftError(405, "Method Not Allowed",
        "The method is not allowed for this resource.");
  }

  /** Helpers for {@code ?multipart-manifest=...}: the SLO middleware's part of Swift. */
  static final class StaticLargeObjects {

    private StaticLargeObjects() {
    }

    static ApiResponse put(ApiRequest request, Account account, Container container, String name) {
      if (request.body().length > MAX_MANIFEST_BYTES) {
        throw Errors.swiftError(413, "Request Entity Too Large",
            "Manifest File > " + MAX_MANIFEST_BYTES + " bytes");
      }
      JsonNode list = Json.parseOrNull(request.body());
      if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_SEGMENTS) {
        throw badManifest("Manifest must be valid JSON with 1 to " + MAX_SEGMENTS + " segments.\n");
      }
      List<Segment> segments = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (JsonNode entry : list) {
        segment(account, entry, errors).ifPresent(segments::add);
      }
      if (!errors.isEmpty()) {
        throw badManifest("Errors:\n" + String.join("\n", errors) + "\n");
      }
      String etag = ObjectStore.sloEtag(segments);
      StoredObject manifest = new StoredObject(name, new byte[0], etag,
          contentType(request, name), Instant.now(), metadataFrom(request, OBJECT_META),
          List.copyOf(segments));
      container.objects.put(name, manifest);
      return ApiResponse.empty(201, ApiResponse.HTML).header("ETag", "\"" + etag + "\"")
          .header("Last-Modified", HTTP_DATE.format(manifest.lastModified()));
    }

    private static Optional<Segment> segment(Account account, JsonNode entry, List<String> errors) {
      String path = Json.text(entry, "path");
      String[] parts = path == null ? new String[0]
          : (path.startsWith("/") ? path.substring(1) : path).split("/", 2);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        errors.add(path + ", Invalid path");
        return Optional.empty();
      }
      Container container = account.containers.get(parts[0]);
      StoredObject object = container == null ? null : container.objects.get(parts[1]);
      if (object == null) {
        errors.add("/" + parts[0] + "/" + parts[1] + ", 404 Not Found");
        return Optional.empty();
      }
      JsonNode etag = entry.get("etag");
      JsonNode size = entry.get("size_bytes");
      if (etag != null && !etag.isNull() && !etag.asText().replace("\"", "").equals(object.etag())) {
        errors.add("/" + parts[0] + "/" + parts[1] + ", Etag Mismatch");
        return Optional.empty();
      }
      if (size != null && !size.isNull() && size.asLong(-1) != object.size()) {
        errors.add("/" + parts[0] + "/" + parts[1] + ", Size Mismatch");
        return Optional.empty();
      }
      if (object.size() < 1) {
        errors.add("/" + parts[0] + "/" + parts[1] + ", Too small; each segment must be at least 1 byte.");
        return Optional.empty();
      }
      return Optional.of(new Segment(parts[0], parts[1], object.etag(), object.size()));
    }

    private static ApiException badManifest(String message) {
      return ApiResponse.text(400, ApiResponse.TEXT, message).asException();
    }

    /** The manifest as Swift returns it for {@code ?multipart-manifest=get}. */
    static byte[] manifestBody(StoredObject manifest, boolean raw) {
      ArrayNode list = Json.array();
      for (Segment segment : manifest.segments()) {
        if (raw) {
          list.addObject().put("path", segment.path()).put("etag", segment.etag())
              .put("size_bytes", segment.size());
        } else {
          list.addObject().put("name", segment.path()).put("hash", segment.etag())
              .put("bytes", segment.size()).put("content_type", "application/octet-stream")
              .put("last_modified", Json.swiftListing(manifest.lastModified()));
        }
      }
      return Json.bytes(list);
    }

    static ApiResponse delete(Account account, Container container, StoredObject object) {
      int deleted = 0;
      int notFound = 0;
      if (object.isManifest()) {
        for (Segment segment : object.segments()) {
          Container c = account.containers.get(segment.container());
          if (c != null && c.objects.remove(segment.object()) != null) {
            deleted++;
          } else {
            notFound++;
          }
        }
      }
      container.objects.remove(object.name());
      deleted++;
      return ApiResponse.text(200, ApiResponse.TEXT, "Number Deleted: " + deleted
          + "\nNumber Not Found: " + notFound + "\nResponse Body: \nResponse Status: 200 OK\n"
          + "Errors: \n");
    }
  }
}
