package io.github.upgradejunit.internal.monitor;

import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Probe;
import io.github.upgradejunit.spi.ProbeResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The control probe: an HTTP GET of an endpoint outside the system under test
 * ({@code upgrade.probe.control.url}). When it fails together with a service probe, the analysis
 * flags that service's outage as possibly tester-side, so trouble on the tester's network is not
 * counted as cloud downtime.
 */
public final class ControlProbe {

  public static final ConfigKey URL = ConfigKey.string("upgrade.probe.control.url", null,
      "An HTTP(S) URL outside the cloud, probed like a service as the control: outages it shares with a "
          + "cloud service are flagged tester-side and not counted against the verdict. Off when unset.");

  private ControlProbe() {
  }

  /** The control probe, when configured; fails fast on a malformed URL. */
  public static List<Probe> of(Optional<String> url) {
    if (url.isEmpty()) {
      return List.of();
    }
    URI uri;
    try {
      uri = URI.create(url.get());
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Configuration key 'upgrade.probe.control.url' has the value '" + url.get()
          + "', but it must be an http:// or https:// URL with a host: " + e.getMessage(), e);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return List.of(new Probe() {
      @Override
      public String service() {
        return "control";
      }

      @Override
      public String series() {
        return "control/keepalive";
      }

      @Override
      public boolean control() {
        return true;
      }

      @Override
      public ProbeResult call(Duration deadline) throws Exception {
        return ProbeResult.ofStatus(http.send(HttpRequest.newBuilder(uri).timeout(deadline).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode());
      }
    });
  }
}
