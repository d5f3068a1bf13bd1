package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
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

  /**
   * A mail handed over.
   *
   * @param where      the {@code .eml} file or {@code smtp://host:port}
   * @param outboxFile the {@code .eml} file, or {@code null}
   */
  record Delivered(String where, String outboxFile) {}

  /** The mailer the settings ask for. */
  static Mailer from(MailSettings settings, Clock clock) {
    return settings.outbox() != null ? new OutboxMailer(settings.outbox(), clock) : new SmtpMailer(settings.smtp());
  }
}
