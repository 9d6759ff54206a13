/**
 * The annotations a test author writes: {@link io.github.upgradejunit.UpgradeTest},
 * {@link io.github.upgradejunit.BeforeUpgrade}, {@link io.github.upgradejunit.DuringUpgrade},
 * {@link io.github.upgradejunit.AfterUpgrade}, {@link io.github.upgradejunit.PersistentResource} and
 * {@link io.github.upgradejunit.MeasureLatency}, plus the {@link io.github.upgradejunit.UpgradeRun} handle.
 *
 * <p>Everything under {@code io.github.upgradejunit.internal} is implementation and may change
 * without notice; plugins use {@code io.github.upgradejunit.spi}.
 */
package io.github.upgradejunit;
