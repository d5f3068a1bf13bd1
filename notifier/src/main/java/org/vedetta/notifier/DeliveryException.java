package org.vedetta.notifier;

/**
 * A mail could not be handed to the SMTP server or written to the outbox. Always retriable: its developments
 * stay queued, and the retry job tries again with backoff.
 */
public class DeliveryException extends RuntimeException {

  private final String email;
  private final String where;

  public DeliveryException(String email, String where, Throwable cause) {
    super("mail to " + email + " via " + where + " failed: " + cause.getMessage(), cause);
    this.email = email;
    this.where = where;
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
