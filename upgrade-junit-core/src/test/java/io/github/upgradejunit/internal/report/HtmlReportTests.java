package io.github.upgradejunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.upgradejunit.internal.store.Rows;
import io.github.upgradejunit.internal.store.Store;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The page is self-contained, escapes whatever the run recorded, and stays small however many
 * samples the run took.
 */
class HtmlReportTests {

  private static final String HOSTILE_SERVICE = "<script>alert('service')</script>";
  private static final String HOSTILE_ERROR = "<img src=x onerror=alert(1)>";

  @TempDir
  Path directory;

  private String report(SyntheticRun run) throws Exception {
    String url = ReportFixtures.storeUrl(directory);
    try (Store store = Store.open(url)) {
      run.writeTo(store, url);
      RunReporter.write(store, run.runId, directory.resolve("report"), ReportFixtures.expecting("zero-downtime"));
    }
    return Files.readString(directory.resolve("report").resolve("index.html"));
  }

  @Test
  void thePageLoadsNothingFromAnywhere() throws Exception {
    String html = report(SyntheticRun.realistic("20261125T102400-aa01", ReportFixtures.CURRENT_START)
        .withWindow(Duration.ofMinutes(2)));

    assertThat(html).doesNotContain("http://", "https://", "@import", "<link", "<iframe", "<object", "<embed",
        "<img", "<script");
    Matcher references = Pattern.compile("(?i)\\b(?:src|href|xlink:href|action)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (references.find()) {
      assertThat(references.group(1)).as("a reference").startsWith("#");
    }
    Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
    while (urls.find()) {
      assertThat(urls.group(1)).as("a CSS or SVG url()").startsWith("#");
    }
  }

  @Test
  void recordedTextIsEscapedEverywhere() throws Exception {
    String html = report(SyntheticRun.realistic("20261125T102400-aa02", ReportFixtures.CURRENT_START)
        .withWindow(Duration.ofMinutes(2)).renamed("compute", HOSTILE_SERVICE).withHostileText(HOSTILE_ERROR));

    assertThat(html).doesNotContain(HOSTILE_SERVICE, HOSTILE_ERROR, "<script", "<img", "onerror=alert(1)>")
        .contains("&lt;script&gt;alert(&#39;service&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void everyChartIsWellFormedXmlEvenWithHostileNames() throws Exception {
    String html = report(SyntheticRun.realistic("20261125T102400-aa03", ReportFixtures.CURRENT_START)
        .withWindow(Duration.ofMinutes(2)).renamed("compute", HOSTILE_SERVICE + "\u0001\ud800")
        .withHostileText(HOSTILE_ERROR));

    Matcher svgs = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
    int count = 0;
    while (svgs.find()) {
      Document svg = parse(Svg.standalone(svgs.group()));
      assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
      count++;
    }
    assertThat(count).isGreaterThan(10);
  }

  @Test
  void aMillionSamplesGiveAPageUnderOneMegabyte() throws Exception {
    SyntheticRun run = SyntheticRun.realistic("20261125T102400-aa04", ReportFixtures.CURRENT_START)
        .withoutControlProbe().withSamples(1_000_000);

    String html = report(run);

    assertThat(run.samplesWritten()).isGreaterThanOrEqualTo(990_000);
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
    assertThat(html).contains("1 outage, downtime 2.0 s");
  }

  @Test
  void aFlappingServiceKeepsThePageBounded() throws Exception {
    SyntheticRun run = SyntheticRun.realistic("20261125T102400-aa05", ReportFixtures.CURRENT_START)
        .withWindow(Duration.ofMinutes(30)).withFlapping("identity", 1_500, 400);

    String html = report(run);

    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500_000);
    assertThat(html).containsPattern("identity: [0-9,]+ more outages, listed in summary.json");
    int rows = html.split("<tr", -1).length;
    assertThat(rows).isLessThan(600);
  }

  @Test
  void aRunThatRecordedNothingStillGetsAReport() throws Exception {
    String url = ReportFixtures.storeUrl(directory);
    try (Store store = Store.open(url)) {
      store.createRun("20261125T102400-0000", "uj-0000");
      RunReporter.write(store, "20261125T102400-0000", directory.resolve("report"), ReportFixtures.expecting("none"));
    }

    String html = Files.readString(directory.resolve("report").resolve("index.html"));
    assertThat(html).contains("the upgrade never started", "no steps recorded", "No persistent resources",
        "No test results were recorded", "first reported run in this store", "</html>");
  }

  @Test
  void theTimelineDownsamplesIntoBoundedSlots() {
    Buckets buckets = new Buckets(0, 1_000_000_000L, SampleDigest.TIMELINE_BUCKETS);
    for (long t = 0; t < 1_000_000_000L; t += 10_000) {
      buckets.add(t, t % 7 != 0, 20_000);
    }
    int samples = 0;
    for (int i = 0; i < buckets.size(); i++) {
      samples += buckets.samples(i);
    }
    assertThat(buckets.size()).isEqualTo(600);
    assertThat(samples).isEqualTo(100_000);
    assertThat(buckets.meanLatencyMs(0)).isEqualTo(20.0);
  }

  @Test
  void csvCellsAreQuotedAndNeverFormulas() {
    assertThat(OutagesCsv.cell("restart nova-api ctl1")).isEqualTo("restart nova-api ctl1");
    assertThat(OutagesCsv.cell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    assertThat(OutagesCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(OutagesCsv.cell("@cmd")).isEqualTo("'@cmd");
    assertThat(OutagesCsv.cell("-")).isEqualTo("-");
    assertThat(OutagesCsv.cell(null)).isEmpty();
  }

  @Test
  void timeTicksAreRoundAndCountFromTheUpgradeStart() {
    long second = 1_000_000;
    TimeScale scale = new TimeScale(-65 * second, 485 * second, 0, 0, 1000);

    List<Long> ticks = scale.ticks(10);

    assertThat(ticks).first().isEqualTo(-60 * second);
    assertThat(ticks).contains(0L, 60 * second, 480 * second);
    assertThat(scale.label(-60 * second)).isEqualTo("T-1 min");
    assertThat(scale.label(0)).isEqualTo("T+0");
    assertThat(scale.offset(84_200_000)).isEqualTo("T+84.2 s");
    assertThat(scale.x(-65 * second)).isEqualTo(0);
    assertThat(scale.x(485 * second)).isEqualTo(1000);
  }

  @Test
  void latencyBinsAreLogarithmic() {
    assertThat(LogHistogram.bin(5)).isZero();
    assertThat(LogHistogram.bin(100)).isEqualTo(LogHistogram.BINS_PER_DECADE);
    assertThat(LogHistogram.bin(Long.MAX_VALUE)).isEqualTo(LogHistogram.BINS - 1);
    assertThat(LogHistogram.lowerMs(LogHistogram.BINS_PER_DECADE * 3)).isCloseTo(10.0,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void escapingDropsWhatXmlForbidsAndKeepsWhatItAllows() {
    assertThat(Html.escape("a<b>&\"c'\u0000\u0008\tok\u00e9\ud83d\ude00\ud800")).isEqualTo(
        "a&lt;b&gt;&amp;&quot;c&#39;\tok\u00e9\ud83d\ude00");
    assertThat(Html.escape(null)).isEmpty();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Rows are records, not arrays: a sanity check that the fixture writes what the report reads. */
  @Test
  void theFixtureWritesTheRowsTheReportReads() throws Exception {
    String url = ReportFixtures.storeUrl(directory);
    try (Store store = Store.open(url)) {
      SyntheticRun run = SyntheticRun.realistic("20261125T102400-aa06", ReportFixtures.CURRENT_START)
          .withWindow(Duration.ofMinutes(1)).writeTo(store, url);
      List<Rows.Version> versions = store.versions(run.runId);
      assertThat(store.sampleCount(run.runId)).isEqualTo(run.samplesWritten());
      assertThat(versions).extracting(Rows.Version::at).allMatch(at -> at >= run.upgradeStart() - 60_000_000L
          && at <= run.monitoringEnd());
      assertThat(store.ledger(run.runId)).isNotEmpty().allMatch(e -> "HONORED".equals(e.fate()));
    }
  }
}
