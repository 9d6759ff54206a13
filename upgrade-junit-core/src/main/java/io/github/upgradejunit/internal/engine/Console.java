package io.github.upgradejunit.internal.engine;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines for the person watching the build; one prefix so they can be grepped. */
public final class Console {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Console() {
  }

  /** Print one progress line. */
  public static void line(String message) {
    System.out.println("[upgrade-junit " + LocalTime.now().format(TIME) + "] " + message);
  }
}
