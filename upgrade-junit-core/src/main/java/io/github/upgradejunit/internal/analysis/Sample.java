package io.github.upgradejunit.internal.analysis;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.Objects;

/**
 * One request of the background uptime monitor, as the store holds it. Outages are found from the
 * samples' <em>intended</em> start times: the monitor is open-loop, so the intended start is on a
 * fixed grid per series and a slow request never shifts the next one.
 *
 * @param service the monitored service, e.g. {@code compute}
 * @param series the probe series within the service, e.g. {@code compute/fresh}
 * @param intendedMicros when the request was due (epoch microseconds)
 * @param startMicros when it was actually sent
 * @param latencyMicros how long the answer took (or until the failure)
 * @param ok whether it succeeded
 * @param errorClass {@code null} when {@code ok}; otherwise the name of an {@link ErrorClass}
 *     ({@code OTHER} when a failed sample carries none)
 * @param detail a short human-readable detail, may be {@code null}
 * @param runner which monitoring process took the sample, may be {@code null}
 */
public record Sample(String service, String series, long intendedMicros, long startMicros,
    long latencyMicros, boolean ok, String errorClass, String detail, String runner) {

  /** Normalizes the error class: none when ok, {@code OTHER} when a failure names none. */
  public Sample {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(series, "series");
    if (ok) {
      errorClass = null;
    } else if (errorClass == null || errorClass.isBlank()) {
      errorClass = ErrorClass.OTHER.name();
    }
  }

  /**
   * Whether the API answered 5xx where a success was due. (Not named {@code is5xx}: JSON
   * serializers would take that for a property.)
   */
  public boolean answered5xx() {
    return ErrorClass.HTTP_5XX.name().equals(errorClass);
  }
}
