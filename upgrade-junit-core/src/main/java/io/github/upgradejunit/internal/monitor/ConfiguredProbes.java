package io.github.upgradejunit.internal.monitor;

import io.github.upgradejunit.probe.HttpProbe;
import io.github.upgradejunit.probe.HttpTransport.Connection;
import io.github.upgradejunit.probe.ProbeOptions;
import io.github.upgradejunit.probe.TcpProbe;
import io.github.upgradejunit.probe.Tls;
import io.github.upgradejunit.internal.config.Edits;
import io.github.upgradejunit.spi.ConfigKey;
import io.github.upgradejunit.spi.Probe;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probes configured by properties alone: {@code upgrade.probe.<name>.url} (HTTP) or
 * {@code upgrade.probe.<name>.tcp} (TCP connect), with their options. The probe named
 * {@code control} is a control probe unless told otherwise. Checking and building are one code
 * path: {@link #problems} builds every probe and reports what failed, naming the key.
 */
public final class ConfiguredProbes {

  /** The prefix of every probe key. */
  public static final String PREFIX = "upgrade.probe.";

  /** The name of the probe that is a control by default. */
  public static final String CONTROL = "control";

  private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "([^.]+)\\.(.+)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5})");

  static final ConfigKey URL = ConfigKey.string(PREFIX + "<name>.url", null,
      "Probe this http:// or https:// URL, reported under the service <name> (or .service).");
  static final ConfigKey TCP = ConfigKey.string(PREFIX + "<name>.tcp", null,
      "host:port: probe by opening a TCP connection (instead of .url).");
  static final ConfigKey METHOD = ConfigKey.choice(PREFIX + "<name>.method", "get",
      "HTTP method of a .url probe.", "get", "head", "post", "put", "delete", "options", "patch");
  static final ConfigKey HEADERS = ConfigKey.string(PREFIX + "<name>.headers", null,
      "Request headers of a .url probe: 'Name: value; Name2: value'.");
  static final ConfigKey EXPECT = ConfigKey.string(PREFIX + "<name>.expect", "2xx,3xx",
      "Status codes that count as success: codes and classes, comma-separated, e.g. 200,204 or 2xx.");
  static final ConfigKey BODY = ConfigKey.string(PREFIX + "<name>.body", null,
      "A regular expression the answer's body must contain; else the sample is BAD_BODY.");
  static final ConfigKey RATE = ConfigKey.positiveNumber(PREFIX + "<name>.rate", null,
      "This probe's requests per second. Default: upgrade.probe.rate.");
  static final ConfigKey DEADLINE = ConfigKey.duration(PREFIX + "<name>.deadline", null,
      "This probe's whole-call deadline (more than zero). Default: upgrade.probe.deadline.");
  static final ConfigKey CONNECTION = ConfigKey.choice(PREFIX + "<name>.connection",
      "keepalive", "A new connection per request (fresh) or one kept alive (keepalive).", "fresh",
      "keepalive");
  static final ConfigKey TLS_VERIFY = ConfigKey.choice(PREFIX + "<name>.tls.verify",
      "true", "Check the server's certificate and host name (false: accept any, like curl -k).",
      "true", "false");
  static final ConfigKey TLS_CA = ConfigKey.string(PREFIX + "<name>.tls.ca", null,
      "A PEM file of CA certificates to trust instead of the JVM's.");
  static final ConfigKey SERVICE = ConfigKey.string(PREFIX + "<name>.service", null,
      "The service the samples are reported under. Default: <name>.");
  static final ConfigKey IS_CONTROL = ConfigKey.choice(PREFIX + "<name>.control", null,
      "Whether the probe is a control (outside the system under test). Default: true for the probe "
          + "named control, else false.", "true", "false");

  /** Every pattern key, in the order of the table in docs/configuration.md. */
  public static final List<ConfigKey> KEYS = List.of(URL, TCP, METHOD, HEADERS, EXPECT, BODY, RATE,
      DEADLINE, CONNECTION, TLS_VERIFY, TLS_CA, SERVICE, IS_CONTROL);

  private static final Set<String> HTTP_ONLY = Set.of("method", "headers", "expect", "body",
      "connection", "tls.verify", "tls.ca");

  private ConfiguredProbes() {
  }

  private static String attribute(ConfigKey pattern) {
    return pattern.name().substring((PREFIX + "<name>.").length());
  }

  /** Whether a key has the shape {@code upgrade.probe.<name>.<option>} and is not a declared key. */
  public static boolean isProbeKey(String key, Set<String> declared) {
    Matcher m = KEY.matcher(key);
    return m.matches() && (!declared.contains(key) || pattern(m.group(2)).isPresent());
  }

  private static Optional<ConfigKey> pattern(String attribute) {
    return KEYS.stream().filter(k -> attribute(k).equals(attribute)).findFirst();
  }

  /**
   * Everything wrong with the probe keys among {@code values}, each message naming its key: unknown
   * options (with the likely one), bad values, a probe with neither or both of url and tcp.
   */
  public static List<String> problems(Map<String, String> values, Set<String> declared) {
    List<String> problems = new ArrayList<>();
    group(values, declared).forEach((name, options) -> problems.addAll(problems(name, options)));
    return problems;
  }

  /** The probes configured in {@code values} (all of {@code upgrade.probe.*}); they must be valid. */
  public static List<Probe> of(Map<String, String> values, Set<String> declared) {
    List<Probe> probes = new ArrayList<>();
    group(values, declared).forEach((name, options) -> probes.add(build(name, options)));
    return probes;
  }

  private static Map<String, Map<String, String>> group(Map<String, String> values, Set<String> declared) {
    Map<String, Map<String, String>> byName = new TreeMap<>();
    values.forEach((key, value) -> {
      Matcher m = KEY.matcher(key);
      if (isProbeKey(key, declared) && m.matches()) {
        byName.computeIfAbsent(m.group(1), n -> new TreeMap<>()).put(m.group(2), value);
      }
    });
    return byName;
  }

  private static List<String> problems(String name, Map<String, String> options) {
    List<String> problems = new ArrayList<>(optionProblems(name, options));
    if (problems.isEmpty()) {
      try {
        build(name, options);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private static List<String> optionProblems(String name, Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      problems.add("Probe name '" + name + "' in '" + PREFIX + name + ".*' may use only letters, digits, '-' and '_'.");
    }
    options.forEach((attribute, value) -> {
      String key = PREFIX + name + "." + attribute;
      Optional<ConfigKey> pattern = pattern(attribute);
      if (pattern.isEmpty()) {
        problems.add("Unknown configuration key '" + key + "'" + suggestion(name, attribute)
            + ". Probe keys are listed in docs/probes.md.");
      } else {
        Optional.ofNullable(pattern.get().named(key).problemWith(value)).ifPresent(problems::add);
      }
    });
    return problems;
  }

  private static String suggestion(String name, String attribute) {
    return KEYS.stream().map(ConfiguredProbes::attribute)
        .min((a, b) -> Integer.compare(Edits.distance(a, attribute), Edits.distance(b, attribute)))
        .filter(best -> Edits.distance(best, attribute) <= 3)
        .map(best -> " (did you mean '" + PREFIX + name + "." + best + "'?)").orElse("");
  }

  // ---- building ----------------------------------------------------------------------------------

  private static Probe build(String name, Map<String, String> options) {
    Options o = new Options(name, options);
    boolean http = options.containsKey("url");
    if (http == options.containsKey("tcp")) {
      throw new IllegalArgumentException("Probe '" + name + "' needs exactly one of '" + o.key("url")
          + "' (HTTP) and '" + o.key("tcp") + "' (TCP)" + (http ? ", not both." : "; it has neither."));
    }
    return http ? http(o) : tcp(o);
  }

  private static Probe http(Options o) {
    HttpProbe.Builder b = o.parse("url", v -> HttpProbe.to(URI.create(v)));
    o.find("method").ifPresent(b::method);
    o.find("headers").ifPresent(v -> o.parse("headers", h -> headers(b, h)));
    o.find("expect").ifPresent(v -> o.parse("expect", b::expect));
    o.find("body").ifPresent(v -> o.parse("body", b::body));
    o.find("connection").ifPresent(v -> b.connection(Connection.valueOf(v.toUpperCase(Locale.ROOT))));
    b.tls(tls(o));
    return common(b, o).build();
  }

  private static Tls tls(Options o) {
    if (o.find("tls.verify").map(v -> v.equalsIgnoreCase("false")).orElse(false)) {
      return Tls.insecure();
    }
    return o.find("tls.ca").map(ca -> o.parse("tls.ca", v -> trusting(Path.of(v)))).orElseGet(Tls::system);
  }

  private static Tls trusting(Path pem) {
    try {
      return Tls.trusting(pem);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read CA certificates from it as a PEM file (" + e.getMessage() + ")", e);
    }
  }

  private static HttpProbe.Builder headers(HttpProbe.Builder b, String text) {
    for (String header : text.split(";")) {
      if (header.isBlank()) {
        continue;
      }
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("write headers as 'Name: value; Name2: value'");
      }
      b.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    return b;
  }

  private static Probe tcp(Options o) {
    o.options.keySet().stream().filter(HTTP_ONLY::contains).findFirst().ifPresent(a -> {
      throw new IllegalArgumentException("Configuration key '" + o.key(a) + "' applies to URL probes only, but '"
          + o.key("tcp") + "' makes probe '" + o.name + "' a TCP probe.");
    });
    TcpProbe.Builder b = o.parse("tcp", ConfiguredProbes::hostPort);
    return common(b, o).build();
  }

  private static TcpProbe.Builder hostPort(String text) {
    Matcher m = HOST_PORT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("write it as host:port, e.g. vm.example.com:22 or [2001:db8::7]:22");
    }
    String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
    return TcpProbe.to(host, Integer.parseInt(m.group(2)));
  }

  private static <B extends ProbeOptions<B>> B common(B b, Options o) {
    String service = o.find("service").orElse(o.name);
    b.service(service).series(service.equals(o.name) ? o.name : service + "/" + o.name);
    o.find("rate").ifPresent(v -> o.parse("rate", r -> b.rate(Double.parseDouble(r.trim()))));
    o.find("deadline").ifPresent(v -> o.parse("deadline", d -> b.deadline(ConfigKey.parseDuration(d))));
    b.control(o.find("control").map(Boolean::parseBoolean).orElse(CONTROL.equals(o.name)));
    return b;
  }

  /** One probe's options, and the key each one came from. */
  private static final class Options {
    final String name;
    final Map<String, String> options;

    Options(String name, Map<String, String> options) {
      this.name = name;
      this.options = options;
    }

    String key(String attribute) {
      return PREFIX + name + "." + attribute;
    }

    Optional<String> find(String attribute) {
      return Optional.ofNullable(options.get(attribute)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Apply a parser to an option, turning its failure into a message naming the key. */
    <T> T parse(String attribute, Function<String, T> parser) {
      String value = find(attribute).orElse("");
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Configuration key '" + key(attribute) + "' has the value '" + value
            + "': " + e.getMessage(), e);
      }
    }
  }
}
