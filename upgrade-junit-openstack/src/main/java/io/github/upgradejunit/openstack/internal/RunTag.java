package io.github.upgradejunit.openstack.internal;

/**
 * The mark every resource of a run carries besides its name prefix: Nova metadata and Swift
 * metadata {@code upgrade-junit-run=<run id>}, and the same text in an application credential's
 * description. The sweeper deletes only what has both the {@code uj-} prefix and this tag.
 */
final class RunTag {

  /** The metadata key (Swift returns it lower-case; Nova keeps it as given). */
  static final String KEY = "upgrade-junit-run";

  /**
   * Whether the resource is a {@code @PersistentResource} ({@link #PERSISTENT}: the core journals and
   * deletes it) or was made by a handle ({@link #TRANSIENT}: the plugin deletes it by the end of the run).
   */
  static final String ROLE = "upgrade-junit-role";
  static final String PERSISTENT = "persistent";
  static final String TRANSIENT = "transient";

  private RunTag() {
  }

  /** The text form, for descriptions: {@code upgrade-junit-run=<run id>}. */
  static String text(String runId) {
    return KEY + "=" + runId;
  }
}
