package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What each verdict test carries into Allure: a service's verdict its timeline (a standalone SVG
 * with its own legend) and its outages as CSV; the overall verdict {@code summary.json} and the
 * outages of every service.
 */
final class VerdictAttachments {

  private VerdictAttachments() {
  }

  static List<RunReporter.Attachment> forService(ReportModel m, ServiceAnalysis s) {
    String svg = Svg.standalone(m.timelineSvg(s, "", true));
    return List.of(
        new RunReporter.Attachment(s.service() + " timeline", "image/svg+xml", "svg", utf8(svg)),
        new RunReporter.Attachment(s.service() + " outages", "text/csv", "csv", utf8(OutagesCsv.of(List.of(s)))));
  }

  static List<RunReporter.Attachment> forRun(ReportModel m, String summaryJson) {
    return List.of(
        new RunReporter.Attachment("summary.json", "application/json", "json", utf8(summaryJson)),
        new RunReporter.Attachment("outages", "text/csv", "csv", utf8(OutagesCsv.of(m.services()))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
