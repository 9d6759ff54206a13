package io.github.upgradejunit.internal.report;

import io.github.upgradejunit.internal.analysis.Outage;
import io.github.upgradejunit.internal.analysis.ServiceAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * Outages as CSV (RFC 4180, UTF-8), attached to the verdict tests in Allure so they open in a
 * spreadsheet. Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe:
 * service names and error details come from the cloud, not from us.
 */
final class OutagesCsv {

  static final String HEADER = "service,start,end,duration_ms,lower_ms,upper_ms,error_class,step,failed_samples,"
      + "phase,recovered,tester_side,censored,detail";

  private OutagesCsv() {
  }

  /** The outages of these services, one line each, after the header. */
  static String of(List<ServiceAnalysis> services) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (ServiceAnalysis s : services) {
      for (Outage o : s.outages()) {
        out.append(String.join(",", cell(s.service()), SummaryJson.time(o.startMicros()),
            SummaryJson.time(o.endMicros()), ms(o.estimateMs()), ms(o.lowerMs()), ms(o.upperMs()),
            cell(o.errorClass()), cell(o.stepLabel()), Integer.toString(o.failedSamples()), o.phase().key(),
            Boolean.toString(!o.openAtEnd()), Boolean.toString(o.testerSide()), Boolean.toString(o.censored()),
            cell(o.detail()))).append("\r\n");
      }
    }
    return out.toString();
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A text cell: quoted when needed, and never a formula. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !"-".equals(text) ? "'" + text : text;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
