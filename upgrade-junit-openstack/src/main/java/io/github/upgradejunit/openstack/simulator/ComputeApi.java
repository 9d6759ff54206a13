package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Flavor;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Image;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Keypair;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Phase;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Server;
import io.github.upgradejunit.openstack.simulator.IdentityStore.Token;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Nova's API v2.1 with microversions: version discovery, servers (with metadata and a few
 * actions), flavors, the image proxy (gone from 2.36 on, as in Nova), keypairs, limits, quotas,
 * availability zones and, for admins, the service list. The maximum microversion is the serving
 * backend's version, so a client sees mixed versions during a rolling upgrade.
 */
final class ComputeApi implements ApiHandler {

  private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern KEYPAIR_NAME = Pattern.compile("[A-Za-z0-9 _.@-]{1,255}");

  private final ComputeStore store;
  private final IdentityStore identity;
  private final Endpoints endpoints;
  private final Supplier<List<Boolean>> backendsUp;

  /** The request being answered, with its negotiated microversion and token. */
  private record Call(ApiRequest request, Microversion version, Token token, ComputeViews views,
      List<String> path) {
    String project() {
      return token.project().id();
    }
  }

  ComputeApi(ComputeStore store, IdentityStore identity, Endpoints endpoints,
      Supplier<List<Boolean>> backendsUp) {
    this.store = store;
    this.identity = identity;
    this.endpoints = endpoints;
    this.backendsUp = backendsUp;
  }

  @Override
  public ApiResponse internalError(RuntimeException error) {
    return ApiResponse.json(500, Errors.nova(500, "Unexpected API Error. Please report this at "
        + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n"
        + "<class '" + error.getClass().getSimpleName() + "'>"));
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    String requestId = "req-" + UUID.randomUUID();
    List<String> path = request.segments();
    ApiResponse response;
    try {
      response = route(request, path);
    } catch (ApiException e) {
      response = e.response();
    }
    return response.header("X-Openstack-Request-Id", requestId)
        .header("X-Compute-Request-Id", requestId);
  }

  private ApiResponse route(ApiRequest request, List<String> path) {
    if (path.isEmpty()) {
      return versionList(request);
    }
    if (path.get(0).equals("v2") && path.size() == 1) {
      return ApiResponse.json(200, wrap("version",
          ComputeViews.versionBody(request.baseUrl(), "v2.0", "SUPPORTED", "", "")));
    }
    if (!path.get(0).equals("v2.1")) {
      throw notFound("The resource could not be found.");
    }
    Token token = identity.validate(request.header("X-Auth-Token"))
        .orElseThrow(() -> Errors.unauthorizedJson(endpoints.baseUrl(SimulatedService.IDENTITY)));
    if (path.size() == 1) { // as in Nova, only the unversioned root is open to all
      return ApiResponse.json(200, wrap("version", currentVersion(request)));
    }
    if (token.project() == null) {
      throw Errors.novaError(403, "Policy doesn't allow this action to be performed "
          + "without a project-scoped token.");
    }
    Microversion version = negotiate(request);
    List<String> rest = stripProjectId(path.subList(1, path.size()), token);
    Call call = new Call(request, version, token, new ComputeViews(request.baseUrl(), version),
        rest);
    return withVersionHeaders(dispatch(call), version);
  }

  private ApiResponse withVersionHeaders(ApiResponse response, Microversion version) {
    return response.header("OpenStack-API-Version", "compute " + version)
        .header("X-OpenStack-Nova-API-Version", version.toString())
        .header("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
  }

  private ApiResponse dispatch(Call call) {
    if (call.path().isEmpty()) {
      return ApiResponse.json(200, wrap("version", currentVersion(call.request())));
    }
    try {
      switch (call.path().get(0)) {
        case "servers": return servers(call);
        case "flavors": return flavors(call);
        case "images": return images(call);
        case "os-keypairs": return keypairs(call);
        case "limits": return getOnly(call, this::limits);
        case "os-quota-sets": return getOnly(call, this::quotaSet);
        case "os-availability-zone": return getOnly(call, this::availabilityZones);
        case "os-services": return getOnly(call, this::services);
        default: throw notFound("The resource could not be found.");
      }
    } catch (ApiException e) {
      return withVersionHeaders(e.response(), call.version());
    }
  }

  // ---- versions ------------------------------------------------------------------------------

  private ApiResponse versionList(ApiRequest request) {
    ObjectNode body = Json.object();
    ArrayNode versions = body.putArray("versions");
    versions.add(ComputeViews.versionBody(request.baseUrl(), "v2.0", "SUPPORTED", "", ""));
    versions.add(currentVersion(request));
    return ApiResponse.json(200, body);
  }

  private static ObjectNode currentVersion(ApiRequest request) {
    ObjectNode node = ComputeViews.versionBody(request.baseUrl(), "v2.1", "CURRENT",
        request.version(), Microversion.MIN.toString());
    node.putArray("media-types").addObject().put("base", "application/json")
        .put("type", "application/vnd.openstack.compute+json;version=2.1");
    return node;
  }

  private static Microversion negotiate(ApiRequest request) {
    Microversion max = Microversion.parse(request.version());
    String requested = requestedVersion(request);
    if (requested == null) {
      return Microversion.MIN;
    }
    if (requested.equalsIgnoreCase("latest")) {
      return max;
    }
    Microversion version = Microversion.parseOrNull(requested);
    if (version == null) {
      throw Errors.novaError(400, "API Version String " + requested
          + " is of invalid format. Must be of format MajorNum.MinorNum.");
    }
    if (version.compareTo(Microversion.MIN) < 0 || version.compareTo(max) > 0) {
      throw Errors.novaError(406, "Version " + version + " is not supported by the API. "
          + "Minimum is " + Microversion.MIN + " and maximum is " + max + ".");
    }
    return version;
  }

  private static String requestedVersion(ApiRequest request) {
    String header = request.header("OpenStack-API-Version");
    if (header != null) {
      for (String part : header.split(",")) {
        String[] words = part.trim().split("\\s+");
        if (words.length == 2 && words[0].equalsIgnoreCase("compute")) {
          return words[1];
        }
      }
    }
    return request.header("X-OpenStack-Nova-API-Version");
  }

  /** Nova accepts {@code /v2.1/{project_id}/...}; the id must be the token's project. */
  private static List<String> stripProjectId(List<String> rest, Token token) {
    if (rest.isEmpty() || !PROJECT_ID.matcher(rest.get(0)).matches()) {
      return rest;
    }
    if (!rest.get(0).equals(token.project().id())) {
      throw Errors.novaError(400, "Malformed request URL: URL's project_id '" + rest.get(0)
          + "' doesn't match Context's project_id '" + token.project().id() + "'");
    }
    return rest.subList(1, rest.size());
  }

  // ---- servers -------------------------------------------------------------------------------

  private ApiResponse servers(Call call) {
    List<String> path = call.path();
    String method = call.request().method();
    if (path.size() == 1) {
      if (method.equals("POST")) {
        return createServer(call);
      }
      return getOnly(call, c -> listServers(c, false));
    }
    if (path.get(1).equals("detail") && path.size() == 2) {
      return getOnly(call, c -> listServers(c, true));
    }
    Server server = store.get(visibleProject(call), path.get(1))
        .orElseThrow(() -> notFound("Instance " + path.get(1) + " could not be found."));
    if (path.size() == 2) {
      return server(call, server);
    }
    switch (path.get(2)) {
      case "metadata": return ServerMetadata.handle(call.request(), path, store, server);
      case "action": return action(call, server);
      default: throw notFound("The resource could not be found.");
    }
  }

  private String visibleProject(Call call) {
    return call.token().isAdmin() ? null : call.project();
  }

  private ApiResponse server(Call call, Server server) {
    switch (call.request().method()) {
      case "GET":
      case "HEAD":
        return ApiResponse.json(200, wrap("server", call.views().serverDetail(server, Instant.now())));
      case "PUT":
        return updateServer(call, server);
      case "DELETE":
        store.delete(null, server.id);
        return ApiResponse.empty(204, ApiResponse.JSON);
      default:
        throw methodNotAllowed();
    }
  }

  private ApiResponse updateServer(Call call, Server server) {
    JsonNode body = Json.parseOrNull(call.request().body());
    JsonNode update = body == null ? null : body.get("server");
    if (update == null || !update.isObject()) {
      throw invalidInput("server", "'server' is a required property");
    }
    String name = Json.text(update, "name");
    if (name != null) {
      store.modify(server, s -> s.name = name);
    }
    return ApiResponse.json(200, wrap("server", call.views().serverDetail(server, Instant.now())));
  }

  private ApiResponse listServers(Call call, boolean detail) {
    String projectFilter = call.token().isAdmin() && isTrue(call.request().query("all_tenants"))
        ? null : call.project();
    List<Server> matching = new ArrayList<>();
    Pattern name = namePattern(call.request().query("name"));
    String status = call.request().query("status");
    for (Server server : store.list(projectFilter)) {
      boolean nameOk = name == null || name.matcher(server.name).find();
      boolean statusOk = status == null
          || ComputeViews.status(server.phase(Instant.now())).equalsIgnoreCase(status);
      if (nameOk && statusOk) {
        matching.add(server);
      }
    }
    Instant now = Instant.now();
    return page(call, "servers", detail ? "servers/detail" : "servers", matching, s -> s.id,
        s -> detail ? call.views().serverDetail(s, now) : call.views().serverSummary(s));
  }

  private static Pattern namePattern(String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw Errors.novaError(400, "Invalid regular expression: " + regex);
    }
  }

  private ApiResponse createServer(Call call) {
    JsonNode body = Json.parseOrNull(call.request().body());
    JsonNode spec = body == null ? null : body.get("server");
    if (spec == null || !spec.isObject()) {
      throw invalidInput("server", "'server' is a required property");
    }
    ServerRequest parsed = ServerRequest.parse(spec, call.version());
    Flavor flavor = ComputeStore.flavor(parsed.flavorId())
        .orElseThrow(() -> Errors.novaError(400, "Flavor " + parsed.flavorId() + " could not be found."));
    Image image = ComputeStore.image(parsed.imageId())
        .orElseThrow(() -> Errors.novaError(400, "Can not find requested image"));
    if (parsed.keyName() != null
        && store.keypair(call.token().user().id(), parsed.keyName()).isEmpty()) {
      throw Errors.novaError(400, "Invalid key_name provided.");
    }
    Server server = store.create(parsed.name(), call.project(), call.token().user().id(), flavor,
        image, parsed.keyName(), parsed.metadata(), parsed.description())
        .orElseThrow(() -> Errors.novaError(403, "Quota exceeded for instances: Requested 1, "
            + "but already used " + store.maxServers() + " of " + store.maxServers()
            + " instances"));
    return ApiResponse.json(202, wrap("server", call.views().serverCreated(server)))
        .header("Location", call.request().baseUrl() + "/v2.1/servers/" + server.id);
  }

  private ApiResponse action(Call call, Server server) {
    if (!call.request().method().equals("POST")) {
      throw methodNotAllowed();
    }
    JsonNode body = Json.parseOrNull(call.request().body());
    if (body == null || !body.isObject() || body.size() != 1) {
      throw Errors.novaError(400, "Malformed request body");
    }
    String action = body.fieldNames().next();
    Phase phase = server.phase(Instant.now());
    switch (action) {
      case "os-stop":
        requirePhase(server, phase, Phase.ACTIVE, "stop");
        store.modify(server, s -> s.stopped = true);
        break;
      case "os-start":
        requirePhase(server, phase, Phase.SHUTOFF, "start");
        store.modify(server, s -> s.stopped = false);
        break;
      case "reboot":
        if (phase == Phase.BUILD || phase == Phase.DELETING) {
          requirePhase(server, phase, Phase.ACTIVE, "reboot");
        }
        store.modify(server, s -> s.stopped = false);
        break;
      default:
        throw Errors.novaError(400, "There is no such action: " + action);
    }
    return ApiResponse.empty(202, ApiResponse.JSON);
  }

  private static void requirePhase(Server server, Phase phase, Phase wanted, String action) {
    if (phase != wanted) {
      String state = phase == Phase.BUILD ? "building" : phase == Phase.SHUTOFF ? "stopped"
          : phase == Phase.DELETING ? "deleting" : "active";
      throw Errors.novaError(409, "Cannot '" + action + "' instance " + server.id
          + " while it is in vm_state " + state);
    }
  }

  // ---- flavors and images --------------------------------------------------------------------

  private ApiResponse flavors(Call call) {
    List<String> path = call.path();
    if (path.size() == 1 || (path.size() == 2 && path.get(1).equals("detail"))) {
      boolean detail = path.size() == 2;
      int minRam = intQuery(call, "minRam", 0);
      int minDisk = intQuery(call, "minDisk", 0);
      List<Flavor> matching = ComputeStore.FLAVORS.stream()
          .filter(f -> f.ram() >= minRam && f.disk() >= minDisk).toList();
      return getOnly(call, c -> page(c, "flavors", detail ? "flavors/detail" : "flavors",
          matching, Flavor::id, f -> c.views().flavor(f, detail)));
    }
    Flavor flavor = ComputeStore.flavor(path.get(1))
        .orElseThrow(() -> notFound("Flavor " + path.get(1) + " could not be found."));
    if (path.size() == 2) {
      return getOnly(call, c -> ApiResponse.json(200, wrap("flavor", c.views().flavor(flavor, true))));
    }
    if (path.size() == 3 && path.get(2).equals("os-extra_specs")) {
      return getOnly(call, c -> ApiResponse.json(200, wrap("extra_specs", Json.object())));
    }
    throw notFound("The resource could not be found.");
  }

  private ApiResponse images(Call call) {
    if (call.version().atLeast(36)) {
      throw notFound("The resource could not be found.");
    }
    List<String> path = call.path();
    if (path.size() == 1 || (path.size() == 2 && path.get(1).equals("detail"))) {
      boolean detail = path.size() == 2;
      return getOnly(call, c -> page(c, "images", detail ? "images/detail" : "images",
          ComputeStore.IMAGES, Image::id, i -> c.views().image(i, detail)));
    }
    Image image = ComputeStore.image(path.get(1))
        .orElseThrow(() -> notFound("Image not found."));
    if (path.size() == 2) {
      return getOnly(call, c -> ApiResponse.json(200, wrap("image", c.views().image(image, true))));
    }
    throw notFound("The resource could not be found.");
  }

  // ---- keypairs ------------------------------------------------------------------------------

  private ApiResponse keypairs(Call call) {
    List<String> path = call.path();
    String userId = call.token().user().id();
    if (path.size() == 1) {
      if (call.request().method().equals("POST")) {
        return createKeypair(call);
      }
      return getOnly(call, c -> listKeypairs(c, store.keypairs(userId)));
    }
    if (path.size() != 2) {
      throw notFound("The resource could not be found.");
    }
    String name = path.get(1);
    Keypair keypair = store.keypair(userId, name)
        .orElseThrow(() -> notFound("Keypair " + name + " not found for user " + userId));
    switch (call.request().method()) {
      case "GET":
      case "HEAD":
        return ApiResponse.json(200, wrap("keypair", call.views().keypair(keypair, true)));
      case "DELETE":
        store.deleteKeypair(userId, name);
        return ApiResponse.empty(call.version().atLeast(2) ? 204 : 202, ApiResponse.JSON);
      default:
        throw methodNotAllowed();
    }
  }

  /** Paging ({@code limit}, {@code marker}) exists for keypairs from 2.35 on, as in Nova. */
  private ApiResponse listKeypairs(Call call, List<Keypair> keypairs) {
    if (call.version().atLeast(35)) {
      return page(call, "keypairs", "os-keypairs", keypairs, Keypair::name,
          k -> wrap("keypair", call.views().keypair(k, false)));
    }
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("keypairs");
    keypairs.forEach(k -> array.add(wrap("keypair", call.views().keypair(k, false))));
    return ApiResponse.json(200, body);
  }

  private ApiResponse createKeypair(Call call) {
    JsonNode body = Json.parseOrNull(call.request().body());
    JsonNode spec = body == null ? null : body.get("keypair");
    String name = Json.text(spec, "name");
    if (spec == null || name == null) {
      throw invalidInput("keypair", "'name' is a required property");
    }
    if (!KEYPAIR_NAME.matcher(name).matches()) {
      throw Errors.novaError(400, "Keypair data is invalid: Keypair name contains unsafe characters");
    }
    String publicKey = Json.text(spec, "public_key");
    if (publicKey == null && call.version().atLeast(92)) {
      throw invalidInput("keypair", "'public_key' is a required property");
    }
    String privateKey = null;
    if (publicKey == null) {
      SshKeys.Generated generated = SshKeys.generate("Generated-by-Nova");
      publicKey = generated.publicKey();
      privateKey = generated.privateKey();
    }
    String fingerprint = SshKeys.fingerprintOrNull(publicKey);
    if (fingerprint == null) {
      throw Errors.novaError(400, "Keypair data is invalid: failed to generate fingerprint");
    }
    String type = Json.text(spec, "type") == null ? "ssh" : Json.text(spec, "type");
    Keypair keypair = store.addKeypair(call.token().user().id(), name, publicKey, fingerprint, type)
        .orElseThrow(() -> Errors.novaError(409, "Key pair '" + name + "' already exists."));
    ObjectNode view = call.views().keypair(keypair, false).put("user_id", keypair.userId());
    if (privateKey != null) {
      view.put("private_key", privateKey);
    }
    return ApiResponse.json(call.version().atLeast(2) ? 201 : 200, wrap("keypair", view));
  }

  // ---- limits, quotas, zones, services --------------------------------------------------------

  private ApiResponse limits(Call call) {
    String project = call.project();
    ObjectNode limits = Json.object();
    limits.putArray("rate");
    limits.putObject("absolute").put("maxTotalInstances", store.maxServers())
        .put("maxTotalCores", store.maxServers() * 2).put("maxTotalRAMSize", 51200)
        .put("maxServerMeta", 128).put("maxImageMeta", 128).put("maxPersonality", 5)
        .put("maxPersonalitySize", 10240).put("maxTotalKeypairs", 100)
        .put("maxServerGroups", 10).put("maxServerGroupMembers", 10)
        .put("totalInstancesUsed", store.countFor(project))
        .put("totalCoresUsed", store.usedCores(project))
        .put("totalRAMUsed", store.usedRam(project)).put("totalServerGroupsUsed", 0);
    return ApiResponse.json(200, wrap("limits", limits));
  }

  private ApiResponse quotaSet(Call call) {
    if (call.path().size() != 2) {
      throw notFound("The resource could not be found.");
    }
    String project = call.path().get(1);
    if (!project.equals(call.project()) && !call.token().isAdmin()) {
      throw Errors.novaError(403, "Policy doesn't allow os_compute_api:os-quota-sets:show "
          + "to be performed.");
    }
    ObjectNode quota = Json.object();
    quota.put("id", project).put("instances", store.maxServers())
        .put("cores", store.maxServers() * 2).put("ram", 51200).put("key_pairs", 100)
        .put("metadata_items", 128).put("server_groups", 10).put("server_group_members", 10);
    return ApiResponse.json(200, wrap("quota_set", quota));
  }

  private ApiResponse availabilityZones(Call call) {
    ObjectNode body = Json.object();
    ObjectNode zone = body.putArray("availabilityZoneInfo").addObject();
    zone.put("zoneName", "nova").putObject("zoneState").put("available", true);
    zone.putNull("hosts");
    return ApiResponse.json(200, body);
  }

  private ApiResponse services(Call call) {
    if (!call.token().isAdmin()) {
      throw Errors.novaError(403, "Policy doesn't allow os_compute_api:os-services:list "
          + "to be performed.");
    }
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("services");
    List<Boolean> up = backendsUp.get();
    int id = 1;
    for (int backend = 1; backend <= up.size(); backend++) {
      for (String binary : List.of("nova-scheduler", "nova-conductor")) {
        list.add(service(id++, binary, SimulatorDriver.host(backend), "internal",
            up.get(backend - 1)));
      }
    }
    list.add(service(id, "nova-compute", "sim-cmp1", "nova", true));
    return ApiResponse.json(200, body);
  }

  private static ObjectNode service(int id, String binary, String host, String zone, boolean up) {
    return Json.object().put("id", id).put("binary", binary).put("host", host).put("zone", zone)
        .put("status", "enabled").put("state", up ? "up" : "down")
        .put("updated_at", Json.micros(Instant.now()).replace("Z", ""))
        .putNull("disabled_reason").put("forced_down", false);
  }

  // ---- paging and helpers --------------------------------------------------------------------

  /** Nova's {@code limit}/{@code marker} paging with a {@code *_links} "next" link. */
  private <T> ApiResponse page(Call call, String key, String collectionPath, List<T> items,
      Function<T, String> id, Function<T, ObjectNode> view) {
    int limit = intQuery(call, "limit", -1);
    String marker = call.request().query("marker");
    int start = 0;
    if (marker != null) {
      start = -1;
      for (int i = 0; i < items.size(); i++) {
        if (id.apply(items.get(i)).equals(marker)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw Errors.novaError(400, "marker [" + marker + "] not found");
      }
    }
    int end = limit < 0 ? items.size() : Math.min(items.size(), start + limit);
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray(key);
    for (T item : items.subList(start, end)) {
      array.add(view.apply(item));
    }
    if (limit >= 0 && end < items.size() && end > start) {
      body.putArray(key + "_links").addObject().put("rel", "next").put("href",
          call.request().baseUrl() + "/v2.1/" + collectionPath + "?limit=" + limit + "&marker="
              + id.apply(items.get(end - 1)));
    }
    return ApiResponse.json(200, body);
  }

  private static int intQuery(Call call, String name, int absent) {
    String text = call.request().query(name);
    if (text == null) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 0) {
        throw Errors.novaError(400, name + " param must be positive");
      }
      return value;
    } catch (NumberFormatException e) {
      throw Errors.novaError(400, name + " param must be an integer");
    }
  }

  private ApiResponse getOnly(Call call, Function<Call, ApiResponse> answer) {
    String method = call.request().method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw methodNotAllowed();
    }
    return answer.apply(call);
  }

  private static boolean isTrue(String flag) {
    return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
  }

  static ObjectNode wrap(String key, JsonNode value) {
    ObjectNode node = Json.object();
    node.set(key, value);
    return node;
  }

  static ApiException notFound(String message) {
    return Errors.novaError(404, message);
  }

  static ApiException methodNotAllowed() {
    return Errors.novaError(405, "The method specified is not allowed for this resource.");
  }

  static ApiException invalidInput(String field, String problem) {
    return Errors.novaError(400, "Invalid input for field/attribute " + field + ". " + problem);
  }

  /** The fields of a create-server request that the simulator uses, validated like Nova's schema. */
  record ServerRequest(String name, String flavorId, String imageId, String keyName,
      Map<String, String> metadata, String description) {

    static ServerRequest parse(JsonNode spec, Microversion version) {
      String name = Json.text(spec, "name");
      if (name == null || name.isBlank() || name.length() > 255) {
        throw invalidInput("server", "'name' is a required property (1 to 255 characters)");
      }
      String flavor = reference(spec, "flavorRef");
      String image = reference(spec, "imageRef");
      if (flavor == null) {
        throw invalidInput("server", "'flavorRef' is a required property");
      }
      if (image == null) {
        throw invalidInput("server", "'imageRef' is a required property");
      }
      checkNetworks(spec.get("networks"), version);
      return new ServerRequest(name, flavor, image, Json.text(spec, "key_name"),
          metadata(spec.get("metadata")), Json.text(spec, "description"));
    }

    /** Accepts an id or a link such as {@code http://.../flavors/1}, like Nova. */
    private static String reference(JsonNode spec, String field) {
      JsonNode value = spec.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      String text = value.asText();
      int slash = text.lastIndexOf('/');
      return slash >= 0 ? text.substring(slash + 1) : text;
    }

    private static void checkNetworks(JsonNode networks, Microversion version) {
      if (networks == null) {
        if (version.atLeast(37)) {
          throw invalidInput("server", "'networks' is a required property");
        }
        return;
      }
      if (networks.isTextual()) {
        String text = networks.asText();
        if (!version.atLeast(37)) {
          throw invalidInput("networks", "Value: " + text + ". '" + text
              + "' is not of type 'array'");
        }
        if (!text.equals("none") && !text.equals("auto")) {
          throw invalidInput("networks", "Value: " + text + ". '" + text
              + "' is not one of ['none', 'auto']");
        }
        return;
      }
      if (!networks.isArray()) {
        throw invalidInput("networks", "Value: " + networks + ". is not of type 'array'");
      }
    }

    private static Map<String, String> metadata(JsonNode node) {
      Map<String, String> metadata = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return metadata;
      }
      if (!node.isObject()) {
        throw invalidInput("metadata", "Value: " + node + ". is not of type 'object'");
      }
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          throw invalidInput("metadata", "Value: " + e.getValue() + ". is not of type 'string'");
        }
        metadata.put(e.getKey(), e.getValue().asText());
      });
      return metadata;
    }
  }
}
