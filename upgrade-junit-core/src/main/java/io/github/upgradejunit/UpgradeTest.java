package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.upgradejunit.internal.jupiter.UpgradeExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks an ordinary JUnit Jupiter test class as an upgrade test: its methods run in the phases they
 * declare, its {@link PersistentResource} fields outlive a single JVM, and it is executed by the
 * {@code upgrade-junit} test engine phase by phase rather than class by class.
 *
 * <p>Why an engine of its own: the during checks of <em>all</em> upgrade classes must run at the
 * same time for the whole upgrade window, and in single-command mode every class's before methods
 * must finish before the upgrade starts. Jupiter runs one class after another, so the engine drives
 * Jupiter once per phase (through the Launcher API) and reports Jupiter's own results.
 *
 * <pre>{@code
 * @UpgradeTest
 * class ComputeSurvivesUpgradeTest {
 *   @PersistentResource Server web;
 *
 *   @BeforeUpgrade void serverIsActive() { assertThat(web.status()).isEqualTo("ACTIVE"); }
 *   @DuringUpgrade(every = "5s") void serversCanBeListed(Nova nova) { assertThat(nova.servers()).isNotEmpty(); }
 *   @AfterUpgrade void serverSurvived() { assertThat(web.status()).isEqualTo("ACTIVE"); }
 * }
 * }</pre>
 *
 * @see BeforeUpgrade
 * @see DuringUpgrade
 * @see AfterUpgrade
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testable
@ExtendWith(UpgradeExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface UpgradeTest {

  /**
   * The services this class tests, by catalog type ({@code compute}, {@code object-store}); its
   * results then count toward those services' verdicts. Empty means it counts toward the overall
   * verdict only.
   */
  String[] services() default {};
}
