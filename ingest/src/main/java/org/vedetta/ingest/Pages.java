package org.vedetta.ingest;

import java.net.URI;
import java.time.Instant;
import org.vedetta.ingest.internal.ExtractedPage;
import org.vedetta.ingest.internal.Fetched;
import org.vedetta.ingest.internal.HttpFetcher;
import org.vedetta.ingest.internal.PageExtractor;
import org.vedetta.ingest.internal.Validators;

/**
 * Reads one article page the way ingest does — same HTTP client, limits and address guard, same extraction —
 * for tools that look at a single page ({@code vedetta analyze}).
 */
public final class Pages {

  /**
   * What ingest makes of a page.
   *
   * @param url         the canonical URL (the page's {@code rel=canonical}, else the URL it was read from)
   * @param title       the headline
   * @param publishedAt publication time, or {@code null}
   * @param language    ISO 639-1 code, or {@code null}
   * @param text        the main text, paragraphs separated by blank lines
   */
  public record Page(String url, String title, Instant publishedAt, String language, String text) {}

  private Pages() {}

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
    SourceSettings source = SourceSettings.html("page", url.toString()).withAllowPrivate(allowPrivate);
    Fetched fetched = new HttpFetcher(HttpFetcher.newClient()).fetch(source, url, Validators.NONE);
    return page(new PageExtractor(null).extract(fetched, null), fetched.url());
  }

  private static Page page(ExtractedPage p, URI url) {
    return new Page(p.canonicalUrl() != null ? p.canonicalUrl() : url.toString(), p.title(), p.publishedAt(),
        p.language(), p.text());
  }
}
