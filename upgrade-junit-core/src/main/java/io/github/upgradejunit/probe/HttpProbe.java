package io.github.upgradejunit.probe;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.upgradejunit.internal.http.StatusCodes;
import io.github.upgradejunit.probe.HttpTransport.Connection;
import io.github.upgradejunit.spi.ErrorClass;
import io.github.upgradejunit.spi.ProbeResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An HTTP(S) probe with no knowledge of the API behind the URL: one request, an expected status
 * (default any 2xx or 3xx), optionally a regular expression the body must contain. Users configure
 * it with {@code upgrade.probe.<name>.url} and friends; plugins build it in code:
 *
 * <pre>{@code
 * Probe vip = HttpProbe.to(URI.create("https://vip.example.com/healthcheck"))
 *     .service("lb").expect("200,204").body("OK").connection(Connection.FRESH)
 *     .tls(Tls.trusting(Path.of("ca.pem"))).rate(5).build();
 * }</pre>
 *
 * An unexpected status is a failure of its HTTP class ({@link ErrorClass#ofStatus}, or
 * {@link ErrorClass#OTHER} for an unexpected 2xx or 3xx); a body without a match is
 * {@link ErrorClass#BAD_BODY}. Thread-safe and immutable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpProbe extends BuiltInProbe {

  private final URI url;
  private final String method;
  private final Map<String, String> headers;
  private final StatusCodes expected;
  private final Pattern body;
  private final HttpTransport transport;

  private HttpProbe(Builder b) {
    super(b);
    this.url = b.url;
    this.method = b.method;
    this.headers = Map.copyOf(b.headers);
    this.expected = b.expected;
    this.body = b.body;
    this.transport = HttpTransport.of(b.connection, b.tls);
  }

  /** A builder for a probe of this http:// or https:// URL. */
  public static Builder to(URI url) {
    return new Builder(url);
  }

  /** The URL probed. */
  public URI url() {
    return url;
  }

  @Override
  public ProbeResult call(Duration deadline) throws Exception {
    HttpAnswer answer = transport.send(method, url, headers, null, deadline);
    if (!expected.contains(answer.status())) {
      return ProbeResult.failed(ErrorClass.ofStatus(answer.status()), answer.status(),
          "HTTP " + answer.status() + ", expected " + expected);
    }
    if (body != null && !body.matcher(new String(answer.body(), StandardCharsets.UTF_8)).find()) {
      return ProbeResult.failed(ErrorClass.BAD_BODY, answer.status(),
          "the body (" + answer.body().length + " bytes) does not match /" + body.pattern() + "/");
    }
    return ProbeResult.success(answer.status());
  }

  /** Builds an {@link HttpProbe}; only the service is required. */
  public static final class Builder extends ProbeOptions<Builder> {
    private final URI url;
    private String method = "GET";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private StatusCodes expected = StatusCodes.SUCCESS;
    private Pattern body;
    private Connection connection = Connection.KEEPALIVE;
    private Tls tls;

    private Builder(URI url) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL with a host");
      }
      this.url = url;
    }

    @Override
    Builder self() {
      return this;
    }

    /** The request method; default {@code GET}. */
    public Builder method(String value) {
      this.method = Objects.requireNonNull(value).toUpperCase(java.util.Locale.ROOT);
      return this;
    }

    /** A request header. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The expected status codes, e.g. {@code 200,204} or {@code 2xx}; default {@code 2xx,3xx}. */
    public Builder expect(String codes) {
      this.expected = StatusCodes.parse(codes);
      return this;
    }

    /** A regular expression the body must contain (searched, not matched whole). */
    public Builder body(String regex) {
      this.body = Pattern.compile(regex);
      return this;
    }

    /** A new connection per request, or one kept alive; default kept alive. */
    public Builder connection(Connection value) {
      this.connection = Objects.requireNonNull(value);
      return this;
    }

    /** The TLS trust for https; default the JVM's. */
    public Builder tls(Tls value) {
      this.tls = value;
      return this;
    }

    /** The probe. */
    public HttpProbe build() {
      if (tls == null) {
        tls = Tls.system();
      }
      return new HttpProbe(this);
    }
  }
}
