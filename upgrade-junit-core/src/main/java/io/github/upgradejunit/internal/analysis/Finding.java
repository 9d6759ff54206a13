package io.github.upgradejunit.internal.analysis;

import java.util.Objects;

/**
 * One piece of evidence behind a verdict, in words an operator reads. Its {@code ceiling} is the
 * highest level the finding still allows: a lost request allows at most {@link Level#ROLLING}; a
 * merely informative finding allows {@link Level#ZERO_IMPACT}. A verdict is the lowest ceiling
 * among its findings, so every verdict below zero-impact is explained by the findings that cap it.
 *
 * @param ceiling the highest level this finding allows
 * @param text what was found, e.g. {@code 2 of 40 accepted requests lost}
 */
public record Finding(Level ceiling, String text) {

  /** Requires both parts. */
  public Finding {
    Objects.requireNonNull(ceiling, "ceiling");
    Objects.requireNonNull(text, "text");
  }

  /** A finding that allows everything: evidence, not a problem. */
  public static Finding info(String text) {
    return new Finding(Level.ZERO_IMPACT, text);
  }

  /** Whether this finding keeps a verdict below {@code level}. */
  public boolean limits(Level level) {
    return ceiling.compareTo(level) < 0;
  }
}
