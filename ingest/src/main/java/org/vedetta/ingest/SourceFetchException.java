package org.vedetta.ingest;

import java.io.IOException;
import java.time.Instant;

/**
 * A source's URL could not be fetched: an HTTP error status, a refused target (scheme, private address,
 * redirect limit, body size) or a network failure. It names the source and the URL and says whether trying
 * again later may succeed, and, when the server said so with {@code Retry-After} (or an earlier answer of the
 * same host did), not before when.
 */
public class SourceFetchException extends IOException {

  private final String sourceId;
  private final String url;
  private final int status;
  private final boolean retriable;
  private final Instant retryAfter;

  /** A failure described by its HTTP status alone. */
  public SourceFetchException(String sourceId, String url, int status, boolean retriable) {
    this(sourceId, url, status, retriable, "HTTP " + status, null);
  }

  /**
   * @param status HTTP status of the failing response, or 0 when no response was received
   * @param detail what went wrong, e.g. {@code "HTTP 503"} or {@code "connection refused"}
   */
  public SourceFetchException(
      String sourceId, String url, int status, boolean retriable, String detail, Throwable cause) {
    this(sourceId, url, status, retriable, detail, cause, null);
  }

  /**
   * @param status     HTTP status of the failing response, or 0 when no response was received
   * @param detail     what went wrong, e.g. {@code "HTTP 429, Retry-After 120s"}
   * @param retryAfter the earliest time to ask the host again, by the ingest clock, or {@code null} when the
   *                   host did not say
   */
  public SourceFetchException(String sourceId, String url, int status, boolean retriable, String detail,
      Throwable cause, Instant retryAfter) {
    super("source '" + sourceId + "': " + url + ": " + detail
        + (retriable ? " (will retry)" : " (not retriable)"), cause);
    this.sourceId = sourceId;
    this.url = url;
    this.status = status;
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  public String sourceId() {
    return sourceId;
  }

  /** The URL that failed; after a redirect, the hop that failed. */
  public String url() {
    return url;
  }

  /** HTTP status of the failing response, or 0 when no response was received. */
  public int status() {
    return status;
  }

  /** Whether the same request may succeed later (timeouts, 5xx, 429); false for 4xx and refused targets. */
  public boolean retriable() {
    return retriable;
  }

  /**
   * The earliest time the host wants to be asked again ({@code Retry-After} of a {@code 429} or {@code 503}),
   * or {@code null} when it did not say.
   */
  public Instant retryAfter() {
    return retryAfter;
  }
}
