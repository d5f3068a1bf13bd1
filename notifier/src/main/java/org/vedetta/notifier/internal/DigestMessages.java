package org.vedetta.notifier.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;
import org.vedetta.notifier.Subscriber;

/**
 * Turns a rendered {@link Digest} into a MIME message: multipart/alternative (text, then HTML), UTF-8, with
 * From, To, Subject, Date, the digest's deterministic Message-ID, and {@code List-Unsubscribe} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058) when there is an unsubscribe link.
 * Header values are stripped of line breaks.
 */
public final class DigestMessages {

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

  private final InternetAddress from;

  public DigestMessages(InternetAddress from) {
    this.from = from;
  }

  /** @param unsubscribe the http(s) link that unsubscribes with one POST, or {@code null} */
  public MimeMessage compose(Session session, Digest digest, DigestTemplates.Rendered rendered, String unsubscribe)
      throws MessagingException {
    Subscriber to = digest.subscriber();
    MimeMessage message = new FixedIdMessage(session, digest.messageId());
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, address(to));
    message.setSubject(headerValue(rendered.subject()), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(digest.createdAt()));
    if (unsubscribe != null) {
      message.setHeader("List-Unsubscribe", "<" + headerValue(unsubscribe) + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    message.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** A header value on one line: every run of line breaks becomes one space. */
  static String headerValue(String value) {
    return value == null ? null : LINE_BREAKS.matcher(value).replaceAll(" ").strip();
  }

  private static InternetAddress address(Subscriber subscriber) throws MessagingException {
    String name = headerValue(subscriber.name());
    try {
      return name == null || name.isEmpty()
          ? new InternetAddress(subscriber.email(), true)
          : new InternetAddress(subscriber.email(), name, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is supported by every Java runtime", e);
    }
  }

  /** Keeps its Message-ID: {@link MimeMessage#saveChanges()} would otherwise make a random one. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
