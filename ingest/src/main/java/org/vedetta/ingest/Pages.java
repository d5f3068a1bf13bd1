package org.vedetta.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.vedetta.ingest.internal.DocumentException;
import org.vedetta.ingest.internal.ExtractedPage;
import org.vedetta.ingest.internal.FeedItem;
import org.vedetta.ingest.internal.FeedParser;
import org.vedetta.ingest.internal.Fetched;
import org.vedetta.ingest.internal.HttpFetcher;
import org.vedetta.ingest.internal.Languages;
import org.vedetta.ingest.internal.PageExtractor;
import org.vedetta.ingest.internal.Validators;

/**
 * Reads one page or feed the way ingest does — same HTTP client, limits and address guard, same parsing and
 * extraction — for tools that look at a single document ({@code vedetta analyze}, {@code vedetta extract}).
 */
public final class Pages {

  /** What ingest makes of a document: an article {@link Page} or a {@link Feed}. */
  public sealed interface Document permits Page, Feed {

    /** The document's URL: a page's canonical URL, a feed's own. */
    String url();
  }

  /**
   * What ingest makes of a page.
   *
   * @param url         the canonical URL (the page's {@code rel=canonical}, else the URL it was read from)
   * @param title       the headline
   * @param author      the author or authors joined by {@code ", "}, or {@code null}
   * @param publishedAt publication time, or {@code null}
   * @param language    ISO 639-1 code, declared by the page or else detected from its text, or {@code null}
   * @param text        the main text, paragraphs separated by blank lines
   */
  public record Page(String url, String title, String author, Instant publishedAt, String language, String text)
      implements Document {}

  /**
   * What ingest makes of an RSS, RDF or Atom feed.
   *
   * @param url   the URL the feed was read from
   * @param title the feed's title; may be empty
   * @param items its entries, in document order
   */
  public record Feed(String url, String title, List<FeedEntry> items) implements Document {
    public Feed {
      items = List.copyOf(items);
    }
  }

  /**
   * One entry of a feed.
   *
   * @param guid        its guid (RSS) or id (Atom), or {@code null}
   * @param link        its absolute link, or {@code null}
   * @param title       plain text; may be empty
   * @param publishedAt published, else updated, date; or {@code null}
   * @param language    ISO 639-1 language the feed declares, or {@code null}
   * @param teaser      the start of its text, at most {@value #TEASER_CHARS} characters, on one line; may be empty
   */
  public record FeedEntry(String guid, String link, String title, Instant publishedAt, String language,
      String teaser) {}

  /** Length of {@link FeedEntry#teaser}. */
  public static final int TEASER_CHARS = 280;

  private Pages() {}

  /**
   * The language of a text that does not say, detected as ingest does for pages and feed items: ISO 639-1, or
   * {@code null} when the text is too short or the detector unsure.
   */
  public static String language(String text) {
    return Languages.detect(text);
  }

  /** Extracts a page already read, e.g. from a file. */
  public static Page read(byte[] html, String contentType, URI url, String languageHint) {
    return page(new PageExtractor(null).extract(Fetched.of(url, contentType, html), languageHint), url);
  }

  /**
   * Fetches and extracts a page. Loopback and private addresses are refused unless {@code allowPrivate}.
   *
   * @throws SourceFetchException when the page cannot be fetched
   */
  public static Page fetch(URI url, boolean allowPrivate) throws SourceFetchException {
    Fetched fetched = get(url, allowPrivate);
    return page(new PageExtractor(null).extract(fetched, null), fetched.url());
  }

  /**
   * Reads a document already in hand as a feed when its root element is {@code <rss>}, {@code <rdf:RDF>} or
   * {@code <feed>} (whatever {@code contentType} says), else as a page.
   *
   * @throws IOException naming {@code url} when it is a feed that cannot be parsed
   */
  public static Document readDocument(byte[] body, String contentType, URI url) throws IOException {
    return document(Fetched.of(url, contentType, body));
  }

  /**
   * Fetches a URL and reads it as {@link #readDocument} does. Loopback and private addresses are refused
   * unless {@code allowPrivate}.
   *
   * @throws SourceFetchException when it cannot be fetched
   * @throws IOException          when it is a feed that cannot be parsed
   */
  public static Document fetchDocument(URI url, boolean allowPrivate) throws IOException {
    return document(get(url, allowPrivate));
  }

  private static Fetched get(URI url, boolean allowPrivate) throws SourceFetchException {
    SourceSettings source = SourceSettings.html("page", url.toString()).withAllowPrivate(allowPrivate);
    return new HttpFetcher(HttpFetcher.newClient()).fetch(source, url, Validators.NONE);
  }

  private static Document document(Fetched fetched) throws IOException {
    if (!FeedParser.isFeed(fetched.body(), fetched.contentType())) {
      return page(new PageExtractor(null).extract(fetched, null), fetched.url());
    }
    try {
      FeedParser.Parsed feed = new FeedParser().parseFeed(fetched.body(), fetched.contentType(), fetched.url());
      return new Feed(fetched.url().toString(), feed.title(), feed.items().stream().map(Pages::entry).toList());
    } catch (DocumentException e) {
      throw new IOException(fetched.url() + ": " + e.getMessage(), e);
    }
  }

  private static FeedEntry entry(FeedItem item) {
    return new FeedEntry(item.guid(), item.link(), item.title(), item.publishedAt(), item.language(),
        teaser(item.text()));
  }

  private static String teaser(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    if (line.length() <= TEASER_CHARS) {
      return line;
    }
    int cut = line.lastIndexOf(' ', TEASER_CHARS - 1);
    return line.substring(0, cut > TEASER_CHARS / 2 ? cut : TEASER_CHARS - 1) + "\u2026";
  }

  private static Page page(ExtractedPage p, URI url) {
    return new Page(p.canonicalUrl() != null ? p.canonicalUrl() : url.toString(), p.title(), p.author(),
        p.publishedAt(), p.language(), p.text());
  }
}
