package io.github.upgradejunit.openstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches every file under some directories (console captures, logs, the SQLite store with its
 * WAL, summary.json, index.html, Allure results) for secrets: given strings, and anything shaped
 * like a Keystone token (Fernet tokens, and the simulator's, start with {@code gAAAAAB}). Reads
 * bytes as Latin-1, so binary files (the store) are searched too.
 */
public final class SecretScan {

  /** A Keystone Fernet token, or the simulator's look-alike. */
  public static final Pattern TOKEN = Pattern.compile("gAAAAAB[A-Za-z0-9_=-]{40,}");

  private SecretScan() {
  }

  /** Where a secret was found: {@code file: what}. Empty when clean. */
  public static List<String> scan(List<String> secrets, Path... roots) {
    List<String> found = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String secret : secrets) {
            if (text.contains(secret)) {
              found.add(file + ": the secret " + secret.substring(0, Math.min(4, secret.length())) + "...");
            }
          }
          Matcher token = TOKEN.matcher(text);
          if (token.find()) {
            found.add(file + ": a token " + token.group().substring(0, 12) + "...");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** Files scanned under the roots. */
  public static long files(Path... roots) {
    long n = 0;
    for (Path root : roots) {
      if (Files.exists(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          n += files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return n;
  }
}
