package org.vedetta.ingest.internal;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.ingest.ArticleSink;
import org.vedetta.ingest.PollResult;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.ingest.SourceType;
import org.vedetta.model.Article;

/**
 * Polls one source: fetch its feed or page (conditionally), read its items, skip those already seen, turn
 * the others into articles, publish each new one, then record it as seen.
 *
 * <p>The validators for the next conditional GET are kept only when the poll left nothing to retry (no
 * retriable item failure, no publish failure); otherwise the next poll reads the document again, so an
 * unchanged feed answering 304 cannot hide an item that still has to be published. They are kept in the database,
 * so the first poll after a restart (or on another ingest node) is conditional too. A failing sink stops the
 * poll. One poll of a source runs at a time.
 */
public final class SourcePoller {

  private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

  private final SourceSettings source;
  private final URI url;
  private final Fetcher fetcher;
  private final ItemReader reader;
  private final ArticleAssembler assembler;
  private final SeenItems seen;
  private final ArticleSink sink;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  /** The validators of the last complete read; {@code null} until read back from the store. */
  private Validators validators;

  public SourcePoller(SourceSettings source, Fetcher fetcher, SeenItems seen, ArticleSink sink, Clock clock) {
    this.source = source;
    this.url = URI.create(source.url());
    this.fetcher = fetcher;
    this.reader = readerFor(source);
    this.assembler = new ArticleAssembler(source, fetcher, clock);
    this.seen = seen;
    this.sink = sink;
    this.clock = clock;
  }

  private static ItemReader readerFor(SourceSettings source) {
    if (source.type() == SourceType.RSS) {
      return new FeedParser();
    }
    if (source.linkSelector() != null || source.listing()) {
      return new ListingReader(source.linkSelector());
    }
    return new SinglePageReader();
  }

  public SourceSettings source() {
    return source;
  }

  /** Polls now, after any poll of this source already running; never throws for a failure of the source. */
  public PollResult poll() {
    lock.lock();
    try {
      return pollOnce();
    } finally {
      lock.unlock();
    }
  }

  private PollResult pollOnce() {
    Instant start = clock.instant();
    Tally tally = new Tally();
    String error = null;
    Throwable unexpected = null;
    try {
      if (validators == null) {
        validators = seen.validators(source.id(), url.toString());
      }
      Fetched document = fetcher.fetch(source, url, validators);
      if (!document.notModified()) {
        ItemReader.Items read = reader.readItems(document);
        List<Candidate> candidates = read.candidates();
        if (!read.repairs().isEmpty()) {
          tally.warning = "read after mending: " + String.join("; ", read.repairs());
          log.warn("source '{}': {}: {}", source.id(), url, tally.warning);
        }
        tally.items = candidates.size();
        for (Candidate candidate : candidates) {
          process(candidate, tally);
        }
        Validators complete = tally.retry ? Validators.NONE : document.validators();
        if (!complete.equals(validators)) {
          seen.saveValidators(source.id(), url.toString(), complete);
          validators = complete;
        }
      }
    } catch (SourceFetchException e) {
      error = e.getMessage();
    } catch (DocumentException e) {
      error = "source '" + source.id() + "': " + url + ": " + e.getMessage();
    } catch (PublishException e) {
      error = "source '" + source.id() + "': " + e.getMessage();
      unexpected = e.getCause();
    } catch (SQLException e) {
      error = "source '" + source.id() + "': the seen-items database failed: " + e.getMessage();
      unexpected = e;
    } catch (RuntimeException e) {
      error = "source '" + source.id() + "': unexpected failure: " + e;
      unexpected = e;
    }
    PollResult result = new PollResult(source.id(), tally.items, tally.published, tally.failed,
        Duration.between(start, clock.instant()), error, tally.itemError, tally.warning);
    if (error == null) {
      log.info("polled {}: {} items, {} published, {} failed, took {} ms",
          source.id(), result.itemsSeen(), result.published(), result.failed(), result.took().toMillis());
    } else {
      // The stack trace only where it helps: not for a source that is down or serves a broken document.
      log.warn("polled {}: {} items, {} published, {} failed, took {} ms: {}", source.id(), result.itemsSeen(),
          result.published(), result.failed(), result.took().toMillis(), error, unexpected);
    }
    return result;
  }

  /**
   * Identify, then extract and publish: an item is known by its key (guid, else canonical link) or, when the
   * feed gives its text, by its {@link ContentKey}; an article is known by its id (canonical URL) or by the
   * content key of its title and text. Known items are recorded under their new keys and not published again.
   */
  private void process(Candidate candidate, Tally tally) throws PublishException, SQLException {
    FeedItem item = candidate.item();
    String key = item.key();
    if (key == null) {
      tally.failed++;
      log.warn("source '{}': an item has neither guid nor link: skipped", source.id());
      return;
    }
    if (seen.hasItem(source.id(), key)) {
      return;
    }
    String itemContent = item.contentKey();
    String known = itemContent == null ? null : seen.articleWithContent(source.id(), itemContent);
    if (known != null) {
      log.debug("source '{}': item {} has the title and text of article {}: not published again",
          source.id(), key, known);
      seen.recordKnown(source.id(), key, known, List.of(itemContent));
      return;
    }
    Article article;
    try {
      article = assembler.assemble(candidate);
    } catch (SourceFetchException e) {
      tally.failed(abbreviated(e.getMessage()));
      tally.retry |= e.retriable();
      log.warn("{}", e.getMessage());
      return;
    } catch (DocumentException e) {
      tally.failed("item " + key + ": " + abbreviated(e.getMessage()));
      log.warn("source '{}': item {}: {}", source.id(), key, e.getMessage());
      return;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One page that breaks extraction fails that item only: the poll goes on with the source's other items.
      tally.failed("item " + key + ": extraction failed: " + abbreviated(e.toString()));
      log.warn("source '{}': item {}: extraction failed: {}", source.id(), key, abbreviated(e.toString()));
      return;
    }
    String articleContent = ContentKey.of(article.title(), article.text());
    List<String> contentKeys = Stream.of(itemContent, articleContent).filter(Objects::nonNull).distinct().toList();
    if (seen.hasArticle(article.id())) {
      seen.recordKnown(source.id(), key, article.id(), contentKeys);
      return;
    }
    known = articleContent == null ? null : seen.articleWithContent(source.id(), articleContent);
    if (known != null) {
      log.debug("source '{}': {} has the title and text of article {}: not published again",
          source.id(), article.url(), known);
      seen.recordKnown(source.id(), key, known, contentKeys);
      return;
    }
    publish(article, tally);
    tally.published++;
    seen.record(source.id(), key, article, contentKeys);
  }

  /** A failure's message as one log line of bounded length: a hostile page must not write a 77 KB line. */
  private static String abbreviated(String message) {
    String line = message.replaceAll("\\s+", " ");
    return line.length() <= 300 ? line : line.substring(0, 297) + "...";
  }

  private void publish(Article article, Tally tally) throws PublishException {
    try {
      sink.publish(article);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tally.failed++;
      throw new PublishException(article, e);
    } catch (Exception e) {
      tally.failed++;
      throw new PublishException(article, e);
    }
  }

  /** The sink refused an article: the poll stops, and the article waits for the next poll. */
  private static final class PublishException extends Exception {
    PublishException(Article article, Exception cause) {
      super("publishing article " + article.id() + " (" + article.url() + ") failed, will retry next poll: " + cause,
          cause);
    }
  }

  private static final class Tally {
    int items;
    int published;
    int failed;
    boolean retry;
    /** Why the last failed item failed. */
    String itemError;
    /** What the document needed mending for. */
    String warning;

    void failed(String why) {
      failed++;
      itemError = why;
    }
  }
}
