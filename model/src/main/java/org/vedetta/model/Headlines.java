package org.vedetta.model;

/**
 * Headlines as one bounded line: a page's or feed's title may hold line breaks (which would forge lines where it is
 * shown, a {@code Bcc:} in a mail's text part) or run on for pages.
 */
public final class Headlines {

  private Headlines() {}

  /**
   * {@code title} with its white space collapsed to single spaces, cut to at most {@code max} characters with an
   * ellipsis; {@code null} stays {@code null}.
   */
  public static String oneLine(String title, int max) {
    if (title == null) {
      return null;
    }
    String line = title.replaceAll("\\s+", " ").strip();
    if (line.length() <= max) {
      return line;
    }
    int cut = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
    return line.substring(0, cut) + "…";
  }
}
