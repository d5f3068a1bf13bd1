package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.vedetta.notifier.MailSettings;

/** Sends through an SMTP server: one connection per mail, with the timeouts, TLS and login of the settings. */
public final class SmtpMailer implements Mailer {

  private final MailSettings.Smtp smtp;
  private final Session session;

  public SmtpMailer(MailSettings.Smtp smtp) {
    this.smtp = smtp;
    this.session = Session.getInstance(properties(smtp));
  }

  static Properties properties(MailSettings.Smtp smtp) {
    String protocol = smtp.ssl() ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    String timeout = Long.toString(smtp.timeout().toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", protocol);
    p.setProperty(prefix + "host", smtp.host());
    p.setProperty(prefix + "port", Integer.toString(smtp.port()));
    p.setProperty(prefix + "connectiontimeout", timeout);
    p.setProperty(prefix + "timeout", timeout);
    p.setProperty(prefix + "writetimeout", timeout);
    p.setProperty(prefix + "auth", Boolean.toString(smtp.username() != null));
    if (smtp.starttls()) {
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (smtp.starttls() || smtp.ssl()) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public Delivered send(Digest digest, MimeMessage message) throws MessagingException {
    try (Transport transport = session.getTransport()) {
      transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
      transport.sendMessage(message, message.getAllRecipients());
    }
    return new Delivered(describe(), null);
  }

  @Override
  public String describe() {
    return smtp.describe();
  }
}
