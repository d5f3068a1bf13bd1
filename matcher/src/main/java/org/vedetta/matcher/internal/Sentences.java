package org.vedetta.matcher.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences: every line is a paragraph, and each paragraph is split by the JDK's rules. A run-on
 * "sentence" longer than {@link #MAX_CHARS} (no full stop, or a hostile page) is cut into pieces at spaces, so that
 * reading a sentence costs a bounded time and its evidence a bounded excerpt.
 */
public final class Sentences {

  /** The longest sentence read as one; real sentences are far shorter (a long one holds 600 characters). */
  public static final int MAX_CHARS = 1_500;

  /** {@code [start, end)} of a sentence in the text, trimmed; {@code paragraph} counts lines with text. */
  public record Span(int start, int end, int paragraph) {}

  /** A day of the month written as an ordinal with a full stop, as German and others do ("28. April"). */
  private static final java.util.regex.Pattern ORDINAL_DAY = java.util.regex.Pattern.compile("(?<![\\d.,])\\d{1,2}\\.\\s*$");

  private Sentences() {}

  public static List<Span> split(String text) {
    List<Span> spans = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    int paragraph = 0;
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      String line = text.substring(lineStart, lineEnd);
      if (!line.isBlank()) {
        it.setText(line);
        int s = it.first();
        for (int e = it.next(); e != BreakIterator.DONE; e = it.next()) {
          if (e < line.length() && ORDINAL_DAY.matcher(line.substring(s, e)).find()
              && DateReader.startsWithMonth(line.substring(e))) {
            continue; // "am 28. April": a day written as an ordinal ends no sentence
          }
          add(spans, text, lineStart + s, lineStart + e, paragraph);
          s = e;
        }
        paragraph++;
      }
      lineStart = lineEnd + 1;
    }
    return spans;
  }

  private static void add(List<Span> spans, String text, int start, int end, int paragraph) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    while (end - start > MAX_CHARS) {
      int cut = start + MAX_CHARS;
      int space = text.lastIndexOf(' ', cut);
      cut = space > start + MAX_CHARS / 2 ? space : cut;
      if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--;
      }
      add(spans, text, start, cut, paragraph);
      start = cut;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    if (end > start) {
      spans.add(new Span(start, end, paragraph));
    }
  }
}
