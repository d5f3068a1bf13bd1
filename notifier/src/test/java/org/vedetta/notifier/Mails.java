package org.vedetta.notifier;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A received mail's parts, read back through Jakarta Mail.
 *
 * @param subject the decoded Subject
 * @param text    the text/plain alternative
 * @param html    the text/html alternative
 */
public record Mails(String subject, String text, String html) {

  /** The messages among {@code received} addressed to {@code email}, in the order they arrived. */
  public static List<MimeMessage> to(String email, MimeMessage[] received) {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage m : received) {
      if (NotifierIT.recipientsOf(new MimeMessage[] {m}).contains(email)) {
        to.add(m);
      }
    }
    return to;
  }

  public static Mails read(MimeMessage message) {
    try {
      Multipart alternative = (Multipart) message.getContent();
      String text = null;
      String html = null;
      for (int i = 0; i < alternative.getCount(); i++) {
        BodyPart part = alternative.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          text = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
          html = (String) part.getContent();
        }
      }
      return new Mails(message.getSubject(), text, html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
