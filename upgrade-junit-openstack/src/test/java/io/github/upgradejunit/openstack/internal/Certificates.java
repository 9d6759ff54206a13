package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates for TLS tests, made with the JDK's keytool: a PKCS12 key store and its PEM. */
final class Certificates {

  private Certificates() {
  }

  /**
   * A key pair and self-signed certificate (EC P-256, valid two days) in {@code <name>.p12}, with the
   * certificate also in {@code <name>.pem}, both in {@code directory}.
   *
   * @param subjectAltName e.g. {@code dns:localhost}, or {@code null} for none
   * @return the key store
   */
  static Path selfSigned(Path directory, String name, String commonName, String subjectAltName, String password)
      throws Exception {
    Path keystore = directory.resolve(name + ".p12");
    List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
        "secp256r1", "-dname", "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12", "-keystore",
        keystore.toString(), "-storepass", password));
    if (subjectAltName != null) {
      generate.addAll(List.of("-ext", "san=" + subjectAltName));
    }
    keytool(generate);
    keytool(List.of("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
        "-file", directory.resolve(name + ".pem").toString()));
    return keystore;
  }

  private static void keytool(List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString()));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", arguments.get(0), output).isZero();
  }
}
