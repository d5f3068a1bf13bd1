package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Verdict;
import org.vedetta.testsupport.MutableClock;

/** The notifier against a real SMTP server (GreenMail) and a real database (H2, then PostgreSQL). */
class NotifierIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String BO = "bo@example.org";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private final Development troops = Developments.northKoreaTroops();
  private final Development treaty = Developments.venezuelaRatification();
  private final Development casualties = Developments.northKoreaCasualties();

  private Notifier notifier(MailSettings mail, Subscriber... subscribers) {
    return notifiers.open(TestNotifiers.builder(mail, clock, subscribers)
        .watchlists(List.of(Fixtures.NORTH_KOREA, Fixtures.TREATIES)));
  }

  private Notifier notifier(Subscriber... subscribers) {
    return notifier(TestNotifiers.smtp(SMTP), subscribers);
  }

  private static Subscriber ana() {
    return Fixtures.subscriber(ANA, "north_korea", null);
  }

  private static Subscriber bo() {
    return Fixtures.subscriber(BO, "treaties", null);
  }

  @Test
  void routesToMatchingSubscribersOnlyAndOnce() {
    Notifier notifier = notifier(ana(), bo());

    assertThat(notifier.accept(troops)).isEqualTo(1);
    assertThat(notifier.accept(troops)).isZero();
    assertThat(notifier.accept(treaty)).isEqualTo(1);
    Development d = casualties;
    assertThat(notifier.accept(new Development(d.schema(), "known-1", d.claimKey(), Verdict.KNOWN, d.severity(),
        d.headline(), d.claim(), d.evidence(), d.comparedFacts(), d.known(), d.knownFacts(), d.detectedAt())))
        .isZero();

    assertThat(notifier.pending(ANA)).isEqualTo(1);
    assertThat(notifier.pending(BO)).isEqualTo(1);
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email, DigestReceipt::items)
        .containsExactly(tuple(ANA, 1), tuple(BO, 1));
    assertThat(recipientsOf(SMTP.getReceivedMessages())).containsExactly(ANA, BO);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).text())
        .contains("North Korea — troop deployment: about 15,000 soldiers")
        .doesNotContain("Venezuela");
    assertThat(Mails.read(SMTP.getReceivedMessages()[1]).text())
        .contains("Venezuela — treaty ratified: Russia–Venezuela strategic partnership")
        .doesNotContain("North Korea");
  }

  @Test
  void aDevelopmentJudgedWrongLeavesEveryUnsentDigestAndIsNotQueuedAgain() throws Exception {
    Notifier notifier = notifier(ana(), Fixtures.subscriber(BO, "north_korea", null));
    notifier.accept(troops);
    notifier.accept(casualties);
    Correction wrong = Correction.of(troops, Correction.Decision.WRONG, Correction.Reason.WRONG_FIGURE,
        "3,000 were reinforcements", "an analyst", clock.instant());

    assertThat(notifier.correct(wrong)).as("pending digests it left").isEqualTo(2);
    assertThat(notifier.correct(wrong)).as("read twice").isZero();
    assertThat(notifier.accept(troops)).as("queued again by a replay").isZero();
    assertThat(notifier.pending(ANA)).isEqualTo(1);
    notifier.sendDigests();
    assertThat(SMTP.getReceivedMessages()).hasSize(2).allSatisfy(m -> assertThat(Mails.read(m).text())
        .contains("casualties").doesNotContain("about 15,000 soldiers"));

    Correction right = Correction.of(troops, Correction.Decision.RIGHT, null, "misjudged", "an analyst",
        clock.instant().plusSeconds(60));
    assertThat(notifier.correct(right)).as("queued again once judged right").isEqualTo(2);
    assertThat(notifier.pending(ANA)).isEqualTo(1);
  }

  @Test
  void acceptIsIdempotentAcrossThreads() throws Exception {
    Notifier notifier = notifier(ana(), Fixtures.subscriber(BO, "north_korea", null));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls = List.of(() -> notifier.accept(troops), () -> notifier.accept(troops),
          () -> notifier.accept(troops), () -> notifier.accept(troops));
      int queued = 0;
      for (Future<Integer> f : pool.invokeAll(calls)) {
        queued += f.get();
      }
      assertThat(queued).isEqualTo(2);
    } finally {
      pool.shutdown();
    }
    assertThat(notifier.pending(ANA)).isEqualTo(1);
    assertThat(notifier.pending(BO)).isEqualTo(1);
  }

  @Test
  void digestCarriesEveryDevelopmentInBothParts() throws Exception {
    Notifier notifier = notifier(ana(), bo());
    notifier.accept(casualties);
    notifier.accept(Developments.withSeverity(troops, 3));
    notifier.accept(treaty);

    List<DigestReceipt> receipts = notifier.sendDigests();

    assertThat(receipts).hasSize(2);
    DigestReceipt receipt = receipts.get(0);
    assertThat(receipt.email()).isEqualTo(ANA);
    assertThat(receipt.items()).isEqualTo(2);
    assertThat(receipt.where()).isEqualTo("smtp://127.0.0.1:" + SMTP.getSmtp().getPort());
    assertThat(receipt.sentAt()).isEqualTo(clock.instant());
    assertThat(receipt.messageId()).matches("<[0-9a-f]{16}@vedetta>");

    MimeMessage message = SMTP.getReceivedMessages()[0];
    assertThat(recipientsOf(new MimeMessage[] {message})).containsExactly(ANA);
    Mails mail = Mails.read(message);
    // The subject names the most severe development in the mail's own words.
    assertThat(mail.subject())
        .isEqualTo("Vedetta: 2 new developments — North Korea — casualties: at least 4,700 soldiers");
    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).contains("NEW", "CHANGED", "North Korea — casualties: at least 4,700 soldiers",
          "North Korea — troop deployment: about 15,000 soldiers", "sono stati schierati nella regione di Kursk.",
          " soldiers have been killed or wounded", troops.evidence().url(), casualties.evidence().url(), "ansa",
          "bbc", "North Korean losses rise in Kursk", "Corea del Nord, 15mila soldati a Kursk",
          "about 1,000 soldiers (January 2025)", "1 Nov 2025", "2 Nov 2025", "severity 4/5", "severity 3/5");
      assertThat(body.indexOf("CHANGED")).isLessThan(body.indexOf("NEW"));
    }
    assertThat(message.getHeader("Message-ID")).containsExactly(receipt.messageId());
    assertThat(message.getFrom()).containsExactly(new InternetAddress("vedetta@localhost"));
    assertThat(message.getSentDate().toInstant()).isEqualTo(clock.instant());
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

    assertThat(notifier.pending(ANA)).isZero();
    assertThat(notifier.sendDigests()).isEmpty();
    assertThat(notifier.sendDigest(ANA)).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  @Test
  void immediateAlertAtTheThresholdAndNotRepeatedInTheDigest() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", 5), Fixtures.subscriber(BO, "north_korea",
        null));

    notifier.accept(troops); // severity 4: below Ana's threshold, digest only
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    Development meeting = Developments.leaderMeeting(); // severity 5: at Ana's threshold
    assertThat(notifier.accept(meeting)).isEqualTo(2);
    assertThat(recipientsOf(SMTP.getReceivedMessages())).containsExactly(ANA);
    Mails alert = Mails.read(SMTP.getReceivedMessages()[0]);
    assertThat(alert.subject()).isEqualTo("Vedetta alert: North Korea — leader meeting");
    assertThat(alert.text()).startsWith("VEDETTA — Alert: 1 new development")
        .contains("arrived in Vladivostok for talks with Vladimir Putin.").doesNotContain("troop deployment");
    assertThat(notifier.pending(ANA)).isEqualTo(1);

    List<DigestReceipt> digests = notifier.sendDigests();

    assertThat(digests).extracting(DigestReceipt::email, DigestReceipt::items)
        .containsExactly(tuple(ANA, 1), tuple(BO, 2));
    Mails anasDigest = Mails.read(SMTP.getReceivedMessages()[1]);
    assertThat(anasDigest.subject())
        .isEqualTo("Vedetta: 1 new development — North Korea — troop deployment: about 15,000 soldiers");
    assertThat(anasDigest.text()).doesNotContain("leader meeting");
  }

  @Test
  void belowTheThresholdWaitsForTheDigestAtItAlertsAtOnce() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", 4));

    notifier.accept(Developments.withSeverity(troops, 3));
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(notifier.pending(ANA)).isEqualTo(1);

    notifier.accept(casualties); // severity 4 = the threshold
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).subject())
        .isEqualTo("Vedetta alert: North Korea — casualties: at least 4,700 soldiers");
    assertThat(notifier.pending(ANA)).isEqualTo(1);

    assertThat(notifier.sendDigests()).extracting(DigestReceipt::items).containsExactly(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[1]).text()).contains("troop deployment", "severity 3/5")
        .doesNotContain("casualties");
  }

  @Test
  void smtpDownLosesNothingAndEveryDigestGoesOutOnceItIsBack() throws IOException {
    int port = freePort();
    Notifier notifier = notifier(MailSettings.smtp("127.0.0.1", port), ana(), bo());
    notifier.accept(troops);
    notifier.accept(casualties);
    notifier.accept(treaty);

    assertThat(notifier.sendDigests()).isEmpty();
    assertThatThrownBy(() -> notifier.sendDigest(ANA)).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.email()).isEqualTo(ANA);
      assertThat(e.where()).isEqualTo("smtp://127.0.0.1:" + port);
    });
    assertThat(notifier.status()).extracting(MailStatus::email, MailStatus::pending, MailStatus::rejected)
        .containsExactly(tuple(ANA, 2, false), tuple(BO, 1, false));
    assertThat(notifier.status()).allSatisfy(s -> {
      assertThat(s.failures()).isPositive();
      assertThat(s.nextAttempt()).isAfter(clock.instant());
      assertThat(s.lastError()).contains("cannot connect");
      assertThat(s.lastSent()).isNull();
    });

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      clock.advance(Duration.ofMinutes(10));
      assertThat(notifier.retryFailed()).extracting(DigestReceipt::email, DigestReceipt::items)
          .containsExactly(tuple(ANA, 2), tuple(BO, 1));
      assertThat(notifier.retryFailed()).isEmpty();
      assertThat(notifier.sendDigests()).isEmpty();
      assertThat(recipientsOf(server.getReceivedMessages())).containsExactly(ANA, BO);
      assertThat(notifier.status()).allSatisfy(s -> {
        assertThat(s.pending()).isZero();
        assertThat(s.failures()).isZero();
        assertThat(s.lastError()).isNull();
        assertThat(s.lastSent()).isEqualTo(clock.instant());
      });
    } finally {
      server.stop();
    }
  }

  @Test
  void retryJobResendsAFailedDigestAfterItsBackoff() throws IOException {
    int port = freePort();
    Notifier notifier = notifier(MailSettings.smtp("127.0.0.1", port), ana());
    notifier.accept(troops);
    assertThat(notifier.sendDigests()).isEmpty();

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      assertThat(notifier.retryFailed()).isEmpty();
      clock.advance(Duration.ofMinutes(1));
      assertThat(notifier.retryFailed()).extracting(DigestReceipt::items).containsExactly(1);
      clock.advance(Duration.ofMinutes(5));
      assertThat(notifier.retryFailed()).isEmpty();
      assertThat(server.getReceivedMessages()).hasSize(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void aFailedImmediateAlertIsRetriedAsAnAlert() throws IOException {
    int port = freePort();
    Notifier notifier = notifier(MailSettings.smtp("127.0.0.1", port), Fixtures.subscriber(ANA, "north_korea", 5));
    notifier.accept(troops);
    notifier.accept(Developments.leaderMeeting());
    assertThat(notifier.pending(ANA)).isEqualTo(2);

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      clock.advance(Duration.ofMinutes(1));
      assertThat(notifier.retryFailed()).extracting(DigestReceipt::items).containsExactly(1);
      assertThat(Mails.read(server.getReceivedMessages()[0]).subject())
          .isEqualTo("Vedetta alert: North Korea — leader meeting");
      assertThat(notifier.pending(ANA)).isEqualTo(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void cronScheduleSendsTheDigest() {
    Subscriber ana = new Subscriber(ANA, "Ana", List.of("north_korea"), Fixtures.EVERY_SECOND,
        ZoneId.of("Asia/Pyongyang"), null, null);
    Notifier notifier = notifier(ana);
    notifier.accept(troops);

    notifier.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.getReceivedMessages().length == 1);
    notifier.close(); // waits for the job: the server has the mail a moment before the queue records it
    assertThat(notifier.pending(ANA)).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).text()).contains("Hello Ana,", "troop deployment");
  }

  @Test
  void firstDigestAtSendsOneDigestBeforeTheCronWould() {
    Notifier notifier = notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), Clock.systemUTC(),
            new Subscriber(ANA, null, List.of("north_korea"), "0 0 7 1 1 ? 2099", null, null, null))
        .firstDigestAt(Instant.now()));
    notifier.accept(troops);

    notifier.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.getReceivedMessages().length == 1);
    notifier.close();
    assertThat(notifier.pending(ANA)).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  void buildRejectsAnUnknownWatchlist() {
    assertThatThrownBy(() -> notifier(Fixtures.subscriber(ANA, "iran", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subscribers[0].watchlists[0]: unknown watchlist 'iran'; known: north_korea, treaties");
  }

  @Test
  void unknownSubscriberIsAnError() {
    Notifier notifier = notifier(ana());
    assertThatThrownBy(() -> notifier.sendDigest("eve@example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'eve@example.org' is not a subscriber");
  }

  static List<String> recipientsOf(MimeMessage[] messages) {
    List<String> recipients = new ArrayList<>();
    for (MimeMessage m : messages) {
      try {
        for (jakarta.mail.Address a : m.getAllRecipients()) {
          recipients.add(((InternetAddress) a).getAddress());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return recipients;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
