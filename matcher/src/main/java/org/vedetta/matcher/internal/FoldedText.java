package org.vedetta.matcher.internal;

import java.text.Normalizer;

/**
 * Text folded for matching: lower case, accents removed, apostrophes, dashes and spaces unified, invisible format
 * characters (soft hyphen, zero-width space, joiners) dropped, with a map from every folded character back to the
 * original one, so matches found in folded text keep the original offsets.
 */
public final class FoldedText {

  private final String original;
  private final String folded;
  private final int[] toOriginal;

  private FoldedText(String original, String folded, int[] toOriginal) {
    this.original = original;
    this.folded = folded;
    this.toOriginal = toOriginal;
  }

  /** What one UTF-16 unit folds to when that is a single character; {@link #DROP} or {@link #SPLIT} otherwise. */
  private static final char[] SINGLE = new char[0x10000];
  private static final char DROP = '\uFFFF';
  private static final char SPLIT = '\uFFFE';

  static {
    for (int c = 0; c < SINGLE.length; c++) {
      String f = foldSlowly((char) c);
      SINGLE[c] = f.isEmpty() ? DROP : f.length() == 1 ? f.charAt(0) : SPLIT;
    }
  }

  public static FoldedText of(String text) {
    int length = text.length();
    char[] out = new char[length];
    int[] map = new int[length + 1];
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      char f = SINGLE[c];
      if (f == DROP) {
        continue;
      }
      if (f != SPLIT) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2 + 4);
          map = java.util.Arrays.copyOf(map, n * 2 + 5);
        }
        out[n] = f;
        map[n++] = i;
        continue;
      }
      String expanded = foldSlowly(c);
      if (n + expanded.length() >= out.length) {
        out = java.util.Arrays.copyOf(out, (n + expanded.length()) * 2);
        map = java.util.Arrays.copyOf(map, (n + expanded.length()) * 2 + 1);
      }
      for (int k = 0; k < expanded.length(); k++) {
        out[n] = expanded.charAt(k);
        map[n++] = i;
      }
    }
    map = java.util.Arrays.copyOf(map, n + 1);
    map[n] = length;
    return new FoldedText(text, new String(out, 0, n), map);
  }

  /** Lower case, unified punctuation, and the character without its combining marks. */
  private static String foldSlowly(char c) {
    if (c < 0x80) {
      return String.valueOf(Character.toLowerCase(c));
    }
    char unified = unify(c);
    if (unified != 0) {
      return String.valueOf(unified);
    }
    if (c == '\u00df') {
      return "ss"; // German sharp s: "Rußland" is "Russland"
    }
    if (Character.isSurrogate(c)) {
      return String.valueOf(c);
    }
    if (Character.getType(c) == Character.FORMAT) {
      return ""; // soft hyphens, zero-width spaces and joiners, inside words ("Nord\u00adkorea") as much as between
    }
    if (Character.isSpaceChar(c)) {
      return " "; // every other width of space, as a space
    }
    // Modifier letters fold to their letter: the French ordinal "528ᵉ" reads "528e".
    String decomposed = Normalizer.normalize(String.valueOf(c),
        Character.getType(c) == Character.MODIFIER_LETTER ? Normalizer.Form.NFKD : Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char d = decomposed.charAt(k);
      if (Character.getType(d) != Character.NON_SPACING_MARK) {
        folded.append(Character.toLowerCase(d));
      }
    }
    return folded.toString();
  }

  /**
   * The letters of a pattern or word list that folding changes while keeping the rest as written: Cyrillic
   * й, ї and ё, and accented Latin letters (so "щонайменше" or "près de" can be written as people write them).
   */
  public static String foldLetters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && c >= 0x80) {
        out.append(foldSlowly(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Folds a word or phrase the same way, for building the dictionary. */
  public static String fold(String text) {
    return of(text).folded;
  }

  private static char unify(char c) {
    return switch (c) {
      case '\u2019', '\u2018', '\u02bc', '\u00b4', '`' -> '\'';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
      case '\u00a0', '\u202f', '\u2009', '\u2007' -> ' ';
      case '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e' -> '"';
      case '\u0451' -> '\u0435';
      case '\u0401' -> '\u0435';
      default -> 0;
    };
  }

  public String folded() {
    return folded;
  }

  public String original() {
    return original;
  }

  /** The first folded index whose character comes from {@code originalIndex} or later. */
  public int foldedIndexOf(int originalIndex) {
    int lo = 0;
    int hi = toOriginal.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (toOriginal[mid] < originalIndex) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Original offset of the folded character at {@code foldedIndex}; {@code folded().length()} maps to the end. */
  public int originalStart(int foldedIndex) {
    return toOriginal[foldedIndex];
  }

  /** Original offset just after the folded range ending (exclusive) at {@code foldedEnd}. */
  public int originalEnd(int foldedEnd) {
    if (foldedEnd == 0) {
      return 0;
    }
    return toOriginal[foldedEnd - 1] + 1;
  }
}
