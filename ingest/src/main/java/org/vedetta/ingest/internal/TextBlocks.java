package org.vedetta.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from HTML, one paragraph per block element ({@code p}, headings, list items, {@code div},
 * {@code br}...), whitespace collapsed inside a paragraph, paragraphs joined by a blank line.
 */
final class TextBlocks {

  private static final Set<String> BLOCKS = Set.of(
      "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
      "tr", "ul");
  private static final Set<String> CELLS = Set.of("td", "th");

  private TextBlocks() {}

  /** The paragraphs of an HTML fragment (e.g. a feed item's description) as plain text. */
  static String ofHtml(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return of(List.of(Jsoup.parseBodyFragment(html).body()));
  }

  /** Plain text that was never HTML: whitespace collapsed, blank lines kept as paragraph breaks. */
  static String ofPlain(String text) {
    if (text == null) {
      return "";
    }
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String collapsed = collapse(paragraph);
      if (!collapsed.isEmpty()) {
        paragraphs.add(collapsed);
      }
    }
    return String.join("\n\n", paragraphs);
  }

  /** The paragraphs of these elements, in order. */
  static String of(List<Element> roots) {
    return String.join("\n\n", blocks(roots).stream().map(Block::text).toList());
  }

  /**
   * A paragraph and, when a heading ({@code h2}...{@code h6}) is all it holds, that heading's rank (2 to 6); 0 for
   * any other paragraph.
   */
  record Block(String text, int heading) {}

  /** The paragraphs of these elements, in order, each with its heading rank. */
  static List<Block> blocks(List<Element> roots) {
    List<Block> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeVisitor visitor = new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          current.append(text.getWholeText());
        } else if (node instanceof Element element) {
          if (BLOCKS.contains(element.normalName())) {
            flush(current, paragraphs, 0);
          } else if (CELLS.contains(element.normalName())) {
            current.append(' ');
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
          flush(current, paragraphs, headingRank(element));
        }
      }
    };
    for (Element root : roots) {
      NodeTraversor.traverse(visitor, root);
      flush(current, paragraphs, 0);
    }
    return paragraphs;
  }

  /** 2 to 6 for {@code h2} to {@code h6}, else 0 ({@code h1} is the headline, never in the text). */
  private static int headingRank(Element element) {
    String name = element.normalName();
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '2' && name.charAt(1) <= '6'
        ? name.charAt(1) - '0' : 0;
  }

  private static void flush(StringBuilder current, List<Block> paragraphs, int heading) {
    String paragraph = collapse(current);
    if (!paragraph.isEmpty()) {
      paragraphs.add(new Block(paragraph, heading));
    }
    current.setLength(0);
  }

  private static String collapse(CharSequence text) {
    return text.toString().replaceAll("[\\s\\u00a0]+", " ").trim();
  }
}
