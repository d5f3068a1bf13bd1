package org.vedetta.ingest.internal;

import java.net.http.HttpHeaders;

/**
 * The conditional-GET validators of a response, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so an unchanged feed costs a 304 and no parse.
 *
 * @param etag         the {@code ETag}, or {@code null}
 * @param lastModified the {@code Last-Modified} date as the server wrote it, or {@code null}
 */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);

  static Validators of(HttpHeaders headers) {
    return new Validators(headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
  }
}
