package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * One HTTP answer as a probe sees it: the status, a header lookup (case-insensitive names) and the
 * start of the body (empty for {@code HEAD}, 204 and 304). Immutable apart from the body array,
 * which callers must not change.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpAnswer {

  private final int status;
  private final Function<String, String> headers;
  private final byte[] body;

  /** An answer from its parts; {@code headers} returns {@code null} for a missing header. */
  public HttpAnswer(int status, Function<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Objects.requireNonNull(headers);
    this.body = body == null ? new byte[0] : body;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The value of a header, or {@code null} when the answer has none. */
  public String header(String name) {
    return headers.apply(name);
  }

  /** The start of the body. */
  public byte[] body() {
    return body;
  }
}
