package org.vedetta.testsupport;

/**
 * Hostile inputs generated on demand (never stored as big files): pages a fair but hostile tester would send to
 * exhaust a stage.
 */
public final class HostileText {

  private HostileText() {}

  /**
   * About {@code chars} characters of run-on Italian figures about North Korean soldiers, lower case after every
   * full stop so that no sentence ever ends: "circa 79.111 soldati nordcoreani sono stati inviati in russia e
   * uccisi. circa 79.112 ...".
   */
  public static String runOnFigures(int chars) {
    StringBuilder text = new StringBuilder(chars + 100);
    for (int i = 0; text.length() < chars; i++) {
      int n = 79_111 + i % 900_000;
      text.append("circa ").append(n / 1000).append('.').append(String.format("%03d", n % 1000))
          .append(" soldati nordcoreani sono stati inviati in russia e uccisi. ");
    }
    return text.toString();
  }

  /** An HTML page whose article paragraph sits {@code depth} elements deep. */
  public static String nestedPage(int depth) {
    StringBuilder html = new StringBuilder(depth * 11 + 300);
    html.append("<!doctype html><html><head><title>Nested</title></head><body>");
    html.append("<div>".repeat(depth));
    html.append("<p>North Korea has sent more soldiers to Russia, officials in Seoul said on Friday.</p>");
    html.append("</div>".repeat(depth));
    return html.append("</body></html>").toString();
  }
}
