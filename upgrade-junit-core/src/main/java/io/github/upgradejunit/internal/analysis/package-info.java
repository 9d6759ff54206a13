/**
 * Analysis and verdicts: turns what a run recorded (probe samples, upgrade events, during-check
 * iterations, resource, ledger and test counts) into outages, latency statistics and the
 * rolling / zero-downtime / zero-impact verdicts with their evidence.
 *
 * <p>Everything here is pure and deterministic: records in, records out, no I/O, no clock, no
 * randomness. The store feeds {@link io.github.upgradejunit.internal.analysis.Analysis#of} with an
 * {@link io.github.upgradejunit.internal.analysis.AnalysisInput}; reports, {@code summary.json} and
 * the console summary render the {@link io.github.upgradejunit.internal.analysis.AnalysisResult}.
 * The rules are written for operators in {@code docs/analysis.md}; every threshold lives in
 * {@link io.github.upgradejunit.internal.analysis.Rules}.
 *
 * <p>Times are epoch microseconds ({@code long}); durations in results are milliseconds
 * ({@code double}).
 */
package io.github.upgradejunit.internal.analysis;
