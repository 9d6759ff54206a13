package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.openstack.Nova;
import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.openstack.Server;
import io.github.upgradejunit.openstack.Swift;
import io.github.upgradejunit.openstack.simulator.SimulatedService;
import io.github.upgradejunit.spi.RequestLedger.Answer;
import io.github.upgradejunit.spi.RequestLedger.Entry;
import io.github.upgradejunit.spi.RequestLedger.Fate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The honored-request ledger: what handles record during the upgrade, and how it is settled. */
class OpenStackLedgerTests {

  @TempDir
  Path directory;
  SimCloud cloud;
  FakeContext context;
  Ledger ledger;
  Transients transients;
  Nova nova;
  Swift swift;

  @BeforeEach
  void start() throws Exception {
    cloud = SimCloud.start(b -> b.serverBuildTime(Duration.ofMillis(400)));
    context = new FakeContext("20261125T120000-cd34", directory);
    context.phase = Phase.DURING;
    ledger = new Ledger(context);
    transients = new Transients();
    nova = new NovaHandle(cloud.compute(), context, ledger, new CircuitBreaker("compute", 3), transients);
    swift = new SwiftHandle(cloud.storage(), context, ledger, transients);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  private Reconciler reconciler(Duration timeout) {
    return new Reconciler(Optional.of(cloud.compute()), Optional.of(cloud.storage()), context.ledger, timeout,
        Duration.ofMillis(100), (s, l) -> context.logs.add(l));
  }

  @Test
  void createsAndDeletesDuringTheUpgradeAreRecordedAndSettledWhenTheirEffectIsSeen() {
    Server server = nova.createServer("probe");
    assertThat(server.name()).isEqualTo(context.resourceName("probe"));
    nova.deleteServer(server.id());

    Entry create = context.ledger.only(Ledger.CREATE_SERVER);
    assertThat(create.answer()).isEqualTo(Answer.ACCEPTED);
    assertThat(create.status()).isEqualTo(202);
    assertThat(create.target()).isEqualTo(server.id());
    assertThat(create.fate()).isEqualTo(Fate.HONORED);
    assertThat(create.detail()).startsWith("ACTIVE after ");
    Entry delete = context.ledger.only(Ledger.DELETE_SERVER);
    assertThat(delete.fate()).isEqualTo(Fate.HONORED);
    assertThat(delete.detail()).startsWith("gone after ");
  }

  @Test
  void objectsPutDuringTheUpgradeAreHonoredWhenTheyReadBackAndDeletesWhenGone() {
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    String md5 = swift.put("scratch", "o1", data);

    Entry put = context.ledger.only(Ledger.PUT_OBJECT);
    assertThat(put.fate()).isEqualTo(Fate.PENDING);
    assertThat(put.target()).isEqualTo(context.resourceName("scratch") + "/o1 md5=" + md5);
    assertThat(swift.get("scratch", "o1")).isEqualTo(data);
    assertThat(context.ledger.only(Ledger.PUT_OBJECT).fate()).isEqualTo(Fate.HONORED);
    assertThat(swift.list("scratch")).containsExactly("o1");

    swift.delete("scratch", "o1");
    assertThat(context.ledger.only(Ledger.DELETE_OBJECT).fate()).isEqualTo(Fate.HONORED);
  }

  @Test
  void nothingIsRecordedOutsideTheUpgradeWindow() {
    context.phase = Phase.BEFORE;
    swift.put("scratch", "o1", new byte[] {1});
    nova.deleteServer(nova.createServer("before").id());
    assertThat(context.ledger.entries).isEmpty();
  }

  @Test
  void aRefusedRequestIsRecordedWithItsAnswerAndFailsTheCall() {
    cloud.simulator.takeDownAll(SimulatedService.COMPUTE);
    assertThatThrownBy(() -> nova.createServer("refused")).isInstanceOf(OpenStackException.class)
        .satisfies(e -> assertThat(((OpenStackException) e).status()).isEqualTo(503));
    cloud.simulator.bringUpAll(SimulatedService.COMPUTE);

    Entry create = context.ledger.only(Ledger.CREATE_SERVER);
    assertThat(create.answer()).isEqualTo(Answer.REJECTED_5XX);
    assertThat(create.fate()).isNull();
    assertThat(create.target()).isEqualTo(context.resourceName("refused"));
  }

  @Test
  void anAcceptedCreateWhoseServerNeverAppearsIsLost() {
    cloud.simulator.dropServerCreates(100);

    assertThatThrownBy(() -> nova.createServer("dropped")).isInstanceOf(OpenStackException.class);

    Entry create = context.ledger.only(Ledger.CREATE_SERVER);
    assertThat(create.answer()).isEqualTo(Answer.ACCEPTED);
    assertThat(create.fate()).isEqualTo(Fate.LOST);
    assertThat(create.detail()).contains("disappeared while it was being built");
  }

  @Test
  void theReconciliationSettlesWhatNobodyCheckedHonoredOrLost() {
    Compute compute = cloud.compute();
    ObjectStorage storage = cloud.storage();
    // a create still building when the upgrade ends: honored once ACTIVE
    Compute.Posted building = compute.post(context.resourceName("late"), Map.of());
    long late = context.ledger.record("compute", Ledger.CREATE_SERVER, building.id(), Answer.ACCEPTED, 202);
    // a create Nova accepted but never carried out
    long vanished = context.ledger.record("compute", Ledger.CREATE_SERVER, UUID.randomUUID().toString(),
        Answer.ACCEPTED, 202);
    // a delete that took effect
    long deleted = context.ledger.record("compute", Ledger.DELETE_SERVER, UUID.randomUUID().toString(),
        Answer.ACCEPTED, 204);
    // an upload that survived and one that a disk corrupted
    swift.put("kept", "good", "fine".getBytes(StandardCharsets.UTF_8));
    swift.put("kept", "bad", "will rot".getBytes(StandardCharsets.UTF_8));
    assertThat(cloud.simulator.corruptObjects(context.resourceName("kept"), "bad", 1)).hasSize(1);
    // a delete Swift accepted but the object is still there
    storage.putOrFail(context.resourceName("kept"), "stays", new byte[] {7}, "application/octet-stream", Map.of());
    long stays = context.ledger.record("object-store", Ledger.DELETE_OBJECT, context.resourceName("kept") + "/stays",
        Answer.ACCEPTED, 204);

    Reconciler.Outcome outcome = reconciler(Duration.ofSeconds(3)).reconcile();

    assertThat(outcome).isEqualTo(new Reconciler.Outcome(3, 3));
    assertThat(fate(late)).isEqualTo(Fate.HONORED);
    assertThat(fate(vanished)).isEqualTo(Fate.LOST);
    assertThat(detail(vanished)).isEqualTo("Nova accepted the create, but the server does not exist (404)");
    assertThat(fate(deleted)).isEqualTo(Fate.HONORED);
    Entry good = context.ledger.entries.stream().filter(e -> e.target().contains("/good ")).findFirst().orElseThrow();
    assertThat(good.fate()).isEqualTo(Fate.HONORED);
    Entry bad = context.ledger.entries.stream().filter(e -> e.target().contains("/bad ")).findFirst().orElseThrow();
    assertThat(bad.fate()).isEqualTo(Fate.LOST);
    assertThat(bad.detail()).startsWith("reads back with md5 ").contains(" instead of ");
    assertThat(fate(stays)).isEqualTo(Fate.LOST);
    assertThat(detail(stays)).isEqualTo("not done 3 s after the upgrade: the object is still there");
    assertThat(context.ledger.pending("compute")).isEmpty();
    assertThat(context.ledger.pending("object-store")).isEmpty();
    compute.delete(building.id());
  }

  private Fate fate(long id) {
    return context.ledger.entries.stream().filter(e -> e.id() == id).findFirst().orElseThrow().fate();
  }

  private String detail(long id) {
    return context.ledger.entries.stream().filter(e -> e.id() == id).findFirst().orElseThrow().detail();
  }

  @Test
  void onlyThisRunsServersCanBeDeletedThroughTheHandle() {
    Compute.Posted foreign = cloud.compute().post("someone-elses-server", Map.of());
    cloud.compute().awaitActive(foreign.id(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> nova.deleteServer(foreign.id())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not one of this run's servers");
    assertThat(nova.server(foreign.id())).isPresent();
  }

  @Test
  void theSweeperFindsOnlyWhatCarriesBothThePrefixAndTheRunTag() {
    String run = context.runId();
    Server mine = nova.createServer("left-behind");
    swift.put("left-behind", "o", new byte[] {1});
    Compute.Posted otherRun = cloud.compute().post("uj-other-run-server", Map.of(RunTag.KEY, "another-run"));
    Compute.Posted noPrefix = cloud.compute().post("plain-server", Map.of(RunTag.KEY, run));
    cloud.storage().createContainer("uj-not-tagged", Map.of());
    Sweeper sweeper = new Sweeper(Optional.of(cloud.compute()), Optional.of(cloud.storage()),
        Optional.of(cloud.identity()), (s, l) -> { });

    var leftovers = sweeper.find(run, false);

    assertThat(leftovers).extracting(Sweeper.Leftover::name).containsExactlyInAnyOrder(mine.name(),
        context.resourceName("left-behind"));
    assertThat(sweeper.delete(leftovers)).isEmpty();
    assertThat(sweeper.find(run, false)).isEmpty();
    assertThat(nova.server(otherRun.id())).isPresent();
    assertThat(nova.server(noPrefix.id())).isPresent();
    assertThat(cloud.storage().exists("uj-not-tagged")).isTrue();
  }
}
