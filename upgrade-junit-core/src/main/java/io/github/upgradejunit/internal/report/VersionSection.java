package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.store.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions each service reported through the upgrade: the first and last seen, and every change
 * in between with its time. It proves the mixed-version window and that the services really ended
 * at the new release.
 */
final class VersionSection {

  static final int MAX_CHANGES = 12;

  private VersionSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"versions\"><h2>Versions through the upgrade</h2>");
    Map<String, List<Rows.Version>> byService = new LinkedHashMap<>();
    m.data().versions().forEach(v -> byService.computeIfAbsent(v.service(), k -> new ArrayList<>()).add(v));
    if (byService.isEmpty()) {
      out.append("<p class=\"muted\">No versions were recorded (no plugin reported any).</p></section>");
      return;
    }
    HtmlTable table = new HtmlTable("versions", "Service", "First seen", "Last seen", "#Observations", "Changes");
    byService.forEach((service, versions) -> table.row(escape(service), label(versions.get(0)),
        label(versions.get(versions.size() - 1)), Html.count(versions.size()), changes(m, versions)));
    out.append(table.close()).append("</section>");
  }

  private static String label(Rows.Version v) {
    return "<code>" + escape(v.version()) + "</code>"
        + (v.releaseName() == null ? "" : " <span class=\"release\">" + escape(v.releaseName()) + "</span>");
  }

  private static String changes(ReportModel m, List<Rows.Version> versions) {
    List<String> changes = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      Rows.Version before = versions.get(i - 1);
      Rows.Version after = versions.get(i);
      if (!after.version().equals(before.version())) {
        changes.add(escape(m.offset(after.at())) + ": " + label(before) + " \u2192 " + label(after));
      }
    }
    if (changes.isEmpty()) {
      return "<span class=\"muted\">unchanged</span>";
    }
    String shown = String.join("<br>", changes.subList(0, Math.min(MAX_CHANGES, changes.size())));
    return changes.size() > MAX_CHANGES ? shown + "<br><span class=\"muted\">and "
        + (changes.size() - MAX_CHANGES) + " more</span>" : shown;
  }
}
