package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What plain HTTP clients (the probes) see: versions, error shapes, microversions, quotas. */
class SimulatorHttpTest {

  private static final String IMAGE = ComputeStore.IMAGES.get(0).id();
  private static OpenStackSimulator cloud;
  private static String token;

  @BeforeAll
  static void startCloud() throws IOException {
    cloud = OpenStackSimulator.builder().maxServersPerProject(3)
        .serverBuildTime(Duration.ofMillis(100)).serverDeleteTime(Duration.ZERO).start();
    token = RawHttp.token(cloud);
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  private static String[] auth(String... more) {
    String[] headers = new String[more.length + 2];
    headers[0] = "X-Auth-Token";
    headers[1] = token;
    System.arraycopy(more, 0, headers, 2, more.length);
    return headers;
  }

  @Test
  void keystoneAnnouncesItsVersion() {
    HttpResponse<String> root = RawHttp.get(cloud.baseUrl(SimulatedService.IDENTITY) + "/");
    assertThat(root.statusCode()).isEqualTo(300);
    assertThat(RawHttp.json(root).at("/versions/values/0/id").asText()).isEqualTo("v3.14");

    HttpResponse<String> v3 = RawHttp.get(cloud.authUrl());
    assertThat(v3.statusCode()).isEqualTo(200);
    assertThat(v3.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(RawHttp.json(v3).at("/version/status").asText()).isEqualTo("stable");
  }

  @Test
  void novaAnnouncesItsMicroversionRange() {
    JsonNode versions = RawHttp.json(RawHttp.get(cloud.baseUrl(SimulatedService.COMPUTE) + "/"));
    assertThat(versions.at("/versions/1/id").asText()).isEqualTo("v2.1");
    assertThat(versions.at("/versions/1/min_version").asText()).isEqualTo("2.1");
    assertThat(versions.at("/versions/1/version").asText()).isEqualTo("2.93");
    assertThat(RawHttp.get(cloud.computeUrl()).statusCode()).as("as in Nova, /v2.1 needs a token").isEqualTo(401);
    JsonNode current = RawHttp.json(RawHttp.get(cloud.computeUrl(), "X-Auth-Token", token));
    assertThat(current.at("/version/version").asText()).isEqualTo("2.93");
  }

  @Test
  void swiftInfoAndHealthcheckNeedNoToken() {
    HttpResponse<String> info = RawHttp.get(cloud.baseUrl(SimulatedService.OBJECT_STORE) + "/info");
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode body = RawHttp.json(info);
    assertThat(body.at("/swift/version").asText()).isEqualTo("2.30.1");
    assertThat(body.at("/slo/max_manifest_segments").asInt()).isEqualTo(1000);

    HttpResponse<String> health = RawHttp.get(cloud.baseUrl(SimulatedService.OBJECT_STORE) + "/healthcheck");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("OK");
    assertThat(health.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
  }

  @Test
  void unknownRoutesGiveJsonErrors() {
    HttpResponse<String> nova = RawHttp.get(cloud.computeUrl() + "/os-no-such-thing", auth());
    assertThat(nova.statusCode()).isEqualTo(404);
    assertThat(nova.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(RawHttp.json(nova).at("/itemNotFound/code").asInt()).isEqualTo(404);

    HttpResponse<String> keystone = RawHttp.get(cloud.authUrl() + "/no-such-thing");
    assertThat(keystone.statusCode()).isEqualTo(404);
    assertThat(RawHttp.json(keystone).at("/error/title").asText()).isEqualTo("Not Found");

    HttpResponse<String> server = RawHttp.get(cloud.computeUrl() + "/servers/nope", auth());
    assertThat(RawHttp.json(server).at("/itemNotFound/message").asText())
        .isEqualTo("Instance nope could not be found.");

    HttpResponse<String> wrongMethod = RawHttp.method("PATCH", cloud.computeUrl() + "/flavors",
        "{}", auth());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(RawHttp.json(wrongMethod).has("badMethod")).isTrue();
  }

  @Test
  void missingOrInvalidTokensGet401() {
    HttpResponse<String> nova = RawHttp.get(cloud.computeUrl() + "/servers");
    assertThat(nova.statusCode()).isEqualTo(401);
    assertThat(nova.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Keystone uri=");
    assertThat(RawHttp.json(nova).at("/error/code").asInt()).isEqualTo(401);

    HttpResponse<String> swift = RawHttp.get(cloud.objectStoreUrl(), "X-Auth-Token", "bogus");
    assertThat(swift.statusCode()).isEqualTo(401);
    assertThat(swift.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

    HttpResponse<String> wrongPassword = RawHttp.post(cloud.authUrl() + "/auth/tokens",
        RawHttp.passwordAuth("demo", "wrong", "demo"));
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(RawHttp.json(wrongPassword).at("/error/message").asText())
        .isEqualTo("The request you have made requires authentication.");
  }

  @Test
  void microversionsShapeRequestsAndResponses() {
    String servers = cloud.computeUrl() + "/servers";
    String noNetworks = "{\"server\":{\"name\":\"mv\",\"imageRef\":\"" + IMAGE + "\",\"flavorRef\":\"42\"}}";
    HttpResponse<String> missing = RawHttp.post(servers, noNetworks, auth("OpenStack-API-Version", "compute 2.37"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("'networks' is a required property");

    String none = "{\"server\":{\"name\":\"mv\",\"imageRef\":\"" + IMAGE
        + "\",\"flavorRef\":\"42\",\"networks\":\"none\"}}";
    HttpResponse<String> created = RawHttp.post(servers, none, auth("OpenStack-API-Version", "compute 2.37"));
    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(created.headers().firstValue("OpenStack-API-Version")).contains("compute 2.37");
    String id = RawHttp.json(created).at("/server/id").asText();

    assertThat(RawHttp.post(servers, none, auth()).statusCode()).isEqualTo(400);
    assertThat(RawHttp.get(servers, auth("OpenStack-API-Version", "compute 2.99")).statusCode())
        .isEqualTo(406);
    assertThat(RawHttp.get(cloud.computeUrl() + "/images", auth("OpenStack-API-Version", "compute 2.36"))
        .statusCode()).isEqualTo(404);
    JsonNode embedded = RawHttp.json(RawHttp.get(servers + "/" + id,
        auth("OpenStack-API-Version", "compute latest")));
    assertThat(embedded.at("/server/flavor/original_name").asText()).isEqualTo("m1.nano");
    JsonNode linked = RawHttp.json(RawHttp.get(servers + "/" + id, auth()));
    assertThat(linked.at("/server/flavor/id").asText()).isEqualTo("42");

    assertThat(RawHttp.method("DELETE", servers + "/" + id, null, auth()).statusCode()).isEqualTo(204);
  }

  @Test
  void keypairListsArePagedFromMicroversion235() {
    String keypairs = cloud.computeUrl() + "/os-keypairs";
    for (String name : new String[] {"kp-a", "kp-b", "kp-c"}) {
      assertThat(RawHttp.post(keypairs, "{\"keypair\":{\"name\":\"" + name + "\"}}",
          auth("OpenStack-API-Version", "compute 2.2")).statusCode()).isEqualTo(201);
    }
    JsonNode page = RawHttp.json(RawHttp.get(keypairs + "?limit=2",
        auth("OpenStack-API-Version", "compute 2.35")));
    assertThat(page.get("keypairs")).hasSize(2);
    assertThat(page.at("/keypairs/0/keypair/name").asText()).isEqualTo("kp-a");
    assertThat(page.at("/keypairs_links/0/href").asText()).endsWith("marker=kp-b");
    JsonNode rest = RawHttp.json(RawHttp.get(keypairs + "?marker=kp-b",
        auth("OpenStack-API-Version", "compute 2.35")));
    assertThat(rest.at("/keypairs/0/keypair/name").asText()).isEqualTo("kp-c");
    for (String name : new String[] {"kp-a", "kp-b", "kp-c"}) {
      assertThat(RawHttp.method("DELETE", keypairs + "/" + name, null,
          auth("OpenStack-API-Version", "compute 2.2")).statusCode()).isEqualTo(204);
    }
  }

  @Test
  void quotaExceededIs403AndProjectIdInUrlWorks() {
    String projectId = RawHttp.json(RawHttp.get(cloud.authUrl() + "/auth/tokens",
        auth("X-Subject-Token", token))).at("/token/project/id").asText();
    String servers = cloud.computeUrl() + "/" + projectId + "/servers";
    String body = "{\"server\":{\"name\":\"quota-%d\",\"imageRef\":\"" + IMAGE + "\",\"flavorRef\":\"1\"}}";
    for (int i = 0; i < 3; i++) {
      assertThat(RawHttp.post(servers, String.format(body, i), auth()).statusCode()).isEqualTo(202);
    }
    HttpResponse<String> over = RawHttp.post(servers, String.format(body, 3), auth());
    assertThat(over.statusCode()).isEqualTo(403);
    assertThat(RawHttp.json(over).at("/forbidden/message").asText()).startsWith("Quota exceeded for instances");

    JsonNode page = RawHttp.json(RawHttp.get(servers + "?limit=2", auth()));
    assertThat(page.get("servers")).hasSize(2);
    assertThat(page.at("/servers_links/0/rel").asText()).isEqualTo("next");
    for (JsonNode server : RawHttp.json(RawHttp.get(servers, auth())).get("servers")) {
      RawHttp.method("DELETE", servers + "/" + server.get("id").asText(), null, auth());
    }
    assertThat(RawHttp.json(RawHttp.get(servers, auth())).get("servers")).isEmpty();
  }

  @Test
  void swiftChecksUploadsAndServesHeadAndRanges() {
    String container = cloud.objectStoreUrl() + "/http-test";
    assertThat(RawHttp.method("PUT", container, null, auth()).statusCode()).isEqualTo(201);
    assertThat(RawHttp.method("PUT", container, null, auth()).statusCode()).isEqualTo(202);
    HttpResponse<String> badEtag = RawHttp.method("PUT", container + "/a.txt", "abc",
        auth("ETag", "00000000000000000000000000000000"));
    assertThat(badEtag.statusCode()).isEqualTo(422);
    HttpResponse<String> put = RawHttp.method("PUT", container + "/a.txt", "abcdef",
        auth("ETag", SimulatorOpenStack4jTest.md5("abcdef".getBytes()), "X-Object-Meta-Owner", "me"));
    assertThat(put.statusCode()).isEqualTo(201);

    HttpResponse<String> head = RawHttp.method("HEAD", container + "/a.txt", null, auth());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).contains("6");
    assertThat(head.headers().firstValue("X-Object-Meta-Owner")).contains("me");
    assertThat(RawHttp.get(container + "/a.txt", auth("Range", "bytes=2-3")).body()).isEqualTo("cd");

    assertThat(RawHttp.get(container, auth()).body()).isEqualTo("a.txt\n");
    JsonNode listing = RawHttp.json(RawHttp.get(container + "?format=json", auth()));
    assertThat(listing.at("/0/bytes").asInt()).isEqualTo(6);
    assertThat(RawHttp.method("DELETE", container, null, auth()).statusCode()).isEqualTo(409);
    assertThat(RawHttp.method("DELETE", container + "/a.txt", null, auth()).statusCode()).isEqualTo(204);
    assertThat(RawHttp.method("DELETE", container, null, auth()).statusCode()).isEqualTo(204);
    assertThat(RawHttp.get(container + "/a.txt", auth()).statusCode()).isEqualTo(404);
  }

  @Test
  void applicationCredentialsAuthenticateAndCanBeDeleted() {
    String userId = RawHttp.json(RawHttp.get(cloud.authUrl() + "/auth/tokens",
        auth("X-Subject-Token", token))).at("/token/user/id").asText();
    String credentials = cloud.authUrl() + "/users/" + userId + "/application_credentials";
    HttpResponse<String> created = RawHttp.post(credentials,
        "{\"application_credential\":{\"name\":\"monitor\"}}", auth());
    assertThat(created.statusCode()).isEqualTo(201);
    String id = RawHttp.json(created).at("/application_credential/id").asText();
    String secret = RawHttp.json(created).at("/application_credential/secret").asText();

    String appAuth = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
        + "\"application_credential\":{\"id\":\"" + id + "\",\"secret\":\"" + secret + "\"}}}}";
    HttpResponse<String> issued = RawHttp.post(cloud.authUrl() + "/auth/tokens", appAuth);
    assertThat(issued.statusCode()).isEqualTo(201);
    String appToken = issued.headers().firstValue("X-Subject-Token").orElseThrow();
    assertThat(RawHttp.get(cloud.computeUrl() + "/flavors", "X-Auth-Token", appToken).statusCode())
        .isEqualTo(200);
    assertThat(RawHttp.post(credentials, "{\"application_credential\":{\"name\":\"x\"}}",
        "X-Auth-Token", appToken).statusCode()).isEqualTo(403);

    assertThat(RawHttp.json(RawHttp.get(credentials, auth())).get("application_credentials")).hasSize(1);
    assertThat(RawHttp.method("DELETE", credentials + "/" + id, null, auth()).statusCode()).isEqualTo(204);
    assertThat(RawHttp.post(cloud.authUrl() + "/auth/tokens", appAuth).statusCode()).isEqualTo(404);
  }

  @Test
  void adminSeesServiceListsAndMemberDoesNot() {
    SimulatorCredentials admin = cloud.adminCredentials().orElseThrow();
    String adminToken = RawHttp.token(cloud, admin.username(), admin.password(), admin.projectName());
    HttpResponse<String> services = RawHttp.get(cloud.computeUrl() + "/os-services",
        "X-Auth-Token", adminToken);
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(RawHttp.json(services).at("/services/0/host").asText()).isEqualTo("sim-ctl1");
    assertThat(RawHttp.get(cloud.computeUrl() + "/os-services", auth()).statusCode()).isEqualTo(403);
    assertThat(RawHttp.get(cloud.authUrl() + "/services", "X-Auth-Token", adminToken).statusCode())
        .isEqualTo(200);
    assertThat(RawHttp.get(cloud.authUrl() + "/services", auth()).statusCode()).isEqualTo(403);
  }

  @Test
  void writesACloudsYamlForTheOpenStackCli(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("clouds.yaml");
    cloud.writeCloudsYaml(file);
    JsonNode clouds = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Files.readString(file));
    JsonNode simulator = clouds.at("/clouds/local-simulator");
    assertThat(simulator.at("/auth/auth_url").asText()).isEqualTo(cloud.authUrl());
    assertThat(simulator.at("/auth/username").asText()).isEqualTo("demo");
    assertThat(simulator.at("/auth/user_domain_name").asText()).isEqualTo("Default");
    assertThat(simulator.at("/region_name").asText()).isEqualTo("RegionOne");
    assertThat(simulator.at("/identity_api_version").asInt()).isEqualTo(3);
    assertThat(clouds.at("/clouds/local-simulator-admin/auth/username").asText()).isEqualTo("admin");
  }
}
