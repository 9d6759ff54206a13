package io.github.upgradejunit.openstack.internal;

import java.time.Duration;
import java.time.Instant;
import org.openstack4j.model.identity.v3.Token;

/**
 * One authentication: the openstack4j token (which every thread binds with
 * {@code OSFactory.clientFromToken}), its id for raw calls, its lifetime and the catalog.
 * Immutable once built and shared between threads; nothing mutates the token after
 * authentication. {@link #toString()} never shows the token id.
 */
public final class AuthState {

  private final Token token;
  private final String tokenId;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final String userId;
  private final String projectId;
  private final Catalog catalog;

  AuthState(Token token, String tokenId, Instant issuedAt, Instant expiresAt, String userId, String projectId,
      Catalog catalog) {
    this.token = token;
    this.tokenId = tokenId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.userId = userId;
    this.projectId = projectId;
    this.catalog = catalog;
  }

  /** The state of a token openstack4j authenticated. */
  static AuthState of(Token token, String interfaceName, String region) {
    Instant issued = token.getIssuedAt() == null ? Instant.now() : token.getIssuedAt().toInstant();
    Instant expires = token.getExpires() == null ? issued.plus(Duration.ofHours(1)) : token.getExpires().toInstant();
    return new AuthState(token, token.getId(), issued, expires, token.getUser().getId(),
        token.getProject() == null ? null : token.getProject().getId(), Catalog.of(token, interfaceName, region));
  }

  Token token() {
    return token;
  }

  /** The token id for {@code X-Auth-Token}; never log it. */
  public String tokenId() {
    return tokenId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String userId() {
    return userId;
  }

  public String projectId() {
    return projectId;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** When to renew: {@code margin} before expiry, but no later than at 80 % of the lifetime. */
  Instant renewAt(Duration margin) {
    Instant byMargin = expiresAt.minus(margin);
    Instant byLifetime = issuedAt.plus(Duration.between(issuedAt, expiresAt).multipliedBy(8).dividedBy(10));
    return byMargin.isBefore(byLifetime) ? byMargin : byLifetime;
  }

  @Override
  public String toString() {
    return "AuthState[user=" + userId + ", project=" + projectId + ", expires=" + expiresAt + "]";
  }
}
