package org.vedetta.ingest.internal;

/** A fetched document could not be read: a malformed feed, a listing without links, a page without text. */
public final class DocumentException extends Exception {

  public DocumentException(String message) {
    super(message);
  }

  public DocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
