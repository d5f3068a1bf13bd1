package org.vedetta.notifier;

/**
 * The notifier's database failed. Nothing of the failed operation was committed, so it is retriable once the
 * database answers again: a caller consuming from Kafka should not commit the offset.
 */
public class QueueException extends RuntimeException {

  public QueueException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
