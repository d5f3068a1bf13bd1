package org.vedetta.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about the article it carries, from the most to the least deliberate statement.
 * <ul>
 *   <li>title: {@code og:title}, JSON-LD {@code headline}, {@code twitter:title}, the first {@code <h1>},
 *       {@code <title>} without a trailing {@code " | Site"} or {@code " - Site"};
 *   <li>author: JSON-LD {@code author} ({@code name} of each object, or the string), {@code meta name=author}
 *       and its cousins ({@code article:author}, {@code byl}, {@code dc.creator}, {@code parsely-author}),
 *       {@code itemprop=author}, {@code rel=author}, a byline element; URLs are not names;
 *   <li>publication time: {@code article:published_time}, JSON-LD {@code datePublished} (else
 *       {@code dateCreated}), other date metas ({@code itemprop=datePublished}, {@code pubdate},
 *       {@code dc.date.issued}...), the first {@code <time datetime>} in the article, else on the page;
 *   <li>language: JSON-LD {@code inLanguage}, {@code <html lang>}, {@code og:locale},
 *       {@code Content-Language} meta.
 * </ul>
 * The JSON-LD object used is the first whose {@code @type} is an article type ({@code NewsArticle},
 * {@code Article}, {@code BlogPosting}, {@code ReportageNewsArticle}...), looked for in arrays, {@code @graph}
 * and {@code mainEntity}; JSON-LD is read leniently (trailing commas, raw control characters, comments), and a
 * script that is not JSON at all still gives its {@code datePublished} and {@code headline} by pattern.
 */
final class PageMetadata {

  private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();
  private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
      "liveblogposting", "report", "socialmediaposting", "webpageelement");
  private static final Pattern DATE_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern HEADLINE = Pattern.compile("\"headline\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\"");
  private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\u2013\u2014-]\\s+[^|\u2013\u2014-]{2,40}$");
  /** "By", "di", "Автор:"... before a name; lower-case "di" and "de" only, as "Di Maio" is a surname. */
  private static final Pattern BYLINE_PREFIX = Pattern.compile(
      "^((?iu:by|par|von|por|автор|автори|авторы|від|testo di|a cura di)\\s*:?|di|de)\\s+");
  private static final String AUTHOR_METAS = "meta[name=author], meta[property=article:author], meta[name=byl], "
      + "meta[name=dc.creator], meta[name=DC.creator], meta[name=parsely-author], meta[name=sailthru.author]";
  private static final String DATE_METAS = "meta[itemprop=datePublished], meta[name=pubdate], "
      + "meta[name=publishdate], meta[name=publish-date], meta[name=date], meta[name=DC.date.issued], "
      + "meta[name=dc.date.issued], meta[name=dcterms.created], meta[property=og:published_time], "
      + "meta[name=parsely-pub-date], meta[name=sailthru.date]";
  private static final String BYLINE_ELEMENTS = "[itemprop=author], a[rel=author], .byline, .author, .author-name, "
      + ".article-author, .article__author, .byline__name, .autore, .firma";

  final String title;
  final String author;
  final Instant publishedAt;
  final String language;

  private PageMetadata(String title, String author, Instant publishedAt, String language) {
    this.title = title;
    this.author = author;
    this.publishedAt = publishedAt;
    this.language = language;
  }

  static PageMetadata of(Document page) {
    JsonNode ld = jsonLdArticle(page);
    return new PageMetadata(title(page, ld), author(page, ld), published(page, ld), language(page, ld));
  }

  private static String title(Document page, JsonNode ld) {
    String og = meta(page, "meta[property=og:title]");
    if (og != null) {
      return og;
    }
    String headline = ld == null ? null : text(ld.get("headline"));
    if (headline == null) {
      headline = headlineByPattern(page);
    }
    if (headline != null) {
      return headline;
    }
    String twitter = meta(page, "meta[name=twitter:title]");
    if (twitter != null) {
      return twitter;
    }
    Element h1 = page.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text().trim();
    }
    return TITLE_SUFFIX.matcher(page.title().trim()).replaceFirst("");
  }

  private static String author(Document page, JsonNode ld) {
    if (ld != null) {
      Set<String> names = new LinkedHashSet<>();
      collectNames(ld.get("author"), names);
      if (names.isEmpty()) {
        collectNames(ld.get("creator"), names);
      }
      if (!names.isEmpty()) {
        return String.join(", ", names);
      }
    }
    for (Element meta : page.select(AUTHOR_METAS)) {
      String name = name(meta.attr("content"));
      if (name != null) {
        return name;
      }
    }
    for (Element byline : page.select(BYLINE_ELEMENTS)) {
      Element itemName = byline.selectFirst("[itemprop=name]");
      String value = itemName != null ? (itemName.hasAttr("content") ? itemName.attr("content") : itemName.text())
          : byline.hasAttr("content") ? byline.attr("content") : byline.text();
      String name = name(value);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static void collectNames(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectNames(n, names));
    } else if (node.isObject()) {
      String name = name(text(node.get("name")));
      if (name != null) {
        names.add(name);
      }
    } else {
      String name = name(node.asText());
      if (name != null) {
        names.add(name);
      }
    }
  }

  /** A person's or desk's name as written, or {@code null} for a URL, an empty or an implausibly long value. */
  private static String name(String value) {
    if (value == null) {
      return null;
    }
    String v = BYLINE_PREFIX.matcher(value.replaceAll("[\\s\u00a0]+", " ").trim()).replaceFirst("").trim();
    if (v.isEmpty() || v.length() > 80 || v.matches("(?i)(https?:)?//.*|www\\..*")) {
      return null;
    }
    return v;
  }

  private static Instant published(Document page, JsonNode ld) {
    Instant at = Dates.parse(meta(page, "meta[property=article:published_time], meta[name=article:published_time]"));
    if (at == null && ld != null) {
      at = Dates.parse(text(ld.get("datePublished")));
      if (at == null) {
        at = Dates.parse(text(ld.get("dateCreated")));
      }
    }
    if (at == null) {
      at = dateByPattern(page);
    }
    for (Element meta : page.select(DATE_METAS)) {
      if (at != null) {
        break;
      }
      at = Dates.parse(meta.hasAttr("content") ? meta.attr("content") : meta.attr("datetime"));
    }
    if (at == null) {
      List<Element> times = new ArrayList<>(page.select("article time[datetime], main time[datetime]"));
      times.addAll(page.select("time[datetime]"));
      for (Element time : times) {
        at = Dates.parse(time.attr("datetime"));
        if (at != null) {
          break;
        }
      }
    }
    return at;
  }

  private static String language(Document page, JsonNode ld) {
    String inLanguage = null;
    if (ld != null && ld.get("inLanguage") != null) {
      JsonNode lang = ld.get("inLanguage");
      inLanguage = lang.isObject() ? first(text(lang.get("alternateName")), text(lang.get("name"))) : text(lang);
    }
    Element html = page.selectFirst("html");
    return Languages.first(inLanguage, html == null ? null : html.attr("lang"),
        html == null ? null : html.attr("xml:lang"), meta(page, "meta[property=og:locale]"),
        meta(page, "meta[http-equiv=content-language]"), meta(page, "meta[name=language]"));
  }

  /** The first JSON-LD object on the page whose {@code @type} is an article type, or {@code null}. */
  private static JsonNode jsonLdArticle(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      JsonNode root = parse(script.data());
      JsonNode found = root == null ? null : findArticle(root, 0);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonNode parse(String data) {
    String json = data.trim()
        .replaceFirst("^(<!--|//\\s*<!\\[CDATA\\[|<!\\[CDATA\\[)", "")
        .replaceFirst("(-->|//\\s*]]>|]]>)$", "")
        .trim();
    try {
      return LENIENT_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static JsonNode findArticle(JsonNode node, int depth) {
    if (node == null || depth > 4) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode found = findArticle(n, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    if (isArticle(node.get("@type"))) {
      return node;
    }
    JsonNode found = findArticle(node.get("@graph"), depth + 1);
    return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText().replaceFirst("^.*[/#:]", "").toLowerCase(Locale.ROOT);
    return ARTICLE_TYPES.contains(name);
  }

  private static String headlineByPattern(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = HEADLINE.matcher(script.data());
      if (m.find() && parse(script.data()) == null) {
        return m.group(1).replace("\\\"", "\"").trim();
      }
    }
    return null;
  }

  private static Instant dateByPattern(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = DATE_PUBLISHED.matcher(script.data());
      if (m.find()) {
        Instant at = Dates.parse(m.group(1));
        if (at != null) {
          return at;
        }
      }
    }
    return null;
  }

  private static String meta(Document page, String selector) {
    for (Element meta : page.select(selector)) {
      String content = meta.attr("content").trim();
      if (!content.isEmpty()) {
        return content;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : text(node.get(0));
    }
    if (node.isObject()) {
      return null;
    }
    String text = node.asText().trim();
    return text.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(text, false);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
