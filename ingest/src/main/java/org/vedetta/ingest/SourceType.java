package org.vedetta.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a source's URL serves; written {@code rss} or {@code html} in {@code sources.yml}. */
public enum SourceType {

  /** An RSS (0.9x, 1.0, 2.0) or Atom feed; each entry is an item. */
  @JsonProperty("rss")
  RSS,

  /** An HTML page: one article, or with a {@code link_selector} a listing whose links are the articles. */
  @JsonProperty("html")
  HTML;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
