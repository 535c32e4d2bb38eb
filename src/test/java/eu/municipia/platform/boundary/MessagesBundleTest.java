package eu.municipia.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one bundle of texts, which every feature adds to: a key written twice silently takes the
 * second text for both uses (the resolutions' "register.title" once renamed the platform's register
 * import page), and a key in one language only shows the other language's text.
 */
class MessagesBundleTest {

  private static final Path DIR = Path.of("src/main/resources/eu/municipia/platform/boundary");

  @Test
  void noKeyIsWrittenTwice() throws IOException {
    for (String file : List.of("messages.properties", "messages_en.properties")) {
      assertThat(duplicates(keys(file))).as(file).isEmpty();
    }
  }

  @Test
  void everyKeyIsInBothLanguages() throws IOException {
    Set<String> czech = new LinkedHashSet<>(keys("messages.properties"));
    Set<String> english = new LinkedHashSet<>(keys("messages_en.properties"));
    assertThat(english).as("English texts of the Czech keys").containsAll(czech);
    assertThat(czech).as("Czech texts of the English keys").containsAll(english);
  }

  private static List<String> keys(String file) throws IOException {
    List<String> keys = new ArrayList<>();
    boolean continued = false;
    for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      boolean isContinuation = continued;
      continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
      if (isContinuation
          || trimmed.isEmpty()
          || trimmed.startsWith("#")
          || trimmed.startsWith("!")) {
        continue;
      }
      int end = 0;
      while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
        end++;
      }
      keys.add(trimmed.substring(0, end));
    }
    return keys;
  }

  private static Set<String> duplicates(List<String> keys) {
    Set<String> seen = new HashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    keys.forEach(
        k -> {
          if (!seen.add(k)) {
            twice.add(k);
          }
        });
    return twice;
  }
}
