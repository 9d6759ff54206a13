/**
 * Example upgrade tests to copy: one class per OpenStack service and one that crosses services.
 *
 * <p>Each class reads as documentation: what must hold before the upgrade, what must keep working
 * while it runs, and what must be true after it. Run them all with
 * {@code mvn -B -pl example-suite -am verify -Pdemo} against the embedded simulator, or against
 * your cloud with {@code -Dupgrade.cloud=<clouds.yaml entry>}.
 */
package io.github.upgradejunit.example;
