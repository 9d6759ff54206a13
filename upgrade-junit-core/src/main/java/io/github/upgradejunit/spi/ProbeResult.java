package io.github.upgradejunit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one probe call: success, or a failure with its {@link ErrorClass} and a short
 * detail (never a secret: no tokens, no passwords, no full response bodies).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProbeResult {

  private static final ProbeResult OK = new ProbeResult(null, 0, "");

  private final ErrorClass error;
  private final int status;
  private final String detail;

  private ProbeResult(ErrorClass error, int status, String detail) {
    this.error = error;
    this.status = status;
    this.detail = detail;
  }

  /** A successful call. */
  public static ProbeResult success() {
    return OK;
  }

  /** A failed call. */
  public static ProbeResult failed(ErrorClass error, String detail) {
    return new ProbeResult(Objects.requireNonNull(error), 0, detail == null ? "" : detail);
  }

  /** A successful call that answered this HTTP status (one the probe expects). */
  public static ProbeResult success(int status) {
    return new ProbeResult(null, status, "");
  }

  /** A failed call that answered this HTTP status (for example one the probe did not expect). */
  public static ProbeResult failed(ErrorClass error, int status, String detail) {
    return new ProbeResult(Objects.requireNonNull(error), status, detail == null ? "" : detail);
  }

  /** The result an HTTP status means when 2xx and 3xx are success. */
  public static ProbeResult ofStatus(int status) {
    if (status >= 200 && status < 400) {
      return new ProbeResult(null, status, "");
    }
    return new ProbeResult(ErrorClass.ofStatus(status), status, "HTTP " + status);
  }

  /** Whether the call succeeded. */
  public boolean isSuccess() {
    return error == null;
  }

  /** The error class, or {@code null} on success. */
  public ErrorClass error() {
    return error;
  }

  /** The HTTP status, or 0 when there was none. */
  public int status() {
    return status;
  }

  /** A short human-readable detail; empty on success. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return isSuccess() ? "ok" : error + (detail.isEmpty() ? "" : ": " + detail);
  }
}
