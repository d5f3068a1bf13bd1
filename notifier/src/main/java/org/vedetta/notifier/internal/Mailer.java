package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Optional;
import org.vedetta.notifier.MailSettings;

/** Hands a composed mail over: to an SMTP server, or to a directory. */
public interface Mailer {

  /** The session messages for this mailer are composed in. */
  Session session();

  /**
   * Hands the message over.
   *
   * @return where it went
   * @throws MessagingException when it could not be handed over; the caller keeps the items and retries
   */
  Delivered send(Digest digest, MimeMessage message) throws MessagingException;

  /** Where mail goes, for messages: the outbox directory or {@code smtp://host:port}. */
  String describe();

  /** Whether mail can leave now, without sending any: empty when it can, else what is wrong. */
  Optional<String> check();

  /** Releases what has been idle for a while (open connections); called every minute. */
  default void closeIdle() {}

  /** Releases everything held open. */
  default void close() {}

  /**
   * A mail handed over.
   *
   * @param where      the {@code .eml} file or {@code smtp://host:port}
   * @param outboxFile the {@code .eml} file, or {@code null}
   */
  record Delivered(String where, String outboxFile) {}

  /** The mail was certainly not handed over (e.g. the server could not be reached): nothing can repeat it. */
  final class NotSent extends MessagingException {
    public NotSent(String message, Exception cause) {
      super(message, cause);
    }
  }

  /**
   * The server refused the mail for good: a 5xx reply, such as {@code 550 5.1.1 user unknown} for the recipient.
   * Retrying would not help; the subscriber is parked until an operator releases them.
   */
  final class Rejected extends MessagingException {
    private final int code;

    public Rejected(int code, String message, Exception cause) {
      super(message, cause);
      this.code = code;
    }

    /** The SMTP reply code, 500–599. */
    public int code() {
      return code;
    }
  }

  /** The mailer the settings ask for. */
  static Mailer from(MailSettings settings, Clock clock) {
    return settings.outbox() != null ? new OutboxMailer(settings.outbox(), clock) : new SmtpMailer(settings.smtp());
  }
}
