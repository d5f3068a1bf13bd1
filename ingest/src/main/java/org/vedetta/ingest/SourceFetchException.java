package org.vedetta.ingest;

import java.io.IOException;

/**
 * A source's URL could not be fetched: an HTTP error status, a refused target (scheme, private address,
 * redirect limit, body size) or a network failure. It names the source and the URL and says whether trying
 * again later may succeed.
 */
public class SourceFetchException extends IOException {

  private final String sourceId;
  private final String url;
  private final int status;
  private final boolean retriable;

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
    super("source '" + sourceId + "': " + url + ": " + detail
        + (retriable ? " (will retry)" : " (not retriable)"), cause);
    this.sourceId = sourceId;
    this.url = url;
    this.status = status;
    this.retriable = retriable;
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
}
