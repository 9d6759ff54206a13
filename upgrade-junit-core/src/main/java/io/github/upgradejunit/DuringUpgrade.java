package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * A check that runs repeatedly, every {@link #every()}, for the whole upgrade window: from
 * {@code upgrade-started} to {@code upgrade-finished}, concurrently with the during checks of every
 * other upgrade test class.
 *
 * <p>Every iteration is recorded in the store with its start, end, outcome, error and the upgrade
 * step in progress. The test passes when at least one iteration ran inside the window and none
 * failed; a check that never ran inside the window fails, because "not measured" is not "healthy".
 *
 * <pre>{@code
 * @DuringUpgrade(every = "5s")
 * void serversCanBeListed(Nova nova) {
 *   assertThat(nova.servers()).isNotEmpty();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@API(status = EXPERIMENTAL, since = "0.1")
public @interface DuringUpgrade {

  /**
   * The period between the starts of two iterations, as a number and a unit: {@code 500ms},
   * {@code 5s}, {@code 1m}. An iteration slower than the period is followed at once by the next;
   * missed starts are not made up in a burst.
   */
  String every() default "5s";
}
