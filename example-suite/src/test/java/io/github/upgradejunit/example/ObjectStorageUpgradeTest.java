package io.github.upgradejunit.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.AfterUpgrade;
import io.github.upgradejunit.BeforeUpgrade;
import io.github.upgradejunit.DuringUpgrade;
import io.github.upgradejunit.MeasureLatency;
import io.github.upgradejunit.PersistentResource;
import io.github.upgradejunit.UpgradeRun;
import io.github.upgradejunit.UpgradeTest;
import io.github.upgradejunit.openstack.Container;
import io.github.upgradejunit.openstack.Swift;

/**
 * Swift: objects stored before the upgrade read back byte for byte after it, and objects can be
 * written, read and deleted while it runs.
 */
@UpgradeTest(services = "object-store")
class ObjectStorageUpgradeTest {

  /** A container with a few objects, including a static large object, made before the upgrade. */
  @PersistentResource
  Container archive;

  @BeforeUpgrade
  void theArchiveHasObjects() {
    assertThat(archive.objectNames()).isNotEmpty();
  }

  /**
   * Every second: write an object, read it back, delete it. Each write and delete goes into the
   * honored-request ledger, so an object Swift accepted but lost shows up after the upgrade.
   */
  @DuringUpgrade(every = "1s")
  @MeasureLatency
  void objectsCanBeWrittenReadAndDeleted(Swift swift, UpgradeRun run) {
    byte[] content = ("written during " + run.currentStep().orElse("the upgrade") + " at " + System.nanoTime())
        .getBytes(UTF_8);
    swift.put("scratch", "during-check", content);
    assertThat(swift.get("scratch", "during-check")).isEqualTo(content);
    swift.delete("scratch", "during-check");
  }

  @AfterUpgrade
  void everyArchivedObjectReadsBack() {
    for (String object : archive.objectNames()) {
      assertThat(archive.read(object)).as(object).isNotEmpty();
    }
  }
}
