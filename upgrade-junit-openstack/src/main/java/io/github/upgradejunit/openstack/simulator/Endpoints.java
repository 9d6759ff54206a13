package io.github.upgradejunit.openstack.simulator;

/** Where each service's load balancer listens, for catalogs and links. */
@FunctionalInterface
interface Endpoints {

  /** {@code http://127.0.0.1:port} of the service, without a trailing slash. */
  String baseUrl(SimulatedService service);

  default String identityUrl() {
    return baseUrl(SimulatedService.IDENTITY) + "/v3";
  }

  default String computeUrl() {
    return baseUrl(SimulatedService.COMPUTE) + "/v2.1";
  }

  default String objectStoreUrl(String projectId) {
    return baseUrl(SimulatedService.OBJECT_STORE) + "/v1/AUTH_" + projectId;
  }
}
