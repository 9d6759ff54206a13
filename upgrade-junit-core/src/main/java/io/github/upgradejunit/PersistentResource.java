package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A resource that is created once before the upgrade, verified during and after it, and deleted at
 * the end of the run, even when before, during and after run in different JVMs.
 *
 * <p>The field's type selects the {@link io.github.upgradejunit.spi.ResourceType} that a plugin
 * contributes. Creation is journaled in the store <em>before</em> the create call (with the
 * run-prefixed name) and completed after it (with the id), so a crash never leaves an untracked
 * resource; {@code cleanup --run ID} replays the journal. The field must be an instance field that
 * is neither static nor final.
 *
 * <pre>{@code
 * @PersistentResource Server web;                  // named "uj-<run>-web"
 * @PersistentResource(name = "logs") Container c;  // named "uj-<run>-logs"
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PersistentResource {

  /** The resource's base name; the field name when empty. The run prefix is always added. */
  String name() default "";
}
