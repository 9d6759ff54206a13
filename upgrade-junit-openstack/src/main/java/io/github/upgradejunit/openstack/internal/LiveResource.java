package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.openstack.OpenStackException;

/**
 * A persistent resource known by id, whose every read asks the cloud again: a handle the test holds
 * must show the resource as it is now, not as it was when the run created it.
 */
abstract class LiveResource {
  private final String kind;
  private final String type;
  private final String id;
  private final String name;

  /**
   * @param type the public type's simple name, for {@link #toString()}
   * @param kind what an operator calls it, for messages
   */
  LiveResource(String type, String kind, String id, String name) {
    this.type = type;
    this.kind = kind;
    this.id = id;
    this.name = name;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The error when the resource has disappeared: a 404 from {@code service}, naming it. */
  final OpenStackException gone(String service, String api) {
    return new OpenStackException(service, 404, api + ": " + kind + " " + name + " (" + id + ") is gone (404)", null);
  }

  @Override
  public String toString() {
    return type + "[" + name + ", " + id + "]";
  }
}
