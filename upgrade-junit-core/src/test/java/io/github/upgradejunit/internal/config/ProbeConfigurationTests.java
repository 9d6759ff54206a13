package io.github.upgradejunit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.upgradejunit.probe.HttpProbe;
import io.github.upgradejunit.probe.TcpProbe;
import io.github.upgradejunit.spi.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes configured by properties alone: what they become, and how bad input fails at start, naming the key. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProbeConfigurationTests {

  @TempDir
  Path directory;

  private static UpgradeConfiguration load(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return UpgradeConfiguration.of(values, Map.of(), CoreKeys.ALL);
  }

  private static String problemWith(String... keysAndValues) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> load(keysAndValues));
    assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
    return thrown.getMessage();
  }

  @Test
  void a_url_and_its_options_make_an_http_probe_reported_under_its_name() {
    List<Probe> probes = load("upgrade.probe.vip.url", "https://vip.example.com/health",
        "upgrade.probe.vip.rate", "2.5", "upgrade.probe.vip.deadline", "750ms",
        "upgrade.probe.vip.headers", "Host: app.example.com; X-Probe: upgrade-junit",
        "upgrade.probe.vip.expect", "200,204", "upgrade.probe.vip.tls.verify", "false").configuredProbes();

    assertThat(probes).singleElement().isInstanceOf(HttpProbe.class).satisfies(p -> {
      assertThat(p.service()).isEqualTo("vip");
      assertThat(p.series()).isEqualTo("vip");
      assertThat(p.control()).isFalse();
      assertThat(p.rate()).hasValue(2.5);
      assertThat(p.deadline()).hasValue(Duration.ofMillis(750));
    });
  }

  @Test
  void a_tcp_probe_can_be_reported_under_another_service() {
    List<Probe> probes = load("upgrade.probe.web-ssh.tcp", "[2001:db8::7]:22",
        "upgrade.probe.web-ssh.service", "vms").configuredProbes();

    assertThat(probes).singleElement().isInstanceOfSatisfying(TcpProbe.class, p -> {
      assertThat(p.host()).isEqualTo("2001:db8::7");
      assertThat(p.port()).isEqualTo(22);
      assertThat(p.service()).isEqualTo("vms");
      assertThat(p.series()).isEqualTo("vms/web-ssh");
    });
  }

  @Test
  void a_malformed_url_fails_naming_the_key() {
    assertThat(problemWith("upgrade.probe.vip.url", "htp://vip"))
        .contains("'upgrade.probe.vip.url'", "'htp://vip'", "http:// or https://");
    assertThat(problemWith("upgrade.probe.vip.url", "http://bad host/"))
        .contains("'upgrade.probe.vip.url'");
  }

  @Test
  void an_unknown_probe_key_fails_and_suggests_the_one_meant() {
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.rtae", "5"))
        .contains("Unknown configuration key 'upgrade.probe.vip.rtae'", "did you mean 'upgrade.probe.vip.rate'?");
  }

  @Test
  void a_rate_of_zero_fails_naming_the_key() {
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.rate", "0"))
        .contains("'upgrade.probe.vip.rate'", "a number > 0");
  }

  @Test
  void a_negative_or_zero_deadline_fails_naming_the_key() {
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.deadline", "-1s"))
        .contains("'upgrade.probe.vip.deadline'");
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.deadline", "0s"))
        .contains("'upgrade.probe.vip.deadline'", "longer than zero");
  }

  @Test
  void bad_expectations_bodies_headers_and_addresses_fail_naming_the_key() {
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.expect", "2xx,ok"))
        .contains("'upgrade.probe.vip.expect'", "'ok' is neither a status code");
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.body", "(unclosed"))
        .contains("'upgrade.probe.vip.body'");
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.headers", "no colon"))
        .contains("'upgrade.probe.vip.headers'", "Name: value");
    assertThat(problemWith("upgrade.probe.ssh.tcp", "vm.example.com")).contains("'upgrade.probe.ssh.tcp'", "host:port");
    assertThat(problemWith("upgrade.probe.ssh.tcp", "vm:22", "upgrade.probe.ssh.expect", "200"))
        .contains("'upgrade.probe.ssh.expect' applies to URL probes only");
  }

  @Test
  void a_probe_needs_exactly_one_target() {
    assertThat(problemWith("upgrade.probe.vip.rate", "5")).contains("'upgrade.probe.vip.url'", "'upgrade.probe.vip.tcp'",
        "has neither");
    assertThat(problemWith("upgrade.probe.vip.url", "http://vip/", "upgrade.probe.vip.tcp", "vip:80"))
        .contains("not both");
  }

  @Test
  void a_ca_file_that_is_not_pem_fails_naming_the_key() throws Exception {
    Path notPem = Files.writeString(directory.resolve("ca.pem"), "not a certificate");

    assertThat(problemWith("upgrade.probe.horizon.url", "https://horizon/", "upgrade.probe.horizon.tls.ca",
        notPem.toString())).contains("'upgrade.probe.horizon.tls.ca'");
    assertThat(problemWith("upgrade.probe.horizon.url", "https://horizon/", "upgrade.probe.horizon.tls.ca",
        directory.resolve("missing.pem").toString())).contains("'upgrade.probe.horizon.tls.ca'");
  }

  @Test
  void the_fixed_probe_keys_are_not_taken_for_probes() {
    assertThat(load("upgrade.probe.rate", "20", "upgrade.probe.tester-side.counts", "true").configuredProbes())
        .isEmpty();
    assertThatThrownBy(() -> load("upgrade.probe.rat", "20")).hasMessageContaining("did you mean 'upgrade.probe.rate'");
  }
}
