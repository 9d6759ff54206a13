package io.github.upgradejunit.openstack.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Flavor;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Image;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Keypair;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Phase;
import io.github.upgradejunit.openstack.simulator.ComputeStore.Server;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Nova's JSON views, shaped by the request's microversion the way Nova shapes them (for example
 * the flavor is embedded in a server from 2.47 on, and a flavor's swap is an empty string before
 * 2.75).
 */
final class ComputeViews {

  private static final String COMPUTE_HOST = "sim-cmp1";

  private final String baseUrl;
  private final Microversion version;

  ComputeViews(String baseUrl, Microversion version) {
    this.baseUrl = baseUrl;
    this.version = version;
  }

  static ObjectNode versionBody(String baseUrl, String id, String status, String max, String min) {
    ObjectNode node = Json.object();
    node.put("id", id).put("status", status).put("version", max).put("min_version", min)
        .put("updated", id.equals("v2.0") ? "2011-01-21T11:33:21Z" : "2013-07-23T11:33:21Z");
    node.putArray("links").addObject().put("rel", "self")
        .put("href", baseUrl + (id.equals("v2.0") ? "/v2/" : "/v2.1/"));
    return node;
  }

  ArrayNode links(String collection, String id) {
    ArrayNode links = Json.array();
    links.addObject().put("rel", "self").put("href", baseUrl + "/v2.1/" + collection + "/" + id);
    links.addObject().put("rel", "bookmark").put("href", baseUrl + "/" + collection + "/" + id);
    return links;
  }

  // ---- servers -------------------------------------------------------------------------------

  ObjectNode serverSummary(Server server) {
    ObjectNode node = Json.object();
    node.put("id", server.id).put("name", server.name);
    node.set("links", links("servers", server.id));
    return node;
  }

  ObjectNode serverCreated(Server server) {
    ObjectNode node = Json.object();
    node.put("id", server.id);
    node.set("links", links("servers", server.id));
    node.put("OS-DCF:diskConfig", "MANUAL");
    node.putArray("security_groups").addObject().put("name", "default");
    node.put("adminPass", server.adminPass);
    return node;
  }

  ObjectNode serverDetail(Server server, Instant now) {
    Phase phase = server.phase(now);
    ObjectNode node = Json.object();
    node.put("id", server.id).put("name", server.name).put("status", status(phase))
        .put("tenant_id", server.projectId).put("user_id", server.userId);
    node.set("metadata", Json.MAPPER.valueToTree(server.metadata));
    node.put("hostId", phase == Phase.BUILD ? "" : hostId(server.projectId));
    node.set("image", imageRef(server.image));
    node.set("flavor", flavorRef(server.flavor));
    node.put("created", Json.seconds(server.created)).put("updated", Json.seconds(server.updated));
    node.putObject("addresses");
    node.put("accessIPv4", "").put("accessIPv6", "");
    node.set("links", links("servers", server.id));
    node.put("OS-DCF:diskConfig", "MANUAL");
    node.put("progress", phase == Phase.BUILD ? 0 : 100);
    node.put("OS-EXT-AZ:availability_zone", phase == Phase.BUILD ? "" : "nova");
    node.put("config_drive", "");
    node.put("key_name", server.keyName);
    node.put("OS-SRV-USG:launched_at", phase == Phase.BUILD ? null
        : Json.micros(server.activeAt).replace("Z", ""));
    node.putNull("OS-SRV-USG:terminated_at");
    node.putArray("security_groups").addObject().put("name", "default");
    node.put("OS-EXT-STS:task_state", taskState(server, phase, now));
    node.put("OS-EXT-STS:vm_state", vmState(phase));
    node.put("OS-EXT-STS:power_state", powerState(phase));
    node.putArray("os-extended-volumes:volumes_attached");
    addMicroversionFields(node, server);
    return node;
  }

  private void addMicroversionFields(ObjectNode node, Server server) {
    if (version.atLeast(9)) {
      node.put("locked", false);
    }
    if (version.atLeast(19)) {
      node.put("description", server.description);
    }
    if (version.atLeast(26)) {
      node.putArray("tags");
    }
    if (version.atLeast(63)) {
      node.putNull("trusted_image_certificates");
    }
    if (version.atLeast(71)) {
      node.putArray("server_groups");
    }
    if (version.atLeast(73)) {
      node.putNull("locked_reason");
    }
  }

  static String status(Phase phase) {
    return phase == Phase.DELETING ? "ACTIVE" : phase.name();
  }

  private static String taskState(Server server, Phase phase, Instant now) {
    switch (phase) {
      case BUILD: return server.buildTask(now);
      case DELETING: return "deleting";
      default: return null;
    }
  }

  private static String vmState(Phase phase) {
    switch (phase) {
      case BUILD: return "building";
      case SHUTOFF: return "stopped";
      default: return "active";
    }
  }

  private static int powerState(Phase phase) {
    switch (phase) {
      case BUILD: return 0;
      case SHUTOFF: return 4;
      default: return 1;
    }
  }

  private static String hostId(String projectId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-224")
          .digest((projectId + COMPUTE_HOST).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-224 is not available", e);
    }
  }

  private ObjectNode imageRef(Image image) {
    ObjectNode node = Json.object();
    node.put("id", image.id());
    node.putArray("links").addObject().put("rel", "bookmark")
        .put("href", baseUrl + "/images/" + image.id());
    return node;
  }

  private ObjectNode flavorRef(Flavor flavor) {
    ObjectNode node = Json.object();
    if (version.atLeast(47)) {
      node.put("vcpus", flavor.vcpus()).put("ram", flavor.ram()).put("disk", flavor.disk())
          .put("ephemeral", 0).put("swap", 0).put("original_name", flavor.name());
      node.putObject("extra_specs");
      return node;
    }
    node.put("id", flavor.id());
    node.putArray("links").addObject().put("rel", "bookmark")
        .put("href", baseUrl + "/flavors/" + flavor.id());
    return node;
  }

  // ---- flavors, images, keypairs ------------------------------------------------------------

  ObjectNode flavor(Flavor flavor, boolean detail) {
    ObjectNode node = Json.object();
    node.put("id", flavor.id()).put("name", flavor.name());
    if (detail) {
      node.put("ram", flavor.ram()).put("disk", flavor.disk()).put("vcpus", flavor.vcpus());
      if (version.atLeast(75)) {
        node.put("swap", 0);
      } else {
        node.put("swap", "");
      }
      node.put("OS-FLV-EXT-DATA:ephemeral", 0).put("OS-FLV-DISABLED:disabled", false)
          .put("os-flavor-access:is_public", true).put("rxtx_factor", 1.0);
      if (version.atLeast(61)) {
        node.putObject("extra_specs");
      }
    }
    if (version.atLeast(55)) {
      node.putNull("description");
    }
    node.set("links", links("flavors", flavor.id()));
    return node;
  }

  ObjectNode image(Image image, boolean detail) {
    ObjectNode node = Json.object();
    node.put("id", image.id()).put("name", image.name());
    if (detail) {
      node.put("status", "ACTIVE").put("progress", 100).put("minRam", 0).put("minDisk", 0)
          .put("created", Json.seconds(image.created()))
          .put("updated", Json.seconds(image.created()))
          .put("OS-EXT-IMG-SIZE:size", image.size());
      node.putObject("metadata").put("os_distro", "cirros").put("hw_disk_bus", "virtio");
    }
    node.set("links", links("images", image.id()));
    return node;
  }

  ObjectNode keypair(Keypair keypair, boolean full) {
    ObjectNode node = Json.object();
    node.put("name", keypair.name()).put("public_key", keypair.publicKey())
        .put("fingerprint", keypair.fingerprint());
    if (version.atLeast(2)) {
      node.put("type", keypair.type());
    }
    if (full) {
      node.put("user_id", keypair.userId()).put("deleted", false)
          .put("created_at", Json.micros(keypair.created()).replace("Z", ""))
          .putNull("updated_at").putNull("deleted_at").put("id", keypair.id());
    }
    return node;
  }
}
