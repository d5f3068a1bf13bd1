package org.vedetta.matcher.internal;

import java.text.Normalizer;

/**
 * Text folded for matching: lower case, accents removed, apostrophes and dashes unified, with a map from
 * every folded character back to the original one, so matches found in folded text keep the original offsets.
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

  public static FoldedText of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    // NFD expands one character into at most four.
    int[] map = new int[text.length() * 4 + 1];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n = put(out, map, n, Character.toLowerCase(c), i);
        continue;
      }
      char unified = unify(c);
      if (unified != 0) {
        n = put(out, map, n, unified, i);
        continue;
      }
      String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      for (int k = 0; k < decomposed.length(); k++) {
        char d = decomposed.charAt(k);
        if (Character.getType(d) != Character.NON_SPACING_MARK) {
          n = put(out, map, n, Character.toLowerCase(d), i);
        }
      }
    }
    map = java.util.Arrays.copyOf(map, n + 1);
    map[n] = text.length();
    return new FoldedText(text, out.toString(), map);
  }

  /** Folds a word or phrase the same way, for building the dictionary. */
  public static String fold(String text) {
    return of(text).folded;
  }

  private static int put(StringBuilder out, int[] map, int n, char c, int originalIndex) {
    out.append(c);
    map[n] = originalIndex;
    return n + 1;
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
