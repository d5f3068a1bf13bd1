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

  /**
   * What identifies the item within its source before its page is read: the guid, else the link in its
   * {@link CanonicalUrl canonical} form (no tracking parameters, no fragment), so the same link dressed
   * differently on the next fetch is the same item; {@code null} when the item has neither.
   */
  public String key() {
    if (guid != null) {
      return guid;
    }
    if (link == null) {
      return null;
    }
    try {
      return CanonicalUrl.of(link);
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  /**
   * The item's {@link ContentKey} from what the feed says (title and text), or {@code null} when it says
   * nothing; a listing's link-only items have none.
   */
  public String contentKey() {
    return text.isEmpty() ? null : ContentKey.of(title, text);
  }
}
