package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.ApplicationCredential;
import io.github.upgradejunit.spi.ResourceJournal;
import io.github.upgradejunit.spi.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keystone application credentials as persistent resources: restricted, owned by the configured
 * user, with the run tag in the description; the fingerprint includes whether it still
 * authenticates, so a Keystone upgrade that loses credentials or breaks their auth method shows.
 * Thread-safe.
 */
final class AppCredentialResource implements ResourceType<ApplicationCredential> {

  private final Identity identity;
  private final CircuitBreaker breaker;
  private final String runId;

  AppCredentialResource(Identity identity, CircuitBreaker breaker, String runId) {
    this.identity = identity;
    this.breaker = breaker;
    this.runId = runId;
  }

  @Override
  public String service() {
    return Catalog.IDENTITY;
  }

  @Override
  public Class<ApplicationCredential> type() {
    return ApplicationCredential.class;
  }

  @Override
  public ApplicationCredential create(String name, ResourceJournal journal) {
    breaker.check("application credential " + name);
    try {
      Identity.AppCredential created = identity.createAppCredential(name, RunTag.text(runId));
      journal.recordId(created.id());
      breaker.succeeded();
      return new LiveCredential(created.id(), created.name(), identity);
    } catch (RuntimeException e) {
      breaker.failed(e);
      throw e;
    }
  }

  @Override
  public String id(ApplicationCredential resource) {
    return resource.id();
  }

  @Override
  public Optional<ApplicationCredential> find(String id) {
    return identity.findAppCredential(id).map(c -> new LiveCredential(c.id(), c.name(), identity));
  }

  @Override
  public Map<String, String> fingerprint(ApplicationCredential resource) {
    return resource.details();
  }

  @Override
  public void delete(String id) {
    identity.deleteAppCredential(id);
  }

  /** A credential by id; every read asks Keystone. */
  static final class LiveCredential extends LiveResource implements ApplicationCredential {
    private final Identity identity;

    LiveCredential(String id, String name, Identity identity) {
      super("ApplicationCredential", "application credential", id, name);
      this.identity = identity;
    }

    @Override
    public boolean authenticates() {
      return identity.authenticates(id(), name());
    }

    @Override
    public Map<String, String> details() {
      Identity.AppCredential now = identity.findAppCredential(id()).orElseThrow(() -> gone(Catalog.IDENTITY, "Keystone"));
      Map<String, String> print = new TreeMap<>(now.details());
      print.put("authenticates", String.valueOf(authenticates()));
      return print;
    }
  }
}
