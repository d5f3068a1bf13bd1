package org.vedetta.ingest.internal;

/**
 * An item a source offers this poll, before it becomes an article.
 *
 * @param item what the feed or listing says about it
 * @param page the item's page when already in hand (a single-page source), else {@code null}
 */
public record Candidate(FeedItem item, Fetched page) {

  public static Candidate of(FeedItem item) {
    return new Candidate(item, null);
  }
}
