package org.vedetta.ingest;

import java.time.Instant;

/**
 * How one source is doing, as {@link Ingest#health()} reports it. Times are by the ingest clock; health lives
 * in memory and starts afresh (healthy, never polled) when ingest starts.
 *
 * <p>A failed poll (the feed or page could not be fetched or read) doubles the wait before the next scheduled
 * poll: {@code poll_interval × 2^consecutiveFailures}, at most {@link IngestSettings#maxBackoff()}; a
 * {@code 429} or {@code 503} with {@code Retry-After} also holds the next poll until then. A successful poll
 * resets both. After {@link IngestSettings#unhealthyAfter()} consecutive failures the source is unhealthy
 * until a poll succeeds again. A poll that failed because the {@link ArticleSink} refused an article is not
 * the source's fault: it is shown in {@code lastError} but neither counts as a failure nor delays the source.
 *
 * @param sourceId            the source
 * @param healthy             false once {@code consecutiveFailures} reached {@code unhealthy_after}
 * @param consecutiveFailures failed polls since the last successful one
 * @param lastPoll            when the latest poll started, or {@code null} before the first
 * @param lastSuccess         when the latest successful poll started, or {@code null} if none succeeded yet
 * @param lastError           why the latest poll failed, naming the source and URL; {@code null} when it
 *                            succeeded or none ran
 * @param nextPollAt          earliest time the scheduler polls the source again (the end of its backoff or
 *                            {@code Retry-After} window); {@code null} before the first poll, meaning at once.
 *                            {@link Ingest#pollNow} does not wait for it
 * @param itemsLastPoll       items the feed or listing offered in the latest poll (0 when it answered
 *                            "not modified" or failed)
 * @param itemsFailedLastPoll items of the latest poll that could not be fetched or read (the poll itself may
 *                            have succeeded: one broken page fails its item only)
 * @param lastItemError       why the latest poll's last failed item failed, or {@code null}
 * @param warning             what the latest poll's document needed mending for to read, or {@code null}
 */
public record SourceHealth(
    String sourceId,
    boolean healthy,
    int consecutiveFailures,
    Instant lastPoll,
    Instant lastSuccess,
    String lastError,
    Instant nextPollAt,
    int itemsLastPoll,
    int itemsFailedLastPoll,
    String lastItemError,
    String warning) {

  /** A source whose items did not fail in the latest poll. */
  public SourceHealth(String sourceId, boolean healthy, int consecutiveFailures, Instant lastPoll, Instant lastSuccess,
      String lastError, Instant nextPollAt, int itemsLastPoll) {
    this(sourceId, healthy, consecutiveFailures, lastPoll, lastSuccess, lastError, nextPollAt, itemsLastPoll, 0, null,
        null);
  }

  /** A source not polled yet. */
  public static SourceHealth unpolled(String sourceId) {
    return new SourceHealth(sourceId, true, 0, null, null, null, null, 0);
  }
}
