package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;
import io.github.upgradejunit.spi.ErrorClass;
import java.net.ConnectException;
import javax.net.ssl.SSLException;
import org.openstack4j.api.exceptions.ResponseException;

/**
 * Turns what openstack4j and {@code java.net.http} throw into one {@link OpenStackException} with a
 * message an operator can act on. Messages name the call and the answer, never a secret.
 */
final class Failures {

  private Failures() {
  }

  /** The failure of an API call, e.g. {@code of("compute", "GET /servers/1", e)}. */
  static OpenStackException of(String service, String call, Throwable failure) {
    if (failure instanceof OpenStackException known) {
      return known;
    }
    int status = status(failure);
    return new OpenStackException(service, status, label(service) + ": " + call + " failed: " + reason(failure),
        failure);
  }

  /** A call that was answered with an error status. */
  static OpenStackException answered(String service, String call, int status, String apiMessage) {
    return new OpenStackException(service, status, label(service) + ": " + call + " answered " + status
        + (apiMessage == null || apiMessage.isBlank() ? "" : ": " + apiMessage) + hint(status), null);
  }

  /** Why authentication failed, for the plugin's start-up error. */
  static OpenStackException authentication(CloudConfig cloud, Throwable failure) {
    int status = status(failure);
    String who = "user '" + cloud.user() + "', project '" + cloud.project() + "'";
    String message;
    if (status == 401) {
      message = cloud.where() + ": Keystone at " + cloud.authUrl() + " refused the credentials (401) of " + who
          + "; check the password, the user and project names and their domains";
    } else if (status > 0) {
      message = cloud.where() + ": Keystone at " + cloud.authUrl() + " answered " + status + " to the "
          + "authentication of " + who + " (" + failure.getMessage() + "); is auth_url Keystone's endpoint?";
    } else {
      message = cloud.where() + ": cannot authenticate at Keystone " + cloud.authUrl() + ": " + reason(failure)
          + (isTls(failure) && cloud.cacert() != null ? "; is " + cloud.cacert() + " the CA that signed its "
              + "certificate, and does the certificate name the host of auth_url?"
              : isTls(failure) ? "; if a private CA signed its certificate, give its PEM file as cacert in "
              + "clouds.yaml (or OS_CACERT)" : "");
    }
    return new OpenStackException("identity", status, message, failure);
  }

  static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OpenStackException e) {
        return e.status();
      }
      if (t instanceof ResponseException e && e.getStatus() > 0) {
        return e.getStatus();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return 0;
  }

  /** What went wrong, in words: the answer, or the network error class and its root cause. */
  static String reason(Throwable failure) {
    int status = status(failure);
    if (status > 0) {
      return status + " " + failure.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    ErrorClass kind = ErrorClass.of(failure);
    if (kind == ErrorClass.TIMEOUT) {
      return "no answer in time (upgrade.openstack.connect.timeout, upgrade.openstack.read.timeout)";
    }
    String what = switch (kind) {
      case CONNECT -> root instanceof ConnectException ? "connection refused" : "connection failed";
      case TLS -> "TLS handshake failed";
      case DNS -> "host name does not resolve";
      default -> root.getClass().getSimpleName();
    };
    return what + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
  }

  private static boolean isTls(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  static String label(String service) {
    return switch (service) {
      case Catalog.IDENTITY -> "Keystone";
      case Catalog.COMPUTE -> "Nova";
      case Catalog.OBJECT_STORE -> "Swift";
      default -> service;
    };
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (the token was refused even after renewing it)";
      case 403 -> " (not allowed for this user, or a quota is used up)";
      case 409 -> " (conflict: the resource is busy or not empty; try again later)";
      case 413 -> " (a quota or size limit is exceeded)";
      default -> "";
    };
  }
}
