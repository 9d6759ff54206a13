package io.github.upgradejunit.internal.analysis;

import static io.github.upgradejunit.internal.analysis.Traces.COMPUTE;
import static io.github.upgradejunit.internal.analysis.Traces.INTERVAL;
import static io.github.upgradejunit.internal.analysis.Traces.MS;
import static io.github.upgradejunit.internal.analysis.Traces.SECOND;
import static io.github.upgradejunit.internal.analysis.Traces.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.upgradejunit.spi.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several runners probing one service: outages are found per vantage point and combined. What
 * every vantage point saw is an outage of the service; what only some saw points at the network.
 */
class VantagePointTests {

  /** A runner probing compute at 10 Hz from 0 to 150 s, offset by {@code phase}, down in [from, to). */
  private static List<Sample> runner(String name, long phase, long downFrom, long downTo) {
    List<Sample> samples = new ArrayList<>();
    for (long t = phase; t < 150 * SECOND; t += INTERVAL) {
      boolean down = t >= downFrom && t < downTo;
      samples.add(new Sample(COMPUTE, COMPUTE + "/fresh", t, t, 20 * MS, !down,
          down ? ErrorClass.CONNECT.name() : null, null, name));
    }
    return samples;
  }

  private static ServiceAnalysis analyse(List<Sample> east, List<Sample> west) {
    List<Sample> all = new ArrayList<>(east);
    all.addAll(west);
    return Analysis.of(AnalysisInput.of(WINDOW).withSamples(all)).service(COMPUTE);
  }

  @Test
  void anOutageEveryVantagePointSawIsAnOutageOfTheService() {
    ServiceAnalysis compute = analyse(runner("east", 0, 80 * SECOND, 82 * SECOND),
        runner("west", 50 * MS, 80 * SECOND, 82 * SECOND));

    assertThat(compute.outages()).singleElement()
        .satisfies(o -> assertThat(o.estimateMs()).isCloseTo(2_000, within(100.0)));
    assertThat(compute.vantagePoints()).extracting(VantagePoint::runner).containsExactly("east", "west");
    assertThat(compute.partialOutages()).isEmpty();
    assertThat(compute.vantagePoints()).allSatisfy(v -> assertThat(v.outages()).singleElement()
        .satisfies(s -> assertThat(s.seenBy()).containsExactly("east", "west")));
    assertThat(compute.verdict().zeroDowntime()).isFalse();
  }

  @Test
  void anOutageOnlyOneVantagePointSawPointsAtTheNetworkAndIsNotDowntime() {
    ServiceAnalysis compute = analyse(runner("east", 0, 90 * SECOND, 95 * SECOND),
        runner("west", 50 * MS, 0, 0));

    assertThat(compute.outages()).isEmpty();
    assertThat(compute.countedDowntime().outages()).isZero();
    assertThat(compute.partialOutages()).singleElement().satisfies(s -> {
      assertThat(s.seenBy()).containsExactly("east");
      assertThat(s.everyVantagePoint()).isFalse();
      assertThat(s.outage().estimateMs()).isCloseTo(5_000, within(100.0));
    });
    assertThat(compute.verdict().zeroDowntime()).isTrue();
    assertThat(compute.verdict().findings()).anySatisfy(f ->
        assertThat(f.text()).contains("seen from only some vantage points").contains("east"));
  }

  @Test
  void overlappingOutagesCombineIntoTheTimeBothSaw() {
    ServiceAnalysis compute = analyse(runner("east", 0, 80 * SECOND, 86 * SECOND),
        runner("west", 50 * MS, 83 * SECOND, 90 * SECOND));

    assertThat(compute.outages()).singleElement().satisfies(o -> {
      assertThat(o.startMicros()).isBetween(82_900 * MS, 83_100 * MS);
      assertThat(o.endMicros()).isBetween(85_900 * MS, 86_100 * MS);
      assertThat(o.lowerMs()).isLessThanOrEqualTo(o.estimateMs());
      assertThat(o.estimateMs()).isLessThanOrEqualTo(o.upperMs());
    });
    assertThat(compute.vantagePoints()).allSatisfy(v -> assertThat(v.outages()).singleElement()
        .satisfies(s -> assertThat(s.everyVantagePoint()).isTrue()));
  }

  @Test
  void aRunnerThatWasNotProbingThenNeitherConfirmsNorContradictsAnOutage() {
    List<Sample> late = runner("late", 50 * MS, 0, 0).stream()
        .filter(s -> s.intendedMicros() > 100 * SECOND).toList();

    ServiceAnalysis compute = analyse(runner("east", 0, 80 * SECOND, 82 * SECOND), late);

    assertThat(compute.outages()).singleElement()
        .satisfies(o -> assertThat(o.estimateMs()).isCloseTo(2_000, within(100.0)));
    assertThat(compute.partialOutages()).isEmpty();
  }

  @Test
  void oneRunnerKeepsTheSingleVantagePointAnalysis() {
    ServiceAnalysis compute = Analysis.of(AnalysisInput.of(WINDOW)
        .withSamples(runner("east", 0, 80 * SECOND, 82 * SECOND))).service(COMPUTE);

    assertThat(compute.outages()).hasSize(1);
    assertThat(compute.vantagePoints()).isEmpty();
  }
}
