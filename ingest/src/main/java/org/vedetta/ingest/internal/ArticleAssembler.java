package org.vedetta.ingest.internal;

import java.net.URI;
import java.time.Clock;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.ingest.SourceType;
import org.vedetta.model.Article;
import org.vedetta.model.Headlines;

/**
 * Extract and identify: turns a {@link Candidate} into an {@link Article}. An HTML source's items, and an
 * RSS source's items with {@code full_text}, are read from their page (fetched here unless in hand); the
 * page's title and date win, the item's fill in. Other RSS items are their feed text. The language is the
 * one the page or feed declares, else the source's {@code language}, else the one detected from the text. The
 * article id is {@link Article#idFor} the canonical URL: the page's {@code rel=canonical}, else the URL the
 * page was finally served from, else the item link.
 */
public final class ArticleAssembler {

  private final SourceSettings source;
  private final Fetcher fetcher;
  private final PageExtractor extractor;
  private final Clock clock;

  public ArticleAssembler(SourceSettings source, Fetcher fetcher, Clock clock) {
    this.source = source;
    this.fetcher = fetcher;
    this.extractor = new PageExtractor(source.bodySelector());
    this.clock = clock;
  }

  public Article assemble(Candidate candidate) throws SourceFetchException, DocumentException {
    FeedItem item = candidate.item();
    String languageHint = Languages.first(item.language(), source.language());
    boolean fromPage = candidate.page() != null || source.type() == SourceType.HTML || source.fullText();
    if (!fromPage) {
      if (item.title().isEmpty() && item.text().isEmpty()) {
        throw new DocumentException("feed item " + item.key() + " has neither title nor text");
      }
      String language = languageHint != null ? languageHint : Languages.detect(item.title() + "\n\n" + item.text());
      return Article.of(source.id(), canonical(item.link(), item), Headlines.oneLine(item.title(), MAX_TITLE), item.text(), language,
          item.publishedAt(), clock.instant());
    }
    Fetched page = candidate.page() != null ? candidate.page() : fetcher.fetch(source, pageUri(item), Validators.NONE);
    ExtractedPage extracted = extractor.extract(page, languageHint);
    String title = extracted.title().isEmpty() ? item.title() : extracted.title();
    String text = extracted.text().isEmpty() ? item.text() : extracted.text();
    if (text.isEmpty()) {
      throw new DocumentException("page " + page.url() + " has no main text");
    }
    String url = extracted.canonicalUrl() != null ? extracted.canonicalUrl() : page.url().toString();
    return Article.of(source.id(), canonical(url, item), Headlines.oneLine(title, MAX_TITLE), text, extracted.language(),
        extracted.publishedAt() != null ? extracted.publishedAt() : item.publishedAt(), clock.instant())
        .withAuthor(extracted.author());
  }

  /** A headline is published on one line of at most this many characters ({@link Headlines}). */
  static final int MAX_TITLE = 1_000;

  private static URI pageUri(FeedItem item) throws DocumentException {
    if (item.link() == null) {
      throw new DocumentException("item " + item.key() + " has no link to read the full text from");
    }
    try {
      return CanonicalUrl.parse(item.link());
    } catch (IllegalArgumentException e) {
      throw new DocumentException("item " + item.key() + ": " + e.getMessage(), e);
    }
  }

  private static String canonical(String url, FeedItem item) throws DocumentException {
    if (url == null) {
      throw new DocumentException("item " + item.key() + " has no link");
    }
    try {
      return CanonicalUrl.of(url);
    } catch (IllegalArgumentException e) {
      throw new DocumentException("item " + item.key() + ": " + e.getMessage(), e);
    }
  }
}
