package io.github.upgradejunit.openstack.simulator;

/** Carries the error response a real service would give; thrown from deep inside a handler. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ApiResponse response;

  ApiException(ApiResponse response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  ApiResponse response() {
    return response;
  }
}
