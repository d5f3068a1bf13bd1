package org.vedetta.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.vedetta.ingest.internal.TargetGuard;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * One source of {@code sources.yml}.
 *
 * <pre>{@code
 * - id: reuters-world
 *   type: rss                        # rss (RSS or Atom) | html
 *   url: https://example.org/world.xml
 *   poll_interval: 10m               # default 15m, at least 10s
 *   full_text: true                  # rss only: read the linked page instead of the item description
 *   link_selector: "h2.story a"      # html only: the page is a listing and these are its article links
 *   body_selector: "div.story-body"  # the article's main text; default: found by the extractor
 *   language: en                     # ISO 639-1, used when the page or feed does not say
 *   allow_private: false             # true to allow loopback and private addresses (local demos, tests)
 *   listing: true                    # html only: the page is a listing; without link_selector its article
 *                                    # links are found automatically
 * }</pre>
 *
 * @param id           unique name of the source: letters, digits, {@code .}, {@code _}, {@code -}
 * @param type         what {@code url} serves
 * @param url          absolute http(s) URL of the feed or page
 * @param pollInterval time between polls; default {@link #DEFAULT_POLL_INTERVAL}, at least {@link #MIN_POLL_INTERVAL}
 * @param fullText     for {@code rss}: fetch each item's page and use its main text; default false
 * @param linkSelector for {@code html}: CSS selector of the article links of a listing page; {@code null} when
 *                     the page is itself the article
 * @param bodySelector CSS selector of an article page's main text; {@code null} (or matching nothing) for the
 *                     main text found by the extractor (boilerplate removed, then the block holding most text)
 * @param language     ISO 639-1 language used when the page or feed does not declare one; may be {@code null}
 * @param allowPrivate whether loopback, private, link-local and multicast targets may be fetched; default false
 * @param listing      for {@code html}: the page is a listing of articles, not an article; default false (a
 *                     {@code link_selector} makes a listing whatever this says). Without a
 *                     {@code link_selector} the article links are found automatically: links to the same site
 *                     (ignoring {@code www.}) outside navigation, asides, menus and the page's header and
 *                     footer, whose path looks like an article (a slug of at least three words, or a number of
 *                     at least four digits such as an id or a date; not a tag, category, author or paging
 *                     path) and whose text reads like a headline (at least three words); a page without any
 *                     is an error
 */
public record SourceSettings(
    String id,
    SourceType type,
    String url,
    Duration pollInterval,
    Boolean fullText,
    String linkSelector,
    String bodySelector,
    String language,
    Boolean allowPrivate,
    Boolean listing) implements Validated {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
  public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  public SourceSettings {
    pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    fullText = fullText != null && fullText;
    allowPrivate = allowPrivate != null && allowPrivate;
    listing = listing != null && listing;
    linkSelector = blankToNull(linkSelector);
    bodySelector = blankToNull(bodySelector);
    language = blankToNull(language);
  }

  /** A source without the settings added later ({@code listing}), which take their defaults. */
  public SourceSettings(String id, SourceType type, String url, Duration pollInterval, Boolean fullText,
      String linkSelector, String bodySelector, String language, Boolean allowPrivate) {
    this(id, type, url, pollInterval, fullText, linkSelector, bodySelector, language, allowPrivate, null);
  }

  /** An RSS or Atom source with every default. */
  public static SourceSettings rss(String id, String url) {
    return new SourceSettings(id, SourceType.RSS, url, null, null, null, null, null, null);
  }

  /**
   * A single-article HTML source with every default; see {@link #withLinkSelector} and {@link #withListing}
   * for a listing.
   */
  public static SourceSettings html(String id, String url) {
    return new SourceSettings(id, SourceType.HTML, url, null, null, null, null, null, null);
  }

  public SourceSettings withPollInterval(Duration value) {
    return new SourceSettings(id, type, url, value, fullText, linkSelector, bodySelector, language, allowPrivate,
        listing);
  }

  public SourceSettings withFullText(boolean value) {
    return new SourceSettings(id, type, url, pollInterval, value, linkSelector, bodySelector, language, allowPrivate,
        listing);
  }

  public SourceSettings withLinkSelector(String value) {
    return new SourceSettings(id, type, url, pollInterval, fullText, value, bodySelector, language, allowPrivate,
        listing);
  }

  public SourceSettings withBodySelector(String value) {
    return new SourceSettings(id, type, url, pollInterval, fullText, linkSelector, value, language, allowPrivate,
        listing);
  }

  public SourceSettings withLanguage(String value) {
    return new SourceSettings(id, type, url, pollInterval, fullText, linkSelector, bodySelector, value, allowPrivate,
        listing);
  }

  public SourceSettings withAllowPrivate(boolean value) {
    return new SourceSettings(id, type, url, pollInterval, fullText, linkSelector, bodySelector, language, value,
        listing);
  }

  public SourceSettings withListing(boolean value) {
    return new SourceSettings(id, type, url, pollInterval, fullText, linkSelector, bodySelector, language, allowPrivate,
        value);
  }

  @Override
  public void validate(Problems problems) {
    if (problems.require(id, "id")) {
      problems.check(ID.matcher(id).matches(), "id",
          "invalid value '" + id + "': use only letters, digits, '.', '_' and '-'");
    }
    problems.require(type, "type");
    if (problems.require(url, "url")) {
      problems.check(isHttpUrl(url), "url", "invalid value '" + url + "': must be an absolute http or https URL");
      if (isHttpUrl(url)) {
        TargetGuard.literalProblem(URI.create(url).getHost(), allowPrivate).ifPresent(p -> problems.add("url", p));
      }
    }
    problems.check(pollInterval.compareTo(MIN_POLL_INTERVAL) >= 0, "poll_interval",
        "invalid value " + describe(pollInterval) + ": must be at least " + describe(MIN_POLL_INTERVAL));
    if (linkSelector != null) {
      checkSelector(problems, "link_selector", linkSelector);
      problems.check(type != SourceType.RSS, "link_selector", "applies only to html sources");
    }
    if (listing) {
      problems.check(type != SourceType.RSS, "listing", "applies only to html sources");
    }
    if (bodySelector != null) {
      checkSelector(problems, "body_selector", bodySelector);
    }
    if (language != null) {
      problems.check(LANGUAGE.matcher(language).matches(), "language",
          "invalid value '" + language + "': must be a lower-case ISO 639-1 code such as en or it");
    }
  }

  private static void checkSelector(Problems problems, String field, String selector) {
    try {
      QueryParser.parse(selector);
    } catch (Selector.SelectorParseException e) {
      problems.add(field, "invalid CSS selector '" + selector + "': " + e.getMessage());
    }
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
