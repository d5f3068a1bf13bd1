package org.vedetta.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Parses fetched HTML with jsoup. The text encoding is chosen by {@link Charsets} from the bytes, the
 * {@code Content-Type} charset and the page's {@code <meta charset>} (or {@code http-equiv} Content-Type), so a
 * UTF-8 page served as ISO-8859-1, or a Windows-1251 page served as UTF-8, still reads right.
 */
final class Html {

  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final int SNIFF_BYTES = 4096;

  private Html() {}

  static Document parse(Fetched page) {
    byte[] body = page.body();
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META_CHARSET.matcher(head);
    String html = Charsets.decode(body, Charsets.ofContentType(page.contentType()), meta.find() ? meta.group(1) : null);
    return flattened(Jsoup.parse(html, page.url().toString()));
  }

  /**
   * Elements may nest this deep; a real page nests a few dozen. Deeper elements are unwrapped (their children and
   * text kept, in place), so that no later pass, recursive or not, pays for a hostile page's depth.
   */
  static final int MAX_DEPTH = 200;

  /** Unwraps, without recursion, every element deeper than {@link #MAX_DEPTH}; returns the same document. */
  static Document flattened(Document page) {
    List<Element> tooDeep = new ArrayList<>();
    // Breadth first, so the elements to unwrap come shallowest first: each one unwrapped lifts its children into
    // an element that stays.
    Deque<Element> elements = new ArrayDeque<>(List.of(page));
    Deque<Integer> depths = new ArrayDeque<>(List.of(0));
    while (!elements.isEmpty()) {
      Element e = elements.pollFirst();
      int depth = depths.pollFirst();
      if (depth > MAX_DEPTH) {
        tooDeep.add(e);
      }
      for (Element child : e.children()) {
        elements.addLast(child);
        depths.addLast(depth + 1);
      }
    }
    tooDeep.forEach(Element::unwrap);
    return page;
  }

  /** Characters of text outside links under {@code node}, recorded for each element in {@code lengths}. */
  static int textOutsideLinks(Node node, Map<Element, Integer> lengths) {
    if (node instanceof TextNode t) {
      return normalisedLength(t.getWholeText());
    }
    if (node instanceof Element e && e.normalName().equals("a")) {
      return 0;
    }
    int sum = 0;
    for (Node child : node.childNodes()) {
      sum += textOutsideLinks(child, lengths);
    }
    if (node instanceof Element e) {
      lengths.put(e, sum);
    }
    return sum;
  }

  /**
   * The length of {@code text} with its whitespace collapsed and trimmed, as jsoup's {@code text()} gives it, without
   * building that string: counting text is the extractor's most frequent work.
   */
  static int normalisedLength(String text) {
    int length = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0') {
        space = length > 0;
      } else {
        length += space ? 2 : 1;
        space = false;
      }
    }
    return length;
  }
}
