package org.vedetta.ingest.internal;

import java.net.URI;

/**
 * A fetched document, or the news that it did not change.
 *
 * @param url         the URL that answered, after redirects; the base for relative links
 * @param status      200-class, or 304 when the document did not change since {@code validators} were sent
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param body        the decoded (un-gzipped) body; empty for a 304
 * @param validators  what to send next time to ask "changed since?"
 */
public record Fetched(URI url, int status, String contentType, byte[] body, Validators validators) {

  public Fetched {
    body = body == null ? new byte[0] : body;
    validators = validators == null ? Validators.NONE : validators;
  }

  /** A document given directly, e.g. a page already in hand. */
  public static Fetched of(URI url, String contentType, byte[] body) {
    return new Fetched(url, 200, contentType, body, Validators.NONE);
  }

  public boolean notModified() {
    return status == 304;
  }
}
