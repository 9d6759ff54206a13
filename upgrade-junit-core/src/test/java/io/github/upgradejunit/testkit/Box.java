package io.github.upgradejunit.testkit;

/** A persistent resource of the in-memory test plugin: a named box holding a value. */
public record Box(String id, String name, String content) {
}
