package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/**
 * The SMTP settings against real servers: login, and TLS that refuses to fall back to plain text or to trust an
 * unknown certificate. A mail that cannot go out safely stays queued.
 */
class SmtpSecurityIT {

  private static final String ANA = "ana@example.org";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("vedetta", "right-password"));

  @RegisterExtension
  static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private Notifier notifier(MailSettings.Smtp smtp) {
    Notifier notifier = notifiers.open(TestNotifiers.builder(new MailSettings(null, smtp, "vedetta@example.org"),
        clock, Fixtures.subscriber(ANA, "north_korea", null)));
    notifier.accept(Developments.northKoreaTroops());
    return notifier;
  }

  private static MailSettings.Smtp smtp(int port, String user, String password, boolean starttls, boolean ssl) {
    return new MailSettings.Smtp("127.0.0.1", port, user, password, starttls, ssl, Duration.ofSeconds(10));
  }

  @Test
  void logsInWithTheConfiguredAccount() {
    SMTP.getUserManager().setAuthRequired(true);
    try {
      Notifier notifier = notifier(smtp(SMTP.getSmtp().getPort(), "vedetta", "right-password", false, false));

      assertThat(notifier.sendDigests()).hasSize(1);
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
    } finally {
      SMTP.getUserManager().setAuthRequired(false);
    }
  }

  @Test
  void aRefusedLoginKeepsTheDigestQueuedForARetry() {
    SMTP.getUserManager().setAuthRequired(true);
    try {
      Notifier notifier = notifier(smtp(SMTP.getSmtp().getPort(), "vedetta", "wrong-password", false, false));

      assertThatThrownBy(() -> notifier.sendDigest(ANA)).isInstanceOf(DeliveryException.class);
      assertThat(SMTP.getReceivedMessages()).isEmpty();
      assertThat(notifier.pending(ANA)).isEqualTo(1);
      MailStatus status = notifier.status().get(0);
      assertThat(status.failures()).isEqualTo(1);
      assertThat(status.rejected()).as("a login failure is the sender's problem, not the recipient's").isFalse();
      assertThat(status.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    } finally {
      SMTP.getUserManager().setAuthRequired(false);
    }
  }

  @Test
  void starttlsIsRequiredNotJustTried() {
    // This server does not offer STARTTLS: the mail must not go out in plain text.
    Notifier notifier = notifier(smtp(SMTP.getSmtp().getPort(), null, null, true, false));

    assertThatThrownBy(() -> notifier.sendDigest(ANA)).isInstanceOf(DeliveryException.class)
        .hasStackTraceContaining("STARTTLS");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(notifier.pending(ANA)).isEqualTo(1);
  }

  @Test
  void sslRefusesACertificateNobodyVouchesFor() {
    // GreenMail's SMTPS certificate is self-signed: trusting it would trust anyone in the middle.
    Notifier notifier = notifier(smtp(SMTPS.getSmtps().getPort(), null, null, false, true));

    assertThatThrownBy(() -> notifier.sendDigest(ANA)).isInstanceOf(DeliveryException.class)
        .hasStackTraceContaining("SSL");
    assertThat(SMTPS.getReceivedMessages()).isEmpty();
    assertThat(notifier.pending(ANA)).isEqualTo(1);
  }
}
