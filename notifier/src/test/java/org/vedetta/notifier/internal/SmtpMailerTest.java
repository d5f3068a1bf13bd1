package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures park a subscriber, which are retried, and which may have delivered the mail. */
class SmtpMailerTest {

  private static final InternetAddress ANA = address("ana@example.org");

  @Test
  void aPermanentRefusalOfTheRecipientIsARejection() {
    MessagingException e = invalid(new SMTPAddressFailedException(ANA, "RCPT TO:<ana@example.org>", 550,
        "550 5.1.1 <ana@example.org>: User unknown"));

    MessagingException classified = SmtpMailer.classified(e);

    assertThat(classified).isInstanceOfSatisfying(Mailer.Rejected.class, r -> {
      assertThat(r.code()).isEqualTo(550);
      assertThat(r.getMessage()).contains("550 5.1.1");
    });
  }

  @Test
  void aTemporaryRefusalOfTheRecipientWasCertainlyNotSent() {
    MessagingException e = invalid(new SMTPAddressFailedException(ANA, "RCPT TO:<ana@example.org>", 452,
        "452 4.2.2 Mailbox full"));

    assertThat(SmtpMailer.classified(e)).isInstanceOf(Mailer.NotSent.class);
  }

  @Test
  void aRefusedSenderOrContentParksNobody() {
    MessagingException sender = new SMTPSenderFailedException(address("vedetta@example.org"),
        "MAIL FROM:<vedetta@example.org>", 553, "553 5.7.1 Sender address rejected");
    MessagingException content = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam",
        null, new Address[0], new Address[0], new Address[0]);

    assertThat(SmtpMailer.classified(sender)).isInstanceOf(Mailer.NotSent.class);
    assertThat(SmtpMailer.classified(content)).isInstanceOf(Mailer.NotSent.class);
  }

  @Test
  void aFailureWithoutAnAnswerMayHaveDelivered() {
    MessagingException timeout = new MessagingException("Exception reading response",
        new java.net.SocketTimeoutException("Read timed out"));

    assertThat(SmtpMailer.classified(timeout)).isSameAs(timeout)
        .isNotInstanceOf(Mailer.NotSent.class).isNotInstanceOf(Mailer.Rejected.class);
  }

  /** How Angus Mail reports refused recipients: a SendFailedException chaining one exception per address. */
  private static MessagingException invalid(SMTPAddressFailedException refusal) {
    return new SendFailedException("Invalid Addresses", refusal);
  }

  private static InternetAddress address(String email) {
    try {
      return new InternetAddress(email);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
