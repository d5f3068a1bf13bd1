package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A phrase pattern of the knowledge set, matched word by word around a figure of a folded sentence:
 * {@code "another {n}"}, {@code "{n} more"}, {@code "{n} … killed"}. Its elements are words (accents and case
 * ignored), stems ending in {@code *} ({@code "ucci*"}), {@code {n}} for the figure (exactly once), and
 * {@code …} (or {@code ...}) for up to {@value #GAP} other words that are not part of another figure, besides up
 * to {@value #FREE} free words (the unit and the state: "300 North Korean soldiers were killed").
 */
public final class Phrase {

  /** How many words {@code …} may stand for. */
  public static final int GAP = 3;
  /** How many free words a gap may pass over besides. */
  public static final int FREE = 4;

  private static final String FIGURE = "{n}";

  private sealed interface Element permits Word, Stem, Gap {}

  private record Word(String word) implements Element {}

  private record Stem(String stem) implements Element {}

  private record Gap() implements Element {}

  private final String source;
  private final List<Element> before;
  private final List<Element> after;
  /** How many words (not gaps) the phrase holds besides the figure. */
  private final int words;

  private Phrase(String source, List<Element> before, List<Element> after) {
    this.source = source;
    this.before = before;
    this.after = after;
    this.words = (int) java.util.stream.Stream.concat(before.stream(), after.stream())
        .filter(e -> !(e instanceof Gap)).count();
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException when it does not hold {@code {n}} exactly once, or is only {@code {n}}
   */
  public static Phrase compile(String pattern) {
    List<Element> before = new ArrayList<>();
    List<Element> after = new ArrayList<>();
    boolean figure = false;
    for (String part : pattern.trim().split("\\s+")) {
      if (part.equals(FIGURE)) {
        if (figure) {
          throw new IllegalArgumentException("'" + pattern + "' holds {n} twice");
        }
        figure = true;
        continue;
      }
      List<Element> side = figure ? after : before;
      if (part.equals("…") || part.equals("...")) {
        side.add(new Gap());
      } else {
        // A part may fold into several words ("l'anno" → "l", "anno").
        boolean stem = part.endsWith("*");
        String folded = FoldedText.fold(stem ? part.substring(0, part.length() - 1) : part);
        Tokens words = Tokens.of(folded);
        for (int i = 0; i < words.size(); i++) {
          String w = folded.substring(words.start(i), words.end(i));
          side.add(stem && i == words.size() - 1 ? new Stem(w) : new Word(w));
        }
      }
    }
    if (!figure) {
      throw new IllegalArgumentException("'" + pattern + "' does not hold {n} (the figure)");
    }
    if (before.isEmpty() && after.isEmpty()) {
      throw new IllegalArgumentException("'" + pattern + "' holds nothing but {n}");
    }
    return new Phrase(pattern, List.copyOf(before), List.copyOf(after));
  }

  /** The phrase's one word, when it is the figure and one word side by side ("otros {n}", "{n} autres"). */
  public Optional<String> soleWord() {
    List<Element> all = before.isEmpty() ? after : before;
    return words == 1 && before.size() + after.size() == 1 && all.get(0) instanceof Word w
        ? Optional.of(w.word()) : Optional.empty();
  }

  /** The phrase's one word when it follows the figure ("{n} autres"). */
  public Optional<String> soleWordAfter() {
    return before.isEmpty() ? soleWord() : Optional.empty();
  }

  /**
   * How well the phrase matches around the figure whose words are {@code first..last} (inclusive), lower being
   * better: the words its gaps skip that are not free, then (among equals) the longer phrase, then one whose words
   * follow the figure ("4,000 were wounded" rather than "killed and 4,000"); -1 when it does not match.
   * {@code figureWord[i]} tells whether word {@code i} belongs to any figure (a gap never crosses one), and
   * {@code free[i]} whether a gap passes over it without counting it.
   */
  public int score(Tokens tokens, int first, int last, boolean[] figureWord, boolean[] free) {
    Match m = new Match(tokens, figureWord, free);
    int left = m.before(before.size() - 1, first - 1);
    if (left < 0) {
      return -1;
    }
    int right = m.after(0, last + 1);
    if (right < 0) {
      return -1;
    }
    int spanned = (first - left) + (right - last);
    int skipped = spanned - words - m.freeSkipped;
    return skipped * 1000 + (99 - Math.min(words, 99)) * 10 + (after.isEmpty() ? 1 : 0);
  }

  /** One attempt to match the phrase around a figure. */
  private final class Match {
    private final Tokens tokens;
    private final boolean[] figureWord;
    private final boolean[] free;
    /** Free words the gaps of the match passed over. */
    int freeSkipped;

    Match(Tokens tokens, boolean[] figureWord, boolean[] free) {
      this.tokens = tokens;
      this.figureWord = figureWord;
      this.free = free;
    }

    /** Matches {@code before[e..0]} leftwards from word {@code at}; the leftmost word matched, or -1. */
    int before(int e, int at) {
      if (e < 0) {
        return at + 1;
      }
      Element element = Phrase.this.before.get(e);
      if (element instanceof Gap) {
        int counted = 0;
        for (int skip = 0; skip <= GAP + FREE; skip++) {
          if (skip > 0) {
            int word = at - skip + 1;
            if (word < 0 || figureWord[word] || !free[word] && ++counted > GAP) {
              return -1;
            }
          }
          int matched = before(e - 1, at - skip);
          if (matched >= 0) {
            freeSkipped += skip - counted;
            return matched;
          }
        }
        return -1;
      }
      return at >= 0 && !figureWord[at] && matchesWord(element, tokens, at) ? before(e - 1, at - 1) : -1;
    }

    /** Matches {@code after[e..]} rightwards from word {@code at}; the rightmost word matched, or -1. */
    int after(int e, int at) {
      if (e == Phrase.this.after.size()) {
        return at - 1;
      }
      Element element = Phrase.this.after.get(e);
      if (element instanceof Gap) {
        int counted = 0;
        for (int skip = 0; skip <= GAP + FREE; skip++) {
          if (skip > 0) {
            int word = at + skip - 1;
            if (word >= tokens.size() || figureWord[word] || !free[word] && ++counted > GAP) {
              return -1;
            }
          }
          int matched = after(e + 1, at + skip);
          if (matched >= 0) {
            freeSkipped += skip - counted;
            return matched;
          }
        }
        return -1;
      }
      return at < tokens.size() && !figureWord[at] && matchesWord(element, tokens, at) ? after(e + 1, at + 1)
          : -1;
    }
  }

  private static boolean matchesWord(Element element, Tokens tokens, int at) {
    return element instanceof Word w ? tokens.is(at, w.word()) : tokens.startsWith(at, ((Stem) element).stem());
  }

  @Override
  public String toString() {
    return source;
  }
}
