package org.vedetta.ingest.internal;

import java.util.List;

/** The parse stage: what items a source's document offers, in document order. */
@FunctionalInterface
public interface ItemReader {

  List<Candidate> read(Fetched document) throws DocumentException;

  /**
   * The items, with what had to be mended in the document for them to read (a feed's undeclared prefixes), for
   * the source's health.
   *
   * @param candidates the items, in document order
   * @param repairs    what was mended, or nothing
   */
  record Items(List<Candidate> candidates, List<String> repairs) {}

  /** The items and what was mended to read them; readers that mend nothing give {@link #read}'s items. */
  default Items readItems(Fetched document) throws DocumentException {
    return new Items(read(document), List.of());
  }
}
