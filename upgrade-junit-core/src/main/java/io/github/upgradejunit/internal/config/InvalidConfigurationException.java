package io.github.upgradejunit.internal.config;

import java.util.List;

/** Thrown at start when configuration keys are unknown or values are out of range; lists every problem. */
public final class InvalidConfigurationException extends IllegalArgumentException {

  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
