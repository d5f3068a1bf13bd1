package org.vedetta.ingest.internal;

import java.util.List;

/** A source whose page is itself the article: one item, with the page already in hand. */
public final class SinglePageReader implements ItemReader {

  @Override
  public List<Candidate> read(Fetched page) {
    return List.of(new Candidate(FeedItem.link(page.url().toString(), ""), page));
  }
}
