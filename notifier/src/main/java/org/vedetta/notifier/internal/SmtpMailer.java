package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.vedetta.notifier.MailSettings;

/**
 * Sends through an SMTP server with the timeouts, TLS and login of the settings, keeping connections open
 * between mails (one per concurrent sender) so a run of digests does not pay a connection and greeting per mail.
 */
public final class SmtpMailer implements Mailer {

  /** How far a chain of nested exceptions is followed; a chain that loops must not hang a sender. */
  private static final int MAX_CHAIN = 16;

  /** Connections idle for longer are closed rather than reused (servers drop idle clients after minutes). */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

  private final MailSettings.Smtp smtp;
  private final Session session;
  private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();

  /** An open connection and since when it waits. */
  private record Idle(Transport transport, long since) {}

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
    if (!smtp.ssl()) {
      p.put(prefix + "socketFactory", new NoDelaySockets());
    }
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

  /**
   * Sends over an open connection when one is idle and still answers (a NOOP), else over a new one; the
   * connection is kept for the next mail unless something failed. A failure to connect or log in throws
   * {@link Mailer.NotSent}; for the other failures see {@link #classified}.
   */
  @Override
  public Delivered send(Digest digest, MimeMessage message) throws MessagingException {
    Transport transport = borrow();
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      closeQuietly(transport);
      throw classified(e);
    } catch (RuntimeException e) {
      closeQuietly(transport);
      throw e;
    }
    idle.offerFirst(new Idle(transport, System.nanoTime()));
    return new Delivered(describe(), null);
  }

  /** Opens a connection (greeting, TLS, login) and closes it again. */
  @Override
  public Optional<String> check() {
    Transport transport = null;
    try {
      transport = session.getTransport();
      transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
      return Optional.empty();
    } catch (MessagingException e) {
      return Optional.of("cannot connect to " + describe() + ": " + e.getMessage());
    } finally {
      if (transport != null) {
        closeQuietly(transport);
      }
    }
  }

  /** Closes connections idle for longer than {@link #IDLE_LIMIT}; the retry job calls it every minute. */
  @Override
  public void closeIdle() {
    long now = System.nanoTime();
    for (Idle connection : List.copyOf(idle)) {
      if (now - connection.since() > IDLE_LIMIT.toNanos() && idle.remove(connection)) {
        closeQuietly(connection.transport());
      }
    }
  }

  @Override
  public void close() {
    for (Idle connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
      closeQuietly(connection.transport());
    }
  }

  private Transport borrow() throws MessagingException {
    long now = System.nanoTime();
    for (Idle connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
      // isConnected() asks the server with a NOOP: a connection it dropped is never used for a mail.
      if (now - connection.since() <= IDLE_LIMIT.toNanos() && connection.transport().isConnected()) {
        return connection.transport();
      }
      closeQuietly(connection.transport());
    }
    Transport transport = session.getTransport();
    try {
      transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
      return transport;
    } catch (MessagingException e) {
      closeQuietly(transport);
      throw new NotSent("cannot connect to " + describe() + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // The connection is being dropped either way.
    }
  }

  /**
   * What a failed transfer means. A 5xx for the recipient (RCPT TO) is a {@link Mailer.Rejected}: that address
   * will not take mail. Any other refusal the server answered (4xx for the recipient, a refused sender, a reply
   * to the data) is a {@link Mailer.NotSent}: nothing was delivered, and trying again later may work (a refused
   * sender or content is the operator's problem, not the subscriber's, so it does not park anybody). A failure
   * without a reply (a timeout after the data) stays a plain {@link MessagingException}: the server may have
   * taken the mail.
   */
  static MessagingException classified(MessagingException e) {
    int recipientCode = 0;
    boolean answered = false;
    int hops = 0;
    for (Exception x = e; x != null && hops++ < MAX_CHAIN;
        x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) {
        recipientCode = Math.max(recipientCode, a.getReturnCode());
        answered = true;
      } else if (x instanceof SMTPSendFailedException || x instanceof SMTPSenderFailedException) {
        answered = true;
      }
    }
    if (recipientCode >= 500 && recipientCode < 600) {
      return new Rejected(recipientCode, "refused with " + recipientCode + ": " + firstLine(e), e);
    }
    return answered ? new NotSent("refused: " + firstLine(e), e) : e;
  }

  private static String firstLine(MessagingException e) {
    int hops = 0;
    for (Exception x = e; x != null && hops++ < MAX_CHAIN;
        x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException
          || x instanceof SMTPSenderFailedException) {
        return x.getMessage() == null ? x.toString() : x.getMessage().strip();
      }
    }
    return e.getMessage();
  }

  @Override
  public String describe() {
    return smtp.describe();
  }
}
