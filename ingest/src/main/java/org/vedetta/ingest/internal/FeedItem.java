package org.vedetta.ingest.internal;

import java.time.Instant;

/**
 * One entry of a feed or one link of a listing page, as plain values.
 *
 * @param guid        the entry's guid (RSS) or id (Atom), or {@code null}
 * @param link        absolute URL of the entry's page, or {@code null}
 * @param title       plain text, entities decoded; may be empty
 * @param text        description or content as plain text, paragraphs separated by blank lines; may be empty
 * @param publishedAt published date, else updated date, else {@code null}
 * @param language    ISO 639-1 language the feed declares, or {@code null}
 */
public record FeedItem(String guid, String link, String title, String text, Instant publishedAt, String language) {

  public FeedItem {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }

  /** An item known only by its link, e.g. from a listing page. */
  public static FeedItem link(String link, String title) {
    return new FeedItem(null, link, title, "", null, null);
  }

  /** What identifies the item within its source before its page is read: the guid, else the link. */
  public String key() {
    return guid != null ? guid : link;
  }
}
