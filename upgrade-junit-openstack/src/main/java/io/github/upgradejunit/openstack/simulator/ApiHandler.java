package io.github.upgradejunit.openstack.simulator;

/** One service's API behind the load balancer: turns a request into a response. */
@FunctionalInterface
interface ApiHandler {

  /**
   * Answers a request. Expected client errors are thrown as {@link ApiException}; any other
   * exception becomes the service's 500 answer.
   */
  ApiResponse handle(ApiRequest request);

  /** The service's answer to a bug in the simulator, in the service's own error format. */
  default ApiResponse internalError(RuntimeException error) {
    return ApiResponse.json(500, Errors.keystone(500, "Internal Server Error",
        "An unexpected error prevented the server from fulfilling your request."));
  }
}
