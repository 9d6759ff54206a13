package io.github.upgradejunit.internal.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.upgradejunit.internal.analysis.AnalysisResult;
import java.util.List;

/** The self-contained {@code index.html}. */
final class HtmlReport {

  private HtmlReport() {
  }

  static String render(RunData data, AnalysisResult result, ObjectNode summary, List<String> history) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Upgrade JUnit " + data.run().id()
        + "</title></head><body><pre>" + escape(summary.toPrettyString()) + "</pre></body></html>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
