package eu.municipia.platform.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Czech text as the full-text search sees it, computed here in the application because PostgreSQL
 * has no Czech stemmer (and managed PostgreSQL takes no ispell files): words from Lucene's standard
 * tokenizer, lower case, Czech stop words dropped, each word stemmed by Lucene's {@link
 * CzechStemmer} and then stripped of its accents. The stemmer expects diacritics; a reader who
 * types none ("rozpoctem") gets other stems than the text with them ("rozpočtem" gives "rozpock"),
 * so every word also gets the stem of its accent-free spelling, at the same position. Documents
 * carry both ({@link #tsvector}); a query asks for either ({@link #tsquery}). So "rozpočtu",
 * "rozpoctem" and "rozpočet" meet in "rozpoct".
 *
 * <p>Stored as a PostgreSQL {@code tsvector} (a GIN index), queried as a {@code tsquery} literal:
 * PostgreSQL only compares the lexemes, it never analyses them again.
 */
public final class CzechText {

  /** PostgreSQL keeps positions up to this; later words share the last one. */
  private static final int MAX_POSITION = 16_383;

  /** Words of the title and of the body are kept apart, so a phrase never spans the two. */
  private static final int GAP = 10;

  private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"?");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String[] LATIN = latinFolds();
  private static final int MAX_QUERY_WORDS = 12;
  private static final Set<String> STOP_WORDS = stopWords();

  private CzechText() {}

  /** One word of a text: where it stands, and its stems (one or two, accent-free). */
  public record Word(String text, int start, int end, int position, Set<String> stems) {}

  /** The words of a text with their positions (from 1); stop words keep their place, unlisted. */
  public static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (StandardTokenizer tokenizer = new StandardTokenizer()) {
      tokenizer.setReader(new StringReader(text));
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
      tokenizer.reset();
      int position = 0;
      while (tokenizer.incrementToken()) {
        position++;
        String word = term.toString().toLowerCase(Locale.ROOT);
        String folded = fold(word);
        if (STOP_WORDS.contains(folded)) {
          continue;
        }
        words.add(
            new Word(
                text.substring(offset.startOffset(), offset.endOffset()),
                offset.startOffset(),
                offset.endOffset(),
                position,
                stems(word, folded)));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading a string cannot fail", e);
    }
    return words;
  }

  /** A word's stems: of its spelling with diacritics and of its spelling without, both folded. */
  public static Set<String> stems(String lowerCaseWord) {
    return stems(lowerCaseWord, fold(lowerCaseWord));
  }

  private static Set<String> stems(String lowerCaseWord, String folded) {
    Set<String> stems = new LinkedHashSet<>(2);
    stems.add(fold(stem(lowerCaseWord)));
    stems.add(stem(folded));
    return stems;
  }

  /** The tsvector literal of a title (weight A) and a text (weight D). */
  public static String tsvector(String title, String text) {
    TreeMap<String, StringJoiner> lexemes = new TreeMap<>();
    List<Word> titleWords = words(title);
    int last = add(lexemes, titleWords, 0, "A");
    add(lexemes, words(text), last + GAP, "");
    StringJoiner vector = new StringJoiner(" ");
    lexemes.forEach((lexeme, positions) -> vector.add(quote(lexeme) + ":" + positions));
    return vector.toString();
  }

  private static int add(
      TreeMap<String, StringJoiner> lexemes, List<Word> words, int offset, String weight) {
    int last = offset;
    for (Word w : words) {
      int position = Math.min(MAX_POSITION, offset + w.position());
      for (String stem : w.stems()) {
        lexemes.computeIfAbsent(stem, s -> new StringJoiner(",")).add(position + weight);
      }
      last = position;
    }
    return last;
  }

  /**
   * The tsquery literal of what a reader typed: every word must occur (in any inflection, with or
   * without accents), words in double quotes as a phrase, in that order and distance. Empty when
   * nothing searchable is left (only stop words or punctuation).
   */
  public static Optional<String> tsquery(String query) {
    if (query == null || query.isBlank()) {
      return Optional.empty();
    }
    StringJoiner all = new StringJoiner(" & ");
    int[] budget = {MAX_QUERY_WORDS};
    Matcher phrases = PHRASE.matcher(query);
    int from = 0;
    while (phrases.find()) {
      looseWords(query.substring(from, phrases.start()), all, budget);
      phrase(words(phrases.group(1)), budget).ifPresent(all::add);
      from = phrases.end();
    }
    looseWords(query.substring(from), all, budget);
    return all.length() == 0 ? Optional.empty() : Optional.of(all.toString());
  }

  private static void looseWords(String part, StringJoiner all, int[] budget) {
    // A "word" such as SV/2026/14 splits into several: they stay together as a phrase.
    for (String piece : part.trim().split("\\s+")) {
      phrase(words(piece), budget).ifPresent(all::add);
    }
  }

  private static Optional<String> phrase(List<Word> words, int[] budget) {
    StringBuilder phrase = new StringBuilder();
    int previous = -1;
    for (Word w : words) {
      if (budget[0]-- <= 0) {
        break;
      }
      if (previous >= 0) {
        int distance = w.position() - previous;
        phrase.append(distance == 1 ? " <-> " : " <" + distance + "> ");
      }
      StringJoiner either = new StringJoiner(" | ", "(", ")");
      w.stems().forEach(s -> either.add(quote(s)));
      phrase.append(either);
      previous = w.position();
    }
    return phrase.length() == 0 ? Optional.empty() : Optional.of("(" + phrase + ")");
  }

  /** Every stem a query asks for, to mark the words of a result that it found. */
  public static Set<String> queryStems(String query) {
    Set<String> stems = new LinkedHashSet<>();
    if (query != null) {
      words(query.replace('"', ' ')).forEach(w -> stems.addAll(w.stems()));
    }
    return stems;
  }

  /**
   * The query's words without accents, lower case, for trigram matching (typos, parts of words).
   */
  public static List<String> foldedWords(String query) {
    List<String> folded = new ArrayList<>();
    if (query != null) {
      for (Word w : words(query.replace('"', ' '))) {
        String word = fold(w.text().toLowerCase(Locale.ROOT));
        if (word.length() >= 3 && !folded.contains(word) && folded.size() < MAX_QUERY_WORDS) {
          folded.add(word);
        }
      }
    }
    return folded;
  }

  /** A piece of a text to show, marked where it matched the query. */
  public record Fragment(String text, boolean marked) implements java.io.Serializable {}

  /**
   * The part of a text around the first word that the query found (at most about {@code maxChars}),
   * cut at words, with each found word marked: a word of the same stem, or (for the matches by
   * trigrams) one that starts with a query word or differs from it by a typo or two. The whole text
   * where it is short enough or nothing is found at its end.
   */
  public static List<Fragment> highlight(
      String text, Set<String> stems, List<String> foldedWords, int maxChars) {
    List<Fragment> fragments = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return fragments;
    }
    List<Word> found = words(text).stream().filter(w -> matches(w, stems, foldedWords)).toList();
    int start = 0;
    int end = text.length();
    if (text.length() > maxChars) {
      int first = found.isEmpty() ? 0 : found.get(0).start();
      start = first <= maxChars / 3 ? 0 : wordStart(text, first - maxChars / 3);
      end = Math.min(text.length(), wordEnd(text, start + maxChars));
    }
    int at = start;
    if (start > 0) {
      fragments.add(new Fragment("…", false));
    }
    for (Word w : found) {
      if (w.start() < at || w.end() > end) {
        continue;
      }
      if (w.start() > at) {
        fragments.add(new Fragment(text.substring(at, w.start()), false));
      }
      fragments.add(new Fragment(w.text(), true));
      at = w.end();
    }
    if (at < end) {
      fragments.add(new Fragment(text.substring(at, end), false));
    }
    if (end < text.length()) {
      fragments.add(new Fragment("…", false));
    }
    return fragments;
  }

  private static boolean matches(Word w, Set<String> stems, List<String> foldedWords) {
    if (w.stems().stream().anyMatch(stems::contains)) {
      return true;
    }
    String folded = fold(w.text());
    for (String q : foldedWords) {
      if (folded.startsWith(q) || typos(folded, q) <= (q.length() >= 8 ? 2 : 1)) {
        return q.length() >= 3;
      }
    }
    return false;
  }

  /** Levenshtein distance, stopping early: anything above 2 reads as 3. */
  static int typos(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(3, previous[b.length()]);
  }

  private static int wordStart(String text, int from) {
    int i = Math.max(0, from);
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int from) {
    int i = Math.min(text.length(), from);
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Lower case without accents: "Sněm schválil" is "snem schvalil". Called for every word of every
   * text a search shows, so the letters of Czech and its neighbours (up to Latin Extended-A) come
   * from a table made by the general rule ({@link #foldByUnicode}); anything else takes that rule.
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder folded = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c < 0x80) {
        if (folded != null) {
          folded.append(c);
        }
      } else if (c < 0x80 + LATIN.length) {
        if (folded == null) {
          folded = new StringBuilder(lower.length()).append(lower, 0, i);
        }
        folded.append(LATIN[c - 0x80]);
      } else {
        return foldByUnicode(lower);
      }
    }
    return folded == null ? lower : folded.toString();
  }

  /** The general rule: canonical decomposition, then every combining mark dropped. */
  static String foldByUnicode(String lowerCase) {
    return MARKS.matcher(Normalizer.normalize(lowerCase, Normalizer.Form.NFD)).replaceAll("");
  }

  /**
   * Each character from U+0080 to U+017F folded alone: a decomposition never reaches across
   * characters, and the marks it yields are all dropped, so folding a text of these is folding
   * each.
   */
  private static String[] latinFolds() {
    String[] folds = new String[0x180 - 0x80];
    for (int c = 0x80; c < 0x180; c++) {
      folds[c - 0x80] = foldByUnicode(String.valueOf((char) c));
    }
    return folds;
  }

  private static String stem(String lowerCaseWord) {
    char[] chars = lowerCaseWord.toCharArray();
    int length = new CzechStemmer().stem(chars, chars.length);
    return new String(chars, 0, length);
  }

  /** A lexeme in a tsvector or tsquery literal: quoted, quotes and backslashes doubled. */
  private static String quote(String lexeme) {
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static Set<String> stopWords() {
    Set<String> words = new java.util.HashSet<>();
    CharArraySet czech = CzechAnalyzer.getDefaultStopSet();
    for (Object word : czech) {
      words.add(fold(word instanceof char[] chars ? new String(chars) : word.toString()));
    }
    return Set.copyOf(words);
  }
}
