package io.github.upgradejunit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Records the duration of every call of the annotated test method in a latency histogram per
 * phase, stored with the run. For a paced {@link DuringUpgrade} check the histogram is corrected for
 * coordinated omission with the check's period as the expected interval, so a call that stalls for
 * 2 s at a 500 ms pace counts as the four slow calls a steady user would have seen.
 *
 * <pre>{@code
 * @AfterUpgrade
 * @MeasureLatency(budget = "800ms")   // fails when the p99 of this phase exceeds 800 ms
 * void tokenCanBeIssued(Keystone keystone) { keystone.issueToken(); }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface MeasureLatency {

  /** A duration such as {@code 800ms}; when set, the test fails if the phase's percentile exceeds it. */
  String budget() default "";

  /** The percentile that {@link #budget()} applies to. */
  double percentile() default 99.0;
}
