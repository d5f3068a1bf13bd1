package org.vedetta.matcher.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences: every line is a paragraph, and each paragraph is split by the JDK's rules. */
public final class Sentences {

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
    if (end > start) {
      spans.add(new Span(start, end, paragraph));
    }
  }
}
