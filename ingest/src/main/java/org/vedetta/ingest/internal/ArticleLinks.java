package org.vedetta.ingest.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article links of a listing page that has no {@code link_selector}. A link is an article link
 * when all of these hold:
 * <ul>
 *   <li>it is not inside the page's chrome: {@code nav}, {@code aside}, a {@code header} or {@code footer}
 *       outside any {@code article}, the ARIA navigation, banner and content-info roles, or an element whose
 *       class or id names a menu, navigation bar, breadcrumb or footer;
 *   <li>it is http(s) on the listing's own site (host compared without a leading {@code www.}) and is not the
 *       listing itself;
 *   <li>its path looks like an article: the last segment (without {@code .html}, {@code .htm},
 *       {@code .shtml}, {@code .php}) is a slug of at least {@value #MIN_SLUG_WORDS} words, or some segment
 *       holds a number of at least four digits (an id or a date, {@code /2025/03/07/}); and no segment is a
 *       tag, category, author, search, login or paging segment, and it is not a media or document file;
 *   <li>its text reads like a headline: at least {@value #MIN_HEADLINE_WORDS} words (the longest text among
 *       the links to the same URL counts, so an image link beside its headline link does not matter).
 * </ul>
 * Section links ({@code /world/}), menus and "about" pages fail the first or third test; headlines pass all.
 */
final class ArticleLinks {

  static final int MIN_SLUG_WORDS = 3;
  static final int MIN_HEADLINE_WORDS = 3;

  private static final String CHROME = "nav, aside, [role=navigation], [role=banner], [role=contentinfo]";
  private static final Pattern CHROME_NAME =
      Pattern.compile("(?i)(^|[\\s_-])(menu|nav|navbar|navigation|breadcrumbs?|footer)($|[\\s_-])");
  private static final Pattern DIGITS = Pattern.compile("\\d{4,}");
  private static final Pattern SLUG_SEPARATOR = Pattern.compile("[-_+]+|%20");
  private static final Pattern PAGE_EXTENSION = Pattern.compile("(?i)\\.(html?|shtml|php|aspx?)$");
  private static final Pattern FILE_EXTENSION =
      Pattern.compile("(?i)\\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|xml|rss|json|css|js)$");
  private static final Set<String> NOT_ARTICLE_SEGMENTS = Set.of(
      "tag", "tags", "category", "categories", "author", "authors", "topic", "topics", "search", "login",
      "signin", "signup", "register", "subscribe", "account", "page", "feed", "rss", "autore", "autori",
      "argomenti", "tema", "cerca", "tegi", "theme", "rubric", "rubrika");

  private ArticleLinks() {}

  /** The article links of {@code page}, by absolute URL without fragment, each with its headline, in page order. */
  static Map<String, String> find(Document page) {
    Document copy = page.clone();
    copy.select(CHROME).remove();
    // A page's header and footer, not those of the teasers (<article><header><h2><a>...).
    copy.select("header, footer").stream().filter(e -> e.closest("article") == null).forEach(Element::remove);
    for (Element e : copy.select("[class], [id]")) {
      if (e.parent() != null && e != copy.body()
          && (CHROME_NAME.matcher(e.className()).find() || CHROME_NAME.matcher(e.id()).find())) {
        e.remove();
      }
    }
    URI self = URI.create(page.location().isEmpty() ? "http://invalid/" : page.location());
    String site = site(self.getHost());
    Map<String, String> links = new LinkedHashMap<>();
    for (Element a : copy.select("a[href]")) {
      URI url = absolute(a.absUrl("href"));
      if (url == null || !site.equals(site(url.getHost())) || samePage(url, self) || !articlePath(url.getRawPath())) {
        continue;
      }
      String text = a.text().trim();
      links.merge(url.toString(), text, (old, now) -> words(now) > words(old) ? now : old);
    }
    links.values().removeIf(text -> words(text) < MIN_HEADLINE_WORDS);
    return links;
  }

  static boolean articlePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || FILE_EXTENSION.matcher(rawPath).find()) {
      return false;
    }
    String[] segments = rawPath.replaceAll("^/+|/+$", "").split("/+");
    if (segments.length == 0 || segments[0].isEmpty()) {
      return false;
    }
    boolean digits = false;
    for (String segment : segments) {
      String s = segment.toLowerCase(Locale.ROOT);
      if (NOT_ARTICLE_SEGMENTS.contains(s) || s.matches("page\\d*|p\\d+")) {
        return false;
      }
      digits |= DIGITS.matcher(s).find();
    }
    String last = PAGE_EXTENSION.matcher(segments[segments.length - 1]).replaceFirst("");
    int slugWords = 0;
    for (String part : SLUG_SEPARATOR.split(last)) {
      if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
        slugWords++;
      }
    }
    return digits || slugWords >= MIN_SLUG_WORDS;
  }

  private static URI absolute(String href) {
    String lower = href.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return null;
    }
    try {
      URI uri = CanonicalUrl.withoutFragment(CanonicalUrl.parse(href));
      return uri.getHost() == null ? null : uri;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean samePage(URI a, URI b) {
    return stripSlash(a.getRawPath()).equals(stripSlash(b.getRawPath()))
        && String.valueOf(a.getRawQuery()).equals(String.valueOf(b.getRawQuery()));
  }

  private static String stripSlash(String path) {
    return path == null ? "" : path.replaceAll("/+$", "");
  }

  private static String site(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  private static int words(String text) {
    String t = text.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
