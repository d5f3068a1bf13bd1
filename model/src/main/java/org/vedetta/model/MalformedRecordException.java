package org.vedetta.model;

/** A topic value that cannot be decoded. Not retriable: the record goes to the dead-letter topic. */
public class MalformedRecordException extends RuntimeException {
  public MalformedRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
