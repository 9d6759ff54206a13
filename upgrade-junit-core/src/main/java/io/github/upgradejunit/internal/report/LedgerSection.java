package io.github.upgradejunit.internal.report;

import static io.github.upgradejunit.internal.report.Html.escape;

import io.github.upgradejunit.internal.analysis.LedgerCounts;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import io.github.upgradejunit.internal.store.Rows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The honored-request ledger: mutating requests made during the upgrade and what became of them. A
 * zero-downtime upgrade honors every request it accepted and answers none with a 5xx. Entries that
 * went wrong are listed first (up to {@value #MAX_ROWS}), then the first {@value #MAX_HONORED_ROWS} honored ones.
 */
final class LedgerSection {

  static final int MAX_ROWS = 100;
  static final int MAX_HONORED_ROWS = 12;

  private LedgerSection() {
  }

  static void render(StringBuilder out, ReportModel m) {
    out.append("<section id=\"ledger\"><h2>Honored-request ledger</h2>");
    List<Rows.LedgerEntry> entries = m.data().ledger();
    if (entries.isEmpty()) {
      out.append("<p class=\"muted\">No mutating requests were recorded in the ledger.</p></section>");
      return;
    }
    out.append(counts(m));
    out.append("<h3>Entries</h3>").append(entries(m, entries)).append("</section>");
  }

  private static String counts(ReportModel m) {
    HtmlTable table = new HtmlTable("ledger-counts", "Service", "#Accepted", "#Honored", "#Lost", "#Never settled",
        "#Answered 5xx", "All honored");
    for (ServiceAnalysis s : m.services()) {
      LedgerCounts c = s.ledger();
      if (c.accepted() + c.rejected5xx() == 0) {
        continue;
      }
      boolean clean = c.honored() == c.accepted() && c.rejected5xx() == 0;
      table.row(escape(s.service()), Html.count(c.accepted()), Html.count(c.honored()), problem(c.lost()),
          problem(c.unsettled()), problem(c.rejected5xx()), VerdictSection.mark(clean));
    }
    return table.close();
  }

  private static String problem(long n) {
    return n == 0 ? "0" : "<span class=\"bad-text\"><strong>" + Html.count(n) + "</strong></span>";
  }

  private static String entries(ReportModel m, List<Rows.LedgerEntry> entries) {
    List<Rows.LedgerEntry> problems = entries.stream().filter(e -> !isFine(e))
        .sorted(Comparator.comparingLong(Rows.LedgerEntry::at)).limit(MAX_ROWS).toList();
    List<Rows.LedgerEntry> honored = entries.stream().filter(LedgerSection::isFine)
        .sorted(Comparator.comparingLong(Rows.LedgerEntry::at)).toList();
    List<Rows.LedgerEntry> shown = new ArrayList<>(problems);
    shown.addAll(honored.subList(0, Math.min(MAX_HONORED_ROWS, honored.size())));
    HtmlTable table = new HtmlTable("ledger", "When", "Service", "Operation", "Target", "Answer", "Fate", "Detail");
    for (Rows.LedgerEntry e : shown) {
      table.rowWithClass(isFine(e) ? null : "problem-row", escape(m.offset(e.at())), escape(e.service()),
          escape(e.operation()), "<code>" + escape(e.target()) + "</code>",
          escape(e.answer()) + " <span class=\"muted\">" + e.status() + "</span>", fate(e),
          escape(Html.shorten(e.detail(), 160)));
    }
    if (entries.size() > shown.size()) {
      table.note("and " + Html.count(entries.size() - shown.size()) + " more entries" + (problems.size() == MAX_ROWS
          ? "" : ", all honored") + " (the store keeps them all)");
    }
    return table.close();
  }

  private static boolean isFine(Rows.LedgerEntry e) {
    return "ACCEPTED".equals(e.answer()) ? "HONORED".equals(e.fate()) : !"REJECTED_5XX".equals(e.answer());
  }

  private static String fate(Rows.LedgerEntry e) {
    if (!"ACCEPTED".equals(e.answer())) {
      return "<span class=\"muted\">\u2013</span>";
    }
    String css = "HONORED".equals(e.fate()) ? "good-text" : "bad-text";
    return "<span class=\"" + css + "\">" + escape(e.fate()) + "</span>";
  }
}
