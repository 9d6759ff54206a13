package io.github.upgradejunit.openstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Image;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.storage.object.SwiftObject;
import org.openstack4j.model.storage.object.options.ObjectDeleteOptions;
import org.openstack4j.model.storage.object.options.ObjectPutOptions;
import org.openstack4j.openstack.OSFactory;

/** Unchanged openstack4j 3.12 (okhttp connector) code works against the simulator. */
class SimulatorOpenStack4jTest {

  private static OpenStackSimulator cloud;

  @BeforeAll
  static void startCloud() throws IOException {
    cloud = OpenStackSimulator.builder().serverBuildTime(Duration.ofMillis(300)).start();
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  private static OSClientV3 login() {
    SimulatorCredentials user = cloud.credentials();
    return OSFactory.builderV3().endpoint(cloud.authUrl())
        .credentials(user.username(), user.password(), Identifier.byName("Default"))
        .scopeToProject(Identifier.byName(user.projectName()), Identifier.byName("Default"))
        .withConfig(Config.newConfig().withConnectionTimeout(2000).withReadTimeout(5000))
        .authenticate();
  }

  @Test
  void authenticatesByPasswordAndGetsAProjectScopedTokenWithCatalog() {
    OSClientV3 os = login();
    Token token = os.getToken();

    assertThat(token.getId()).hasSizeGreaterThan(150);
    assertThat(token.getProject().getName()).isEqualTo("demo");
    assertThat(token.getUser().getName()).isEqualTo("demo");
    assertThat(token.getRoles()).extracting(r -> r.getName()).containsExactly("reader", "member");
    assertThat(token.getExpires().toInstant())
        .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
    assertThat(token.getCatalog()).extracting(s -> s.getType())
        .containsExactlyInAnyOrder("identity", "compute", "object-store");
    assertThat(token.getCatalog()).allSatisfy(service ->
        assertThat(service.getEndpoints()).extracting(e -> e.getIface().value())
            .containsExactlyInAnyOrder("public", "internal", "admin"));
  }

  @Test
  void wrongPasswordIsRejectedWith401() {
    assertThatThrownBy(() -> OSFactory.builderV3().endpoint(cloud.authUrl())
        .credentials("demo", "not-the-password", Identifier.byName("Default"))
        .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
        .authenticate())
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.getStatus()).isEqualTo(401));
  }

  @Test
  void serversAreCreatedListedGivenMetadataAndDeleted() {
    OSClientV3 os = login();
    Server created = os.compute().servers().boot(Builders.server().name("sim-test-web")
        .flavor("1").image(ComputeStore.IMAGES.get(0).id())
        .addMetadata(Map.of("role", "web")).build());
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getAdminPass()).isNotBlank();

    await().pollInSameThread().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> os.compute().servers().get(created.getId()).getStatus() == Server.Status.ACTIVE);
    Server active = os.compute().servers().get(created.getId());
    assertThat(active.getName()).isEqualTo("sim-test-web");
    assertThat(active.getFlavorId()).isEqualTo("1");
    assertThat(active.getImageId()).isEqualTo(ComputeStore.IMAGES.get(0).id());
    assertThat(active.getMetadata()).containsEntry("role", "web");
    assertThat(os.compute().servers().list()).extracting(Server::getId).contains(created.getId());
    assertThat(os.compute().servers().list(false)).extracting(Server::getName).contains("sim-test-web");

    // openstack4j's updateMetadata is Nova's PUT, which replaces all metadata
    os.compute().servers().updateMetadata(created.getId(), Map.of("tier", "front"));
    assertThat(os.compute().servers().getMetadata(created.getId()))
        .containsExactly(Map.entry("tier", "front"));
    assertThat(os.compute().servers().deleteMetadataItem(created.getId(), "tier").isSuccess())
        .isTrue();
    assertThat(os.compute().servers().getMetadata(created.getId())).isEmpty();

    ActionResponse deleted = os.compute().servers().delete(created.getId());
    assertThat(deleted.isSuccess()).isTrue();
    await().pollInSameThread().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> os.compute().servers().get(created.getId()) == null);
    assertThat(os.compute().servers().delete(created.getId()).getCode()).isEqualTo(404);
  }

  @Test
  void flavorsAndImagesAreListed() {
    OSClientV3 os = login();
    List<? extends Flavor> flavors = os.compute().flavors().list();
    assertThat(flavors).extracting(Flavor::getName).contains("m1.nano", "m1.tiny", "m1.small");
    Flavor tiny = os.compute().flavors().get("1");
    assertThat(tiny.getRam()).isEqualTo(512);
    assertThat(tiny.getVcpus()).isEqualTo(1);
    assertThat(os.compute().flavors().get("does-not-exist")).isNull();

    List<? extends Image> images = os.compute().images().list();
    assertThat(images).extracting(Image::getName).containsExactly("cirros-0.6.2-x86_64-disk");
    assertThat(os.compute().images().get(images.get(0).getId()).getStatus())
        .isEqualTo(Image.Status.ACTIVE);
  }

  @Test
  void keypairsAreCreatedListedAndDeleted() {
    OSClientV3 os = login();
    Keypair generated = os.compute().keypairs().create("sim-generated", null);
    assertThat(generated.getPrivateKey()).contains("PRIVATE KEY");
    assertThat(generated.getPublicKey()).startsWith("ssh-ed25519 ");

    Keypair imported = os.compute().keypairs().create("sim-imported", generated.getPublicKey());
    assertThat(imported.getFingerprint()).isEqualTo(generated.getFingerprint()).contains(":");
    assertThat(os.compute().keypairs().list()).extracting(Keypair::getName)
        .contains("sim-generated", "sim-imported");
    assertThat(os.compute().keypairs().get("sim-imported").getPublicKey())
        .isEqualTo(generated.getPublicKey());

    assertThat(os.compute().keypairs().delete("sim-generated").isSuccess()).isTrue();
    assertThat(os.compute().keypairs().delete("sim-imported").isSuccess()).isTrue();
    assertThat(os.compute().keypairs().get("sim-imported")).isNull();
  }

  @Test
  void containersAndObjectsKeepContentAndMetadata() throws IOException {
    OSClientV3 os = login();
    byte[] content = "hello, upgraded swift".getBytes(StandardCharsets.UTF_8);
    assertThat(os.objectStorage().containers().create("sim-test-objects").isSuccess()).isTrue();

    String etag = os.objectStorage().objects().put("sim-test-objects", "greeting.txt",
        Payloads.create(new ByteArrayInputStream(content)),
        ObjectPutOptions.create().contentType("text/plain").metadata(Map.of("Color", "red")));
    assertThat(etag).isEqualTo(md5(content));

    SwiftObject head = os.objectStorage().objects().get("sim-test-objects", "greeting.txt");
    assertThat(head.getSizeInBytes()).isEqualTo(content.length);
    assertThat(head.getETag()).isEqualTo(md5(content));
    assertThat(head.getMimeType()).isEqualTo("text/plain");
    assertThat(head.getMetadata()).containsEntry("color", "red");
    try (InputStream in = os.objectStorage().objects()
        .download("sim-test-objects", "greeting.txt").getInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(os.objectStorage().objects().list("sim-test-objects"))
        .extracting(SwiftObject::getName).containsExactly("greeting.txt");
    assertThat(os.objectStorage().containers().list())
        .extracting(c -> c.getName()).contains("sim-test-objects");

    assertThat(os.objectStorage().objects().updateMetadata(
        org.openstack4j.model.storage.object.options.ObjectLocation.create("sim-test-objects",
            "greeting.txt"), Map.of("Purpose", "demo"))).isTrue();
    assertThat(os.objectStorage().objects().getMetadata("sim-test-objects", "greeting.txt"))
        .containsEntry("purpose", "demo").doesNotContainKey("color");

    ActionResponse notEmpty = os.objectStorage().containers().delete("sim-test-objects");
    assertThat(notEmpty.isSuccess()).isFalse();
    assertThat(notEmpty.getCode()).isEqualTo(409);
    assertThat(os.objectStorage().objects().delete("sim-test-objects", "greeting.txt").isSuccess())
        .isTrue();
    assertThat(os.objectStorage().containers().delete("sim-test-objects").isSuccess()).isTrue();
  }

  @Test
  void staticLargeObjectAssemblesItsSegments() throws IOException {
    OSClientV3 os = login();
    os.objectStorage().containers().create("sim-test-slo");
    byte[][] segments = {bytes(1000, 'a'), bytes(2000, 'b'), bytes(500, 'c')};
    StringBuilder manifest = new StringBuilder("[");
    StringBuilder etags = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String etag = os.objectStorage().objects().put("sim-test-slo", "seg/" + i,
          Payloads.create(new ByteArrayInputStream(segments[i])));
      etags.append(etag);
      manifest.append(i == 0 ? "" : ",").append("{\"path\":\"/sim-test-slo/seg/").append(i)
          .append("\",\"etag\":\"").append(etag).append("\",\"size_bytes\":")
          .append(segments[i].length).append('}');
    }
    manifest.append(']');

    String sloEtag = os.objectStorage().objects().put("sim-test-slo", "big",
        Payloads.create(new ByteArrayInputStream(manifest.toString().getBytes(StandardCharsets.UTF_8))),
        ObjectPutOptions.create().queryParam("multipart-manifest", "put"));
    String expectedEtag = md5(etags.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(sloEtag).isEqualTo("\"" + expectedEtag + "\"");

    SwiftObject big = os.objectStorage().objects().get("sim-test-slo", "big");
    assertThat(big.getSizeInBytes()).isEqualTo(3500);
    assertThat(big.getETag()).isEqualTo("\"" + expectedEtag + "\"");
    assertThat(os.objectStorage().objects().getMetadata("sim-test-slo", "big"))
        .containsEntry("X-static-large-object", "True");
    try (InputStream in = os.objectStorage().objects().download("sim-test-slo", "big")
        .getInputStream()) {
      byte[] all = in.readAllBytes();
      assertThat(all).hasSize(3500);
      assertThat(new String(all, 0, 1000, StandardCharsets.US_ASCII)).matches("a{1000}");
      assertThat(new String(all, 3000, 500, StandardCharsets.US_ASCII)).matches("c{500}");
    }

    HttpResponse<String> manifestGet = RawHttp.get(cloud.objectStoreUrl()
        + "/sim-test-slo/big?multipart-manifest=get", "X-Auth-Token", os.getToken().getId());
    assertThat(RawHttp.json(manifestGet)).hasSize(3);

    ActionResponse deleted = os.objectStorage().objects().delete(
        org.openstack4j.model.storage.object.options.ObjectLocation.create("sim-test-slo", "big"),
        ObjectDeleteOptions.create().queryParam("multipart-manifest", "delete"));
    assertThat(deleted.isSuccess()).isTrue();
    assertThat(os.objectStorage().objects().list("sim-test-slo")).isEmpty();
    assertThat(os.objectStorage().containers().delete("sim-test-slo").isSuccess()).isTrue();
  }

  @Test
  void tokenIsValidatedAndRevoked() {
    String admin = RawHttp.token(cloud);
    String subject = RawHttp.token(cloud);
    String tokens = cloud.authUrl() + "/auth/tokens";

    HttpResponse<String> valid = RawHttp.get(tokens, "X-Auth-Token", admin, "X-Subject-Token", subject);
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.headers().firstValue("X-Subject-Token")).contains(subject);
    assertThat(RawHttp.json(valid).at("/token/project/name").asText()).isEqualTo("demo");

    HttpResponse<String> revoked = RawHttp.method("DELETE", tokens, null,
        "X-Auth-Token", admin, "X-Subject-Token", subject);
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(RawHttp.get(tokens, "X-Auth-Token", admin, "X-Subject-Token", subject).statusCode())
        .isEqualTo(404);
    assertThat(RawHttp.get(cloud.computeUrl() + "/servers", "X-Auth-Token", subject).statusCode())
        .isEqualTo(401);
    assertThat(RawHttp.get(tokens, "X-Auth-Token", admin, "X-Subject-Token", "garbage").statusCode())
        .isEqualTo(404);
  }

  private static byte[] bytes(int size, char fill) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) fill);
    return bytes;
  }

  static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
