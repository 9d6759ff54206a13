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
 * A test that runs once in the {@code before} phase of an upgrade run
 * ({@code -Dupgrade.phase=before}, or in order within {@code -Dupgrade.phase=all}).
 *
 * <p>It is an ordinary Jupiter {@code @Test}: parameters are resolved, {@code @BeforeEach} runs,
 * assertions fail it. In any other phase the method is not part of the test plan at all.
 *
 * <pre>{@code
 * @BeforeUpgrade
 * void serverIsActive() {
 *   assertThat(web.status()).isEqualTo("ACTIVE");
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@API(status = EXPERIMENTAL, since = "0.1")
public @interface BeforeUpgrade {
}
