package io.github.upgradejunit.openstack.internal;

import io.github.upgradejunit.spi.PluginContext;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;

/**
 * The plugin's diagnostics: every line goes to the run's log in the store and, in the core's
 * console format, to the build output, so a user sees why a service is not tested without opening
 * the store. Lines never carry secrets. Thread-safe.
 */
final class PluginLog implements BiConsumer<String, String> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PluginContext context;

  PluginLog(PluginContext context) {
    this.context = context;
  }

  @Override
  public void accept(String source, String line) {
    System.out.println("[upgrade-junit " + LocalTime.now().format(TIME) + "] " + source + ": " + line);
    try {
      context.log(source, line);
    } catch (RuntimeException e) {
      // the store is closing; the console line is enough
    }
  }
}
