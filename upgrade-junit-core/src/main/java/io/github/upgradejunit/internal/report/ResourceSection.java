package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import java.util.Comparator;
import java.util.List;

/**
 * The persistent resources the run created before the upgrade, and what became of each: a rolling
 * upgrade leaves every one intact. Damaged ones come first, with what changed.
 */
final class ResourceSection {

  static final int MAX_ROWS = 300;
  private static final List<String> WORST_FIRST = List.of("gone", "affected", "unverified", "intact");

  private ResourceSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"resources\"><h2>Persistent resources</h2>");
    List<RunData.ResourceView> resources = m.data().resources();
    if (resources.isEmpty()) {
      out.append("<p class=\"muted\">No persistent resources were declared.</p></section>");
      return;
    }
    out.append("<p class=\"lead\">").append(counts(resources)).append("</p>");
    HtmlTable table = new HtmlTable("resources", "Name", "Service", "Type", "Id", "Verdict", "What changed",
        "State");
    List<RunData.ResourceView> sorted = resources.stream()
        .sorted(Comparator.comparingInt((RunData.ResourceView r) -> severity(r.verdict()))).toList();
    for (RunData.ResourceView r : sorted.subList(0, Math.min(MAX_ROWS, sorted.size()))) {
      table.row("<code>" + escape(r.name()) + "</code>", escape(r.service()), escape(r.type()),
          "<code class=\"id\">" + escape(r.id()) + "</code>", verdict(r.verdict()), changes(r), state(r));
    }
    if (sorted.size() > MAX_ROWS) {
      table.note(Html.count(sorted.size() - MAX_ROWS) + " more resources, all intact or unverified");
    }
    out.append(table.close()).append("</section>");
  }

  private static int severity(String verdict) {
    int i = WORST_FIRST.indexOf(verdict);
    return i < 0 ? WORST_FIRST.size() : i;
  }

  private static String counts(List<RunData.ResourceView> resources) {
    StringBuilder out = new StringBuilder(Html.plural(resources.size(), "resource")).append(": ");
    for (String verdict : List.of("intact", "unverified", "affected", "gone")) {
      long n = resources.stream().filter(r -> verdict.equals(r.verdict())).count();
      if (n > 0) {
        out.append(n).append(' ').append(verdict).append(", ");
      }
    }
    out.setLength(out.length() - 2);
    long leaked = resources.stream().filter(r -> "leaked".equals(r.state())).count();
    if (leaked > 0) {
      out.append("; <span class=\"bad-text\">").append(leaked).append(" leaked (not cleaned up)</span>");
    }
    return out.append('.').toString();
  }

  private static String verdict(String verdict) {
    String css = switch (verdict) {
      case "intact" -> "good";
      case "unverified" -> "warn";
      default -> "bad";
    };
    return "<span class=\"badge small " + css + "\">" + escape(verdict) + "</span>";
  }

  private static String changes(RunData.ResourceView r) {
    if (r.details() == null || r.details().isBlank()) {
      return "intact".equals(r.verdict()) ? "<span class=\"muted\">nothing</span>" : "";
    }
    return escape(Html.shorten(r.details(), 300));
  }

  private static String state(RunData.ResourceView r) {
    String state = escape(r.state());
    if ("leaked".equals(r.state())) {
      state = "<span class=\"bad-text\">leaked</span>";
    }
    return r.error() == null ? state : state + "<br><span class=\"detail\">" + escape(Html.shorten(r.error(), 200))
        + "</span>";
  }
}
