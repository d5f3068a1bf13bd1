package org.vedetta.matcher.internal;

import java.util.Arrays;

/**
 * The words of a folded sentence, as {@code [start, end)} spans in order, so that phrases can be matched word by
 * word.
 */
public final class Tokens {

  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final int size;
  /** The tokens as strings, made when first asked for. */
  private String[] words;

  private Tokens(String text, int[] starts, int[] ends, int size) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  /** The folded sentence these are the tokens of. */
  String text() {
    return text;
  }

  /** Token {@code token} as a string (made once, so its hash is computed once however often it is looked up). */
  public String word(int token) {
    if (words == null) {
      words = new String[size];
    }
    String word = words[token];
    if (word == null) {
      word = text.substring(starts[token], ends[token]);
      words[token] = word;
    }
    return word;
  }

  public static Tokens of(String folded) {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int n = 0;
    int i = 0;
    int length = folded.length();
    while (i < length) {
      if (!AliasAutomaton.isWordChar(folded.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < length && AliasAutomaton.isWordChar(folded.charAt(j))) {
        j++;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
      }
      starts[n] = i;
      ends[n++] = j;
      i = j;
    }
    return new Tokens(folded, starts, ends, n);
  }

  public int size() {
    return size;
  }

  public int start(int token) {
    return starts[token];
  }

  public int end(int token) {
    return ends[token];
  }

  /** Whether token {@code token} is {@code word}. */
  public boolean is(int token, String word) {
    return ends[token] - starts[token] == word.length() && text.startsWith(word, starts[token]);
  }

  /** Whether token {@code token} starts with {@code stem}. */
  public boolean startsWith(int token, String stem) {
    return ends[token] - starts[token] >= stem.length() && text.startsWith(stem, starts[token]);
  }

  /** The first token that ends after {@code offset}, or {@link #size()}. */
  public int at(int offset) {
    int i = Arrays.binarySearch(ends, 0, size, offset + 1);
    int at = i >= 0 ? i : -i - 1;
    return Math.min(at, size);
  }
}
