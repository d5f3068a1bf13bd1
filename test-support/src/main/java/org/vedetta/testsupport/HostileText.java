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

  /**
   * A feed of about {@code items} items with every sloppiness readers forgive at once: no version, no
   * {@code <channel>}, undeclared prefixes, HTML entities, stray ampersands and control characters.
   */
  public static String sloppyFeed(int items) {
    StringBuilder feed = new StringBuilder(items * 260 + 100).append("<rss><title>Desk &mdash; news</title>");
    for (int i = 0; i < items; i++) {
      feed.append("<item><title>Troops &amp; arms ").append(i).append(" &rsquo;\u0001</title>")
          .append("<link>https://desk.example/").append(i).append("</link><dc:creator>Ann & Bo</dc:creator>")
          .append("<media:content url=\"x.jpg\"/><description>North Korean troops arrived&nbsp;in Kursk.</description>")
          .append("</item>");
    }
    return feed.append("</rss>").toString();
  }

  /** About {@code chars} characters of figures with a soft hyphen and a zero-width space inside every word. */
  public static String invisibleCharacters(int chars) {
    return runOnFigures(chars).replace("nordcoreani", "nord\u00adco\u200breani").replace("soldati", "sol\u00addati");
  }
}
