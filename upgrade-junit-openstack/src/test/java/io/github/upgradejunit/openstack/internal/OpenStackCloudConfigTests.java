package io.github.upgradejunit.openstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clouds.yaml, secure.yaml and OS_* variables, found by openstacksdk's rules; none of it reads the real environment. */
class OpenStackCloudConfigTests {

  private static final String PASSWORD = "s3cr3t-Pa55";

  @TempDir
  Path root;
  Path workingDirectory;
  Path home;
  Path etc;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void directories() throws IOException {
    workingDirectory = Files.createDirectories(root.resolve("project"));
    home = Files.createDirectories(root.resolve("home"));
    etc = Files.createDirectories(root.resolve("etc/openstack"));
  }

  private CloudLocator locator() {
    return new CloudLocator(name -> Optional.ofNullable(env.get(name)), workingDirectory, home, etc);
  }

  private CloudConfig locate(String cloud) {
    return locator().locate(Optional.ofNullable(cloud)).cloud().orElseThrow();
  }

  private static Path write(Path file, String yaml) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  private static String cloud(String name, String auth, String extra) {
    return "clouds:\n  " + name + ":\n    auth:\n" + auth.indent(6) + extra.indent(4);
  }

  private static final String FULL_AUTH = """
      auth_url: https://keystone.example.com:5000
      username: alice
      password: %s
      project_name: web
      user_domain_name: Default
      project_domain_name: Default
      """.formatted(PASSWORD);

  @Test
  void cloudNamedByUpgradeCloudIsReadFromTheUsersConfigDirectoryWithAllSettings() throws IOException {
    write(home.resolve(".config/openstack/clouds.yaml"), cloud("prod", FULL_AUTH,
        "region_name: RegionTwo\ninterface: internal\nverify: false\nidentity_api_version: 3"));

    CloudConfig cloud = locate("prod");

    assertThat(cloud.name()).isEqualTo("prod");
    assertThat(cloud.authUrl()).isEqualTo("https://keystone.example.com:5000/v3");
    assertThat(cloud.username()).isEqualTo("alice");
    assertThat(cloud.password().reveal()).isEqualTo(PASSWORD);
    assertThat(cloud.projectName()).isEqualTo("web");
    assertThat(cloud.region()).isEqualTo("RegionTwo");
    assertThat(cloud.interfaceName()).isEqualTo("internal");
    assertThat(cloud.verify()).isFalse();
    assertThat(cloud.source()).isEqualTo("clouds.yaml " + home.resolve(".config/openstack/clouds.yaml"));
    assertThat(cloud.toString()).doesNotContain(PASSWORD).contains("****");
  }

  @Test
  void osCloudPicksTheCloudAndOsClientConfigFileComesBeforeTheWorkingDirectory() throws IOException {
    write(workingDirectory.resolve("clouds.yaml"), cloud("prod", FULL_AUTH.replace("alice", "bob"), ""));
    Path explicit = write(root.resolve("elsewhere/my-clouds.yaml"), cloud("prod", FULL_AUTH, ""));
    env.put("OS_CLOUD", "prod");
    env.put("OS_CLIENT_CONFIG_FILE", explicit.toString());

    assertThat(locate(null).username()).isEqualTo("alice");

    env.remove("OS_CLIENT_CONFIG_FILE");
    assertThat(locate(null).username()).isEqualTo("bob");
  }

  @Test
  void theWorkingDirectoryComesBeforeHomeAndHomeBeforeEtc() throws IOException {
    write(etc.resolve("clouds.yaml"), cloud("c", FULL_AUTH.replace("alice", "from-etc"), ""));
    assertThat(locate("c").username()).isEqualTo("from-etc");
    write(home.resolve(".config/openstack/clouds.yml"), cloud("c", FULL_AUTH.replace("alice", "from-home"), ""));
    assertThat(locate("c").username()).isEqualTo("from-home");
    write(workingDirectory.resolve("clouds.yaml"), cloud("c", FULL_AUTH.replace("alice", "from-here"), ""));
    assertThat(locate("c").username()).isEqualTo("from-here");
  }

  @Test
  void secureYamlSuppliesThePassword() throws IOException {
    write(workingDirectory.resolve("clouds.yaml"), cloud("prod", FULL_AUTH.replace("password: " + PASSWORD + "\n", ""),
        ""));
    Path secure = write(root.resolve("secrets/secure.yaml"), "clouds:\n  prod:\n    auth:\n      password: " + PASSWORD
        + "\n");
    env.put("OS_CLIENT_SECURE_FILE", secure.toString());

    CloudConfig cloud = locate("prod");

    assertThat(cloud.password().reveal()).isEqualTo(PASSWORD);
    assertThat(cloud.username()).isEqualTo("alice");
    assertThat(cloud.source()).contains(secure.toString());
  }

  @Test
  void aMissingKeyIsNamedWithTheFileAndTheCloud() throws IOException {
    Path file = write(home.resolve(".config/openstack/clouds.yaml"),
        cloud("prod", FULL_AUTH.replace("auth_url: https://keystone.example.com:5000\n", ""), ""));

    assertThatThrownBy(() -> locate("prod")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clouds.yaml " + file + ": cloud 'prod' has no auth.auth_url");
  }

  @Test
  void anUnknownCloudListsTheCloudsFound() throws IOException {
    Path file = write(workingDirectory.resolve("clouds.yaml"), cloud("prod", FULL_AUTH, "") + cloud("staging",
        FULL_AUTH, "").replace("clouds:\n", ""));

    assertThatThrownBy(() -> locate("dev")).hasMessage("clouds.yaml " + file
        + ": no cloud 'dev' (from upgrade.cloud); the clouds found are [prod, staging]");
  }

  @Test
  void aNamedCloudWithoutAnyCloudsYamlSaysWhereItLooked() {
    env.put("OS_CLOUD", "prod");
    assertThatThrownBy(() -> locate(null)).hasMessageStartingWith("The cloud 'prod' (from OS_CLOUD) is not defined: "
        + "no clouds.yaml found; looked for [" + workingDirectory.resolve("clouds.yaml"));
  }

  @Test
  void osVariablesWorkAsInTheCli() {
    env.putAll(Map.of("OS_AUTH_URL", "http://10.0.0.5:5000/v3/", "OS_USERNAME", "alice", "OS_PASSWORD", PASSWORD,
        "OS_PROJECT_ID", "0123456789abcdef", "OS_USER_DOMAIN_NAME", "Default", "OS_REGION_NAME", "RegionOne",
        "OS_INTERFACE", "internalURL", "OS_INSECURE", "true"));

    CloudConfig cloud = locate(null);

    assertThat(cloud.name()).isEqualTo("envvars");
    assertThat(cloud.authUrl()).isEqualTo("http://10.0.0.5:5000/v3");
    assertThat(cloud.projectId()).isEqualTo("0123456789abcdef");
    assertThat(cloud.interfaceName()).isEqualTo("internal");
    assertThat(cloud.verify()).isFalse();
    assertThat(cloud.region()).isEqualTo("RegionOne");
  }

  @Test
  void aMissingVariableIsNamedAndThePasswordNeverAppears() {
    env.putAll(Map.of("OS_AUTH_URL", "http://10.0.0.5:5000", "OS_USERNAME", "alice", "OS_PASSWORD", PASSWORD,
        "OS_PROJECT_NAME", "web", "OS_PROJECT_DOMAIN_NAME", "Default"));

    assertThatThrownBy(() -> locate(null)).hasMessageStartingWith("OS_* variables: cloud 'envvars' has no "
        + "OS_USER_DOMAIN_NAME (or OS_USER_DOMAIN_ID").hasMessageNotContaining(PASSWORD);
    env.remove("OS_PASSWORD");
    env.put("OS_USER_DOMAIN_NAME", "Default");
    assertThatThrownBy(() -> locate(null)).hasMessage("OS_* variables: cloud 'envvars' has no OS_PASSWORD");
  }

  @Test
  void domainNameFillsInBothDomains() throws IOException {
    write(workingDirectory.resolve("clouds.yaml"), cloud("prod", """
        auth_url: http://k:5000/v3
        username: alice
        password: x
        project_name: web
        domain_name: Acme
        """, ""));

    CloudConfig cloud = locate("prod");

    assertThat(cloud.userDomainName()).isEqualTo("Acme");
    assertThat(cloud.projectDomainName()).isEqualTo("Acme");
  }

  @Test
  void brokenYamlIsReportedByPlaceWithoutQuotingIt() throws IOException {
    Path file = write(workingDirectory.resolve("clouds.yaml"), "clouds:\n  prod:\n    auth:\n      password: \""
        + PASSWORD + "\n    : [\n");

    assertThatThrownBy(() -> locate("prod")).hasMessageStartingWith("clouds.yaml " + file + " is not valid YAML (line")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void unsupportedAuthTypesAndUnreadableCaFilesFailLoudly() throws IOException {
    write(workingDirectory.resolve("clouds.yaml"), cloud("appcred", FULL_AUTH, "auth_type: v3applicationcredential")
        + cloud("ca", FULL_AUTH, "cacert: /nonexistent/ca.pem").replace("clouds:\n", ""));

    assertThatThrownBy(() -> locate("appcred")).hasMessageContaining("cloud 'appcred' has auth_type "
        + "'v3applicationcredential', but only password authentication is supported");
    assertThatThrownBy(() -> locate("ca")).hasMessageContaining("cloud 'ca' has cacert /nonexistent/ca.pem, but that "
        + "file cannot be read");
  }

  @Test
  void withoutAnyConfigurationThePluginIsOffAndSaysWhy() throws IOException {
    CloudLocator.Located none = locator().locate(Optional.empty());
    assertThat(none.cloud()).isEmpty();
    assertThat(none.reason()).contains("upgrade.cloud and OS_CLOUD are unset and OS_AUTH_URL is not set either");

    write(home.resolve(".config/openstack/clouds.yaml"), cloud("prod", FULL_AUTH, ""));
    assertThat(locator().locate(Optional.empty()).reason()).contains("has the clouds [prod]; set upgrade.cloud or "
        + "OS_CLOUD to test one");
  }
}
