package io.github.upgradejunit.openstack.internal;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which OpenStack release an API version means, so that a report can say "Nova is now at 2023.1
 * Antelope" and show the window in which old and new versions answered side by side.
 *
 * <p>Sources (checked 2026-11 in the projects' own repositories): Nova's
 * {@code rest_api_version_history.rst} ("Maximum in ..."), Swift's {@code CHANGELOG} ("swift
 * (2.31.1, OpenStack Antelope)"), Keystone's {@code keystone/version.py} per release tag. Where one
 * version spans several releases, the name says so ({@code "2023.1 Antelope or 2023.2 Bobcat"}).
 * Keystone's API has reported v3.14 since Ussuri, so it cannot tell recent releases apart. The
 * table is data; docs/openstack.md shows it. Stateless.
 */
public final class Releases {

  /** Nova's maximum microversion (minor part) to the releases that end with it. */
  private static final NavigableMap<Integer, String> NOVA = new TreeMap<>(Map.ofEntries(
      Map.entry(38, "Newton"), Map.entry(42, "Ocata"), Map.entry(53, "Pike"), Map.entry(60, "Queens"),
      Map.entry(65, "Rocky"), Map.entry(72, "Stein"), Map.entry(79, "Train"), Map.entry(87, "Ussuri or Victoria"),
      Map.entry(88, "Wallaby"), Map.entry(90, "Xena or Yoga"), Map.entry(93, "Zed"),
      Map.entry(95, "2023.1 Antelope or 2023.2 Bobcat"), Map.entry(96, "2024.1 Caracal or 2024.2 Dalmatian"),
      Map.entry(100, "2025.1 Epoxy or 2025.2 Flamingo"), Map.entry(103, "2026.1 Gazpacho")));

  /** Swift's minor version (2.x) to the release that shipped it. */
  private static final NavigableMap<Integer, String> SWIFT = new TreeMap<>(Map.ofEntries(
      Map.entry(25, "Ussuri"), Map.entry(26, "Victoria"), Map.entry(27, "Wallaby"), Map.entry(28, "Xena"),
      Map.entry(29, "Yoga"), Map.entry(30, "Zed"), Map.entry(31, "2023.1 Antelope"), Map.entry(32, "2023.2 Bobcat"),
      Map.entry(33, "2024.1 Caracal"), Map.entry(34, "2024.2 Dalmatian"), Map.entry(35, "2025.1 Epoxy"),
      Map.entry(36, "2025.2 Flamingo"), Map.entry(37, "2026.1 Gazpacho")));

  /** Keystone's v3 minor version to the releases that report it. */
  private static final NavigableMap<Integer, String> KEYSTONE = new TreeMap<>(Map.of(
      10, "Queens or Rocky", 12, "Stein", 13, "Train", 14, "Ussuri or later (v3.14 through 2026.1)"));

  private Releases() {
  }

  /** The release of a service's version, e.g. {@code release("compute", "2.93")} is {@code Zed}. */
  public static String release(String service, String version) {
    return switch (service) {
      case Catalog.COMPUTE -> lookup(NOVA, minor(version), "Nova " + version);
      case Catalog.OBJECT_STORE -> lookup(SWIFT, minor(version), "Swift " + version);
      case Catalog.IDENTITY -> lookup(KEYSTONE, minor(version), "Keystone v" + version);
      default -> "unknown";
    };
  }

  /** The table as (service, version, release) rows, for the documentation and its test. */
  public static List<List<String>> table() {
    List<List<String>> rows = new java.util.ArrayList<>();
    NOVA.forEach((m, r) -> rows.add(List.of(Catalog.COMPUTE, "2." + m, r)));
    SWIFT.forEach((m, r) -> rows.add(List.of(Catalog.OBJECT_STORE, "2." + m + ".x", r)));
    KEYSTONE.forEach((m, r) -> rows.add(List.of(Catalog.IDENTITY, "3." + m, r)));
    return rows;
  }

  private static String lookup(NavigableMap<Integer, String> table, int minor, String what) {
    if (minor < 0) {
      return "unknown (" + what + " is not a version number)";
    }
    String exact = table.get(minor);
    if (exact != null) {
      return exact;
    }
    Map.Entry<Integer, String> below = table.lowerEntry(minor);
    Map.Entry<Integer, String> above = table.higherEntry(minor);
    if (above == null) {
      return "newer than " + below.getValue() + " (" + what + " is not in the table yet)";
    }
    if (below == null) {
      return "older than " + above.getValue();
    }
    return "between " + below.getValue() + " and " + above.getValue() + " (" + what + " ended no release)";
  }

  /** The minor number of {@code 2.93}, {@code v3.14} or {@code 2.31.1}; -1 when there is none. */
  static int minor(String version) {
    String v = version == null ? "" : version.trim();
    if (v.startsWith("v") || v.startsWith("V")) {
      v = v.substring(1);
    }
    String[] parts = v.split("\\.");
    try {
      return parts.length >= 2 ? Integer.parseInt(parts[1].replaceAll("[^0-9].*$", "")) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
