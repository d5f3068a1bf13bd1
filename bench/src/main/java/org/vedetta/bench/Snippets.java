package org.vedetta.bench;

/** Short excerpts of a document for the disagreement examples. */
final class Snippets {

  private static final int CONTEXT = 40;

  private Snippets() {}

  /** The text around {@code [start, end)}, on one line, the range in brackets. */
  static String around(String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT);
    int to = Math.min(text.length(), end + CONTEXT);
    String s = (from > 0 ? "…" : "") + text.substring(from, start) + "[" + text.substring(start, end) + "]"
        + text.substring(end, to) + (to < text.length() ? "…" : "");
    return s.replaceAll("\\s+", " ");
  }
}
