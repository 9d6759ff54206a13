package io.github.upgradejunit.internal.jupiter;

import org.junit.jupiter.api.extension.Extension;

/** The Jupiter side of an upgrade test class; registered by {@code @UpgradeTest}. */
public final class UpgradeExtension implements Extension {
}
