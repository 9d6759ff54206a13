package io.github.upgradejunit.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurationsTests {

  @TestFactory
  Stream<DynamicTest> durations_are_written_in_ms_below_one_second_and_in_seconds_from_it() {
    Map<Double, String> cases = new TreeMap<>(Map.ofEntries(
        Map.entry(0.0, "0 ms"),
        Map.entry(0.04, "0.0 ms"),
        Map.entry(3.44, "3.4 ms"),
        Map.entry(9.94, "9.9 ms"),
        Map.entry(9.96, "10 ms"),
        Map.entry(850.0, "850 ms"),
        Map.entry(999.4, "999 ms"),
        Map.entry(999.6, "1.0 s"),
        Map.entry(1949.0, "1.9 s"),
        Map.entry(125_300.0, "125.3 s"),
        Map.entry(-1500.0, "-1.5 s")));
    return cases.entrySet().stream().map(c -> dynamicTest(c.getKey() + " ms is " + c.getValue(),
        () -> assertThat(Durations.format(c.getKey())).isEqualTo(c.getValue())));
  }

  @Test
  void moments_are_written_relative_to_the_upgrade_start() {
    assertThat(Durations.offset(84_200_000, 0)).isEqualTo("T+84.2 s");
    assertThat(Durations.offset(7_000_000, 10_000_000)).isEqualTo("T-3.0 s");
    assertThat(Durations.offset(10_250_000, 10_000_000)).isEqualTo("T+250 ms");
  }

  @Test
  void bounded_durations_put_the_bounds_in_brackets() {
    assertThat(Durations.bounded(1900, 1800, 2000)).isEqualTo("1.9 s [1.8 s, 2.0 s]");
  }
}
