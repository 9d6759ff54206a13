package io.github.upgradejunit.openstack.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as its own process on loopback, so the three-invocation mode
 * ({@code before}, {@code during}, {@code after}) can be tried without a cloud:
 *
 * <pre>
 * java -cp ... io.github.upgradejunit.openstack.simulator.SimulatorMain \
 *     --port 5000 --scenario rolling-compute-outage --clouds-yaml target/clouds.yaml
 * curl -X POST http://127.0.0.1:5000/_simulator/play     # starts the upgrade (202, or 409)
 * curl http://127.0.0.1:5000/_simulator/truth            # what happened
 * </pre>
 *
 * <p>It runs until killed.
 */
public final class SimulatorMain {

  private static final String USAGE = String.join("\n",
      "usage: SimulatorMain [--port N] [--scenario FILE_OR_BUILTIN] [--clouds-yaml OUT]",
      "                     [--truth OUT] [--play]",
      "  --port N         Keystone on N, Nova on N+1, Swift on N+2 (default: ephemeral ports)",
      "  --scenario S     a scenario file (.json/.yaml) or a built-in: "
          + String.join(", ", Scenario.builtinNames()) + " (default rolling-compute-outage)",
      "  --clouds-yaml F  write a clouds.yaml with the cloud 'simulator' (and 'simulator-admin')",
      "  --truth F        write truth.json there whenever a play ends",
      "  --play           start playing at once instead of waiting for POST /_simulator/play");

  record Options(int port, String scenario, Path cloudsYaml, Path truth, boolean play) {
  }

  private SimulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    Options options;
    Scenario scenario;
    try {
      options = parse(args);
      scenario = Scenario.resolve(options.scenario());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    OpenStackSimulator simulator = start(options, scenario, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    if (options.play()) {
      playNow(simulator);
    }
    new CountDownLatch(1).await();
  }

  /** Starts the simulator for the options and prints where everything is. */
  static OpenStackSimulator start(Options options, Scenario scenario, PrintStream out)
      throws IOException {
    OpenStackSimulator simulator = OpenStackSimulator.builder().basePort(options.port())
        .backendsFor(scenario).start();
    simulator.enableRemotePlay(scenario, new ConsoleControl(out), options.truth());
    if (options.cloudsYaml() != null) {
      simulator.writeCloudsYaml(options.cloudsYaml());
    }
    printBanner(simulator, scenario, options, out);
    return simulator;
  }

  private static void playNow(OpenStackSimulator simulator) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    client.send(HttpRequest.newBuilder(
            URI.create(simulator.baseUrl(SimulatedService.IDENTITY) + "/_simulator/play"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static void printBanner(OpenStackSimulator simulator, Scenario scenario,
      Options options, PrintStream out) {
    SimulatorCredentials user = simulator.credentials();
    String control = simulator.baseUrl(SimulatedService.IDENTITY) + "/_simulator";
    out.println("OpenStack simulator running on loopback");
    out.println("  identity     " + simulator.authUrl() + "  (" + backends(simulator, SimulatedService.IDENTITY) + ")");
    out.println("  compute      " + simulator.computeUrl() + "  (" + backends(simulator, SimulatedService.COMPUTE) + ")");
    out.println("  object-store " + simulator.objectStoreUrl() + "  (" + backends(simulator, SimulatedService.OBJECT_STORE) + ")");
    out.println("  user " + user.username() + " / " + user.password() + ", project "
        + user.projectName() + ", domain " + SimulatorCredentials.DOMAIN + ", region "
        + simulator.region());
    if (options.cloudsYaml() != null) {
      out.println("  clouds.yaml  " + options.cloudsYaml().toAbsolutePath() + " (cloud 'simulator')");
    }
    out.println("  scenario     " + scenario.name() + " from " + scenario.source() + ", about "
        + scenario.estimatedDuration().toSeconds() + " s");
    out.println("  start it:    curl -X POST " + control + "/play");
    out.println("  truth:       curl " + control + "/truth");
    out.println("Stop with Ctrl+C.");
    out.flush();
  }

  private static String backends(OpenStackSimulator simulator, SimulatedService service) {
    int count = simulator.backendCount(service);
    return count + (count == 1 ? " backend" : " backends");
  }

  static Options parse(String[] args) {
    int port = 0;
    String scenario = "rolling-compute-outage";
    Path cloudsYaml = null;
    Path truth = null;
    boolean play = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port":
          port = parsePort(value(args, ++i, arg));
          break;
        case "--scenario":
          scenario = value(args, ++i, arg);
          break;
        case "--clouds-yaml":
          cloudsYaml = Path.of(value(args, ++i, arg));
          break;
        case "--truth":
          truth = Path.of(value(args, ++i, arg));
          break;
        case "--play":
          play = true;
          break;
        case "--help":
        case "-h":
          throw new IllegalArgumentException("OpenStack simulator");
        default:
          throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new Options(port, scenario, cloudsYaml, truth, play);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args[index];
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65533) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a port number (0..65533), got '" + text + "'");
    }
  }
}
