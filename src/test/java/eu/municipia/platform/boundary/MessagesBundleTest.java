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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The GDPR page names each feature's section of a person's data by its key: a feature that adds a
   * {@code PersonalDataSource} without one made the page fail (500).
   */
  @Test
  void everySectionOfPersonalDataHasItsTitle() throws IOException {
    Set<String> czech = new HashSet<>(keys("messages.properties"));
    List<String> sections = new ArrayList<>();
    try (var files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        if (source.contains("implements PersonalDataSource")) {
          Matcher section = SECTION.matcher(source);
          assertThat(section.find()).as("section() of " + file).isTrue();
          sections.add(section.group(1));
        }
      }
    }
    assertThat(sections).as("the features' sections").isNotEmpty();
    for (String section : sections) {
      assertThat(czech)
          .as("title of the section " + section)
          .contains("privacy.section." + section);
    }
  }

  /**
   * A text that names a country's terms ({district.many}) must be filled by the terms bean: shown
   * through the pages' plain {@code msg['key']} it would print the token. And a token the terms do
   * not know (a typo, a form that does not exist) would print as it is.
   */
  @Test
  void textsWithTermsAreShownThroughTheTermsAndNameOnlyKnownForms() throws IOException {
    Set<String> withTerms = new HashSet<>();
    for (String file : List.of("messages.properties", "messages_en.properties")) {
      for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
        if (line.contains("=")) {
          String text = line.substring(line.indexOf('=') + 1);
          Matcher named = NAMED.matcher(text);
          while (named.find()) {
            assertThat(eu.municipia.platform.entity.Terms.names(named.group()))
                .as(file + ": " + line)
                .isTrue();
          }
          if (eu.municipia.platform.entity.Terms.names(text)) {
            withTerms.add(line.substring(0, line.indexOf('=')));
          }
        }
      }
    }
    assertThat(withTerms).contains("coverage.byDistrict");
    try (var files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
        String source = Files.readString(page, StandardCharsets.UTF_8);
        for (String key : withTerms) {
          assertThat(source).as(page + " shows " + key).doesNotContain("msg['" + key + "']");
        }
      }
    }
  }

  private static final Pattern NAMED = Pattern.compile("\\{[A-Za-z]+\\.[A-Za-z]+}");

  private static final Pattern SECTION =
      Pattern.compile("String section\\(\\)\\s*\\{\\s*return \"([A-Za-z]+)\";");

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
