package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.Phase;
import io.github.upgradejunit.internal.store.Rows;
import java.util.List;
import java.util.Locale;

/**
 * The tests of the run per phase, and every failed one with its message. Failed before and after
 * tests break rolling; failed during tests break zero-downtime.
 */
final class TestSection {

  static final int MAX_FAILURES = 100;

  private TestSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"tests\"><h2>Tests</h2>");
    List<Rows.TestResult> tests = m.data().tests();
    if (tests.isEmpty()) {
      out.append("<p class=\"muted\">No test results were recorded.</p></section>");
      return;
    }
    HtmlTable counts = new HtmlTable("test-counts", "Phase", "#Passed", "#Failed", "#Skipped");
    for (Phase phase : Phase.values()) {
      List<Rows.TestResult> inPhase = tests.stream().filter(t -> phase.key().equals(t.phase().toLowerCase(Locale.ROOT)))
          .toList();
      long failed = count(inPhase, "FAILED");
      counts.row("<span class=\"phase p" + phase.ordinal() + "\">" + phase.key() + "</span>",
          Html.count(count(inPhase, "SUCCESSFUL")),
          failed == 0 ? "0" : "<span class=\"bad-text\"><strong>" + Html.count(failed) + "</strong></span>",
          Html.count(count(inPhase, "SKIPPED") + count(inPhase, "ABORTED")));
    }
    out.append(counts.close());
    failures(out, tests);
    out.append("</section>");
  }

  private static long count(List<Rows.TestResult> tests, String status) {
    return tests.stream().filter(t -> status.equals(t.status())).count();
  }

  private static void failures(StringBuilder out, List<Rows.TestResult> tests) {
    List<Rows.TestResult> failed = tests.stream().filter(t -> "FAILED".equals(t.status())).toList();
    if (failed.isEmpty()) {
      out.append("<p class=\"ok-note\">Every test passed.</p>");
      return;
    }
    out.append("<h3>Failed tests</h3>");
    HtmlTable table = new HtmlTable("failures", "Phase", "Test", "Services", "Message");
    for (Rows.TestResult t : failed.subList(0, Math.min(MAX_FAILURES, failed.size()))) {
      table.row(escape(t.phase()), "<strong>" + escape(t.displayName()) + "</strong><br><span class=\"muted small\">"
              + escape(t.className()) + "</span>", escape(t.services()),
          "<pre class=\"message\">" + escape(Html.clip(t.error(), 600, 8)) + "</pre>");
    }
    if (failed.size() > MAX_FAILURES) {
      table.note(Html.count(failed.size() - MAX_FAILURES) + " more failed tests");
    }
    out.append(table.close());
  }
}
