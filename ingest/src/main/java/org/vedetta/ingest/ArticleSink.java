package org.vedetta.ingest;

import org.vedetta.model.Article;

/**
 * Where ingest hands each new article, e.g. a Kafka producer that waits for the broker's acknowledgement.
 *
 * <p>{@link #publish} returns only once the article is durably accepted. When it throws, ingest records
 * nothing for that item, so the next poll publishes it again; ingest records an item as seen only after a
 * successful publish, and a crash in between republishes the same deterministic article id.
 */
@FunctionalInterface
public interface ArticleSink {

  /** Blocks until {@code article} is durably accepted; throws when it was not. */
  void publish(Article article) throws Exception;
}
