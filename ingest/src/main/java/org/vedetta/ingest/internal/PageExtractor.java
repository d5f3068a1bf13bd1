package org.vedetta.ingest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The extract stage: title, date, language, canonical URL and main text of an article page.
 *
 * <p>The main text is what {@code body_selector} selects; when unset or when it selects nothing, the
 * {@code <article>} with the most text; else the element holding the most {@code <p>} text; else the body.
 * Boilerplate goes first: {@code nav}, {@code header}, {@code footer}, {@code aside}, {@code script},
 * {@code style}, {@code form} (unless it wraps the content, as some CMSs do), {@code noscript},
 * {@code iframe}, {@code template}, {@code figure} (images and captions), {@code dialog} and cookie or
 * consent banners. A first paragraph repeating the title is dropped.
 */
public final class PageExtractor {

  private static final String BOILERPLATE = "nav, header, footer, aside, script, style, noscript, iframe, template, "
      + "svg, figure, dialog, [role=navigation], [role=banner], [role=contentinfo], "
      + "[id~=(?i)cookie|consent|gdpr], [class~=(?i)cookie|consent|gdpr]";
  private static final Pattern DATE_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

  private final String bodySelector;

  /** @param bodySelector the source's {@code body_selector}, or {@code null} */
  public PageExtractor(String bodySelector) {
    this.bodySelector = bodySelector;
  }

  public ExtractedPage extract(Fetched page, String languageHint) {
    return extract(Html.parse(page), languageHint);
  }

  public ExtractedPage extract(Document page, String languageHint) {
    String title = title(page);
    String language = Languages.first(page.selectFirst("html") == null ? null : page.selectFirst("html").attr("lang"),
        languageHint);
    return new ExtractedPage(canonical(page), title, published(page), language, mainText(page.clone(), title));
  }

  private static String canonical(Document page) {
    for (Element link : page.select("link[rel=canonical][href]")) {
      String href = link.absUrl("href");
      if (href.toLowerCase(Locale.ROOT).startsWith("http://") || href.toLowerCase(Locale.ROOT).startsWith("https://")) {
        return href;
      }
    }
    return null;
  }

  private static String title(Document page) {
    Element og = page.selectFirst("meta[property=og:title][content]");
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content").trim();
    }
    Element h1 = page.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text();
    }
    return page.title().trim();
  }

  private static Instant published(Document page) {
    Element meta = page.selectFirst("meta[property=article:published_time][content], "
        + "meta[name=article:published_time][content]");
    Instant published = meta == null ? null : Dates.parse(meta.attr("content"));
    if (published != null) {
      return published;
    }
    for (Element time : page.select("time[datetime]")) {
      published = Dates.parse(time.attr("datetime"));
      if (published != null) {
        return published;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = DATE_PUBLISHED.matcher(script.data());
      if (m.find()) {
        return Dates.parse(m.group(1));
      }
    }
    return null;
  }

  private String mainText(Document page, String title) {
    removeBoilerplate(page);
    List<String> paragraphs = new ArrayList<>(List.of(TextBlocks.of(main(page)).split("\n\n")));
    paragraphs.removeIf(String::isEmpty);
    if (!paragraphs.isEmpty() && paragraphs.get(0).equals(title)) {
      paragraphs.remove(0);
    }
    return String.join("\n\n", paragraphs);
  }

  private static void removeBoilerplate(Document page) {
    page.select(BOILERPLATE).remove();
    for (Element form : page.select("form")) {
      if (form.selectFirst("article, main") == null && form.select("p").size() < 3) {
        form.remove();
      }
    }
  }

  private List<Element> main(Document page) {
    if (bodySelector != null) {
      List<Element> selected = outermost(page.select(bodySelector));
      if (!selected.isEmpty()) {
        return selected;
      }
    }
    Element article = page.select("article").stream()
        .max(Comparator.comparingInt(e -> e.text().length()))
        .orElse(null);
    if (article != null) {
      return List.of(article);
    }
    Element densest = densestParagraphBlock(page);
    if (densest != null) {
      return List.of(densest);
    }
    return page.body() == null ? List.of() : List.of(page.body());
  }

  /** The element whose {@code <p>} children hold the most text. */
  private static Element densestParagraphBlock(Document page) {
    Map<Element, Integer> textByParent = new IdentityHashMap<>();
    for (Element p : page.select("p")) {
      Element parent = p.parent();
      if (parent != null) {
        textByParent.merge(parent, p.text().length(), Integer::sum);
      }
    }
    return textByParent.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** The selected elements that are not inside another selected element, in document order. */
  private static List<Element> outermost(Elements selected) {
    List<Element> out = new ArrayList<>();
    for (Element e : selected) {
      boolean nested = e.parents().stream().anyMatch(selected::contains);
      if (!nested) {
        out.add(e);
      }
    }
    return out;
  }
}
