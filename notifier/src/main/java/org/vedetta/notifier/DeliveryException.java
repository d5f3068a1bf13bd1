package org.vedetta.notifier;

/**
 * A mail could not be handed to the SMTP server or written to the outbox. Its developments stay queued: the retry
 * job tries again with backoff, unless the server refused the address for good ({@link #parked}), which waits for
 * an operator.
 */
public class DeliveryException extends RuntimeException {

  private final String email;
  private final String where;
  private final boolean parked;

  /** A failure that may pass: the mail is retried. */
  public DeliveryException(String email, String where, Throwable cause) {
    this(email, where, cause, false);
  }

  /** @param parked the server refused the address for good: no retry until an operator releases it */
  public DeliveryException(String email, String where, Throwable cause, boolean parked) {
    super("mail to " + email + " via " + where + " failed: " + cause.getMessage(), cause);
    this.email = email;
    this.where = where;
    this.parked = parked;
  }

  /** Whether the address was parked (and logged as such) rather than left for a retry. */
  public boolean parked() {
    return parked;
  }

  /** The subscriber the mail was for. */
  public String email() {
    return email;
  }

  /** The outbox directory or {@code smtp://host:port}. */
  public String where() {
    return where;
  }
}
