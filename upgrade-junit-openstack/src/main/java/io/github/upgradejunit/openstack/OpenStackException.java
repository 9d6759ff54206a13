package io.github.upgradejunit.openstack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An OpenStack API call that failed, with the service and the HTTP status (0 when no answer came:
 * refused, reset, timed out), so that a test can tell "the API refused" from "the API was not
 * there". The message says which call, what the API answered and, where it helps, what to check;
 * it never contains a password or a token.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class OpenStackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String service;
  private final int status;

  /**
   * @param service the catalog type, e.g. {@code compute}
   * @param status the HTTP status, or 0 when there was no answer
   */
  public OpenStackException(String service, int status, String message, Throwable cause) {
    super(message, cause);
    this.service = service;
    this.status = status;
  }

  /** The service by catalog type: {@code identity}, {@code compute}, {@code object-store}. */
  public String service() {
    return service;
  }

  /** The HTTP status the API answered, or 0 when it did not answer. */
  public int status() {
    return status;
  }
}
