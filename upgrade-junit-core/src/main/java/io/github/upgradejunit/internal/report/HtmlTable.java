package io.github.upgradejunit.internal.report;

/**
 * A table of the report. Headers are plain text (escaped here); a header starting with {@code #}
 * marks a numeric column, right-aligned in tabular figures. Cells are HTML the caller escaped.
 */
final class HtmlTable {

  private final StringBuilder out = new StringBuilder(1024);
  private final boolean[] numeric;

  HtmlTable(String cssClass, String... headers) {
    numeric = new boolean[headers.length];
    out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
    for (int i = 0; i < headers.length; i++) {
      numeric[i] = headers[i].startsWith("#");
      String text = numeric[i] ? headers[i].substring(1) : headers[i];
      out.append(numeric[i] ? "<th class=\"num\">" : "<th>").append(Html.escape(text)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
  }

  /** A row of cells (HTML). */
  HtmlTable row(String... cells) {
    return rowWithClass(null, cells);
  }

  /** A row with a CSS class. */
  HtmlTable rowWithClass(String cssClass, String... cells) {
    out.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
    for (int i = 0; i < cells.length; i++) {
      boolean number = i < numeric.length && numeric[i];
      out.append(number ? "<td class=\"num\">" : "<td>").append(cells[i] == null ? "" : cells[i]).append("</td>");
    }
    out.append("</tr>");
    return this;
  }

  /** A full-width row of muted text, e.g. how many rows were left out. */
  HtmlTable note(String html) {
    out.append("<tr class=\"note\"><td colspan=\"").append(numeric.length).append("\">").append(html)
        .append("</td></tr>");
    return this;
  }

  String close() {
    return out.append("</tbody></table>").toString();
  }
}
