package org.vedetta.ingest;

import java.time.Duration;

/**
 * What one poll of one source did.
 *
 * @param sourceId  the source
 * @param itemsSeen items the feed or listing offered this poll (0 when it answered "not modified")
 * @param published articles handed to the sink
 * @param failed    items that could not be fetched, extracted or published; they are retried later
 * @param took      wall time of the poll, by the ingest clock
 * @param error     why the poll as a whole failed, naming the source; {@code null} when it succeeded
 * @param itemError why the last failed item failed (bounded), or {@code null} when none failed
 * @param warning   what had to be mended for the document to read ("undeclared namespace prefixes dc, media"), or
 *                  {@code null}
 */
public record PollResult(String sourceId, int itemsSeen, int published, int failed, Duration took, String error,
    String itemError, String warning) {

  /** A poll whose items did not fail, or whose item failures are not described. */
  public PollResult(String sourceId, int itemsSeen, int published, int failed, Duration took, String error) {
    this(sourceId, itemsSeen, published, failed, took, error, null, null);
  }

  /** Whether the poll as a whole succeeded (some items may still have {@link #failed}). */
  public boolean succeeded() {
    return error == null;
  }
}
