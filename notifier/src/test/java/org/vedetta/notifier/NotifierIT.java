package org.vedetta.notifier;

import org.vedetta.testsupport.MutableClock;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.model.Development;
import org.vedetta.model.Verdict;

/** The notifier against a real SMTP server (GreenMail) and a real database (H2). */
class NotifierIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String BO = "bo@example.org";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));
  private final List<Notifier> notifiers = new ArrayList<>();

  private final Development troops = Developments.northKoreaTroops();
  private final Development treaty = Developments.venezuelaRatification();
  private final Development casualties = Developments.northKoreaCasualties();

  @AfterEach
  void closeNotifiers() {
    notifiers.forEach(Notifier::close);
  }

  private Notifier notifier(DataSource db, MailSettings mail, Subscriber... subscribers) {
    Notifier notifier = Notifier.builder()
        .watchlists(List.of(Fixtures.NORTH_KOREA, Fixtures.TREATIES))
        .subscribers(List.of(subscribers))
        .mail(mail)
        .dataSource(db)
        .clock(clock)
        .build();
    notifiers.add(notifier);
    return notifier;
  }

  private Notifier notifier(Subscriber... subscribers) {
    return notifier(Fixtures.memoryDatabase(), smtpSettings(), subscribers);
  }

  private static MailSettings smtpSettings() {
    return MailSettings.smtp("127.0.0.1", SMTP.getSmtp().getPort());
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
        d.headline(), d.claim(), d.evidence(), d.comparedFacts(), d.known(), d.detectedAt()))).isZero();

    assertThat(notifier.pending(ANA)).isEqualTo(1);
    assertThat(notifier.pending(BO)).isEqualTo(1);
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email, DigestReceipt::items)
        .containsExactly(tuple(ANA, 1), tuple(BO, 1));
    assertThat(recipientsOf(SMTP.getReceivedMessages())).containsExactly(ANA, BO);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).text()).contains(troops.headline())
        .doesNotContain(treaty.headline());
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
    notifier.accept(troops);
    notifier.accept(treaty);

    List<DigestReceipt> receipts = notifier.sendDigests();

    assertThat(receipts).hasSize(2);
    DigestReceipt receipt = receipts.get(0);
    assertThat(receipt.email()).isEqualTo(ANA);
    assertThat(receipt.items()).isEqualTo(2);
    assertThat(receipt.where()).isEqualTo("smtp://127.0.0.1:" + SMTP.getSmtp().getPort());
    assertThat(receipt.sentAt()).isEqualTo(clock.instant());
    assertThat(receipt.messageId()).matches("<[0-9a-f]{16}@vedetta>");

    MimeMessage message = SMTP.getReceivedMessagesForDomain("example.org")[0];
    Mails mail = Mails.read(message);
    assertThat(mail.subject()).startsWith("Vedetta: 2 new developments — ");
    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).contains("NEW", "CHANGED", troops.headline(), casualties.headline(),
          "circa 15.000 soldati nordcoreani", "At least 4,700 North Korean soldiers have been killed or wounded",
          troops.evidence().url(), casualties.evidence().url(), "ansa", "bbc", "about 1,000 soldiers, 2025-01");
    }
    assertThat(message.getHeader("Message-ID")).containsExactly(receipt.messageId());
    assertThat(message.getHeader("List-Unsubscribe"))
        .containsExactly("<mailto:vedetta@localhost?subject=unsubscribe>");
    assertThat(message.getFrom()).containsExactly(new InternetAddress("vedetta@localhost"));
    assertThat(message.getSentDate().toInstant()).isEqualTo(clock.instant());
    assertThat(message.getContentType()).startsWith("multipart/alternative");

    assertThat(notifier.pending(ANA)).isZero();
    assertThat(notifier.sendDigests()).isEmpty();
    assertThat(notifier.sendDigest(ANA)).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  @Test
  void articleMarkupIsEscapedInTheHtmlPart() {
    Notifier notifier = notifier(ana());
    notifier.accept(Developments.withSentence(troops, "<script>alert(1)</script> 15.000 <b>soldati</b> & più"));

    notifier.sendDigests();

    Mails mail = Mails.read(SMTP.getReceivedMessages()[0]);
    assertThat(mail.html()).doesNotContain("<script", "<b>soldati")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; 15.000 &lt;b&gt;soldati&lt;/b&gt; &amp; più");
    assertThat(mail.text()).contains("<script>alert(1)</script> 15.000 <b>soldati</b> & più");
  }

  @Test
  void headerValuesLoseTheirLineBreaks() throws Exception {
    Subscriber ana = new Subscriber(ANA, "Ana\r\nBcc: eve@example.org", List.of("north_korea"), "0 0 7 * * ?",
        ZoneId.of("UTC"), null, null);
    Notifier notifier = notifier(ana);
    Development d = troops;
    notifier.accept(new Development(d.schema(), d.id(), d.claimKey(), d.verdict(), d.severity(),
        "Troops\r\nBcc: eve@example.org", d.claim(), d.evidence(), d.comparedFacts(), d.known(), d.detectedAt()));

    notifier.sendDigests();

    MimeMessage message = SMTP.getReceivedMessages()[0];
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getSubject()).isEqualTo("Vedetta: 1 new development — Troops Bcc: eve@example.org");
    assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
        .isEqualTo("Ana Bcc: eve@example.org");
    assertThat(SMTP.getReceivedMessagesForDomain("example.org")).hasSize(1);
  }

  @Test
  void immediateAlertAtTheThresholdAndNotRepeatedInTheDigest() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", 5), Fixtures.subscriber(BO, "north_korea",
        null));

    notifier.accept(troops);
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    Development meeting = Developments.leaderMeeting();
    assertThat(notifier.accept(meeting)).isEqualTo(2);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    Mails alert = Mails.read(SMTP.getReceivedMessages()[0]);
    assertThat(alert.subject()).isEqualTo("Vedetta alert: " + meeting.headline());
    assertThat(alert.text()).contains(meeting.claim().sentence()).doesNotContain(troops.headline());
    assertThat(notifier.pending(ANA)).isEqualTo(1);

    List<DigestReceipt> digests = notifier.sendDigests();

    assertThat(digests).extracting(DigestReceipt::email, DigestReceipt::items)
        .containsExactly(tuple(ANA, 1), tuple(BO, 2));
    Mails anasDigest = Mails.read(SMTP.getReceivedMessages()[1]);
    assertThat(anasDigest.text()).contains(troops.headline()).doesNotContain(meeting.headline());
  }

  @Test
  void restartOnTheSameDatabaseSendsEachItemOnce(@TempDir Path dir) {
    DataSource db = Fixtures.fileDatabase(dir);
    Notifier first = notifier(db, smtpSettings(), ana());
    first.accept(troops);
    first.accept(casualties);
    first.close();
    Fixtures.shutDown(db);

    Notifier second = notifier(db, smtpSettings(), ana());
    assertThat(second.accept(troops)).isZero();
    assertThat(second.pending(ANA)).isEqualTo(2);
    assertThat(second.sendDigests()).hasSize(1);
    second.close();
    Fixtures.shutDown(db);

    Notifier third = notifier(db, smtpSettings(), ana());
    assertThat(third.accept(casualties)).isZero();
    assertThat(third.pending(ANA)).isZero();
    assertThat(third.sendDigests()).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    Fixtures.shutDown(db);
  }

  @Test
  void smtpDownLosesNothingAndTheDigestGoesOutOnceItIsBack() throws IOException {
    int port = freePort();
    Notifier notifier = notifier(Fixtures.memoryDatabase(), MailSettings.smtp("127.0.0.1", port), ana());
    notifier.accept(troops);
    notifier.accept(casualties);

    assertThat(notifier.sendDigests()).isEmpty();
    assertThatThrownBy(() -> notifier.sendDigest(ANA)).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.email()).isEqualTo(ANA);
      assertThat(e.where()).isEqualTo("smtp://127.0.0.1:" + port);
    });
    assertThat(notifier.pending(ANA)).isEqualTo(2);

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      assertThat(notifier.sendDigests()).extracting(DigestReceipt::items).containsExactly(2);
      assertThat(notifier.sendDigests()).isEmpty();
      assertThat(server.getReceivedMessages()).hasSize(1);
      assertThat(notifier.pending(ANA)).isZero();
    } finally {
      server.stop();
    }
  }

  @Test
  void retryJobResendsAFailedDigestAfterItsBackoff() throws IOException {
    int port = freePort();
    Notifier notifier = notifier(Fixtures.memoryDatabase(), MailSettings.smtp("127.0.0.1", port), ana());
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
    Notifier notifier = notifier(Fixtures.memoryDatabase(), MailSettings.smtp("127.0.0.1", port),
        Fixtures.subscriber(ANA, "north_korea", 5));
    notifier.accept(troops);
    notifier.accept(Developments.leaderMeeting());
    assertThat(notifier.pending(ANA)).isEqualTo(2);

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      clock.advance(Duration.ofMinutes(1));
      assertThat(notifier.retryFailed()).extracting(DigestReceipt::items).containsExactly(1);
      assertThat(Mails.read(server.getReceivedMessages()[0]).subject()).startsWith("Vedetta alert: ");
      assertThat(notifier.pending(ANA)).isEqualTo(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void cronScheduleSendsTheDigest() {
    Subscriber ana = new Subscriber(ANA, "Ana", List.of("north_korea"), "0/1 * * * * ?",
        ZoneId.of("Asia/Pyongyang"), null, null);
    Notifier notifier = notifier(ana);
    notifier.accept(troops);

    notifier.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.getReceivedMessages().length == 1);
    assertThat(notifier.pending(ANA)).isZero();
    notifier.close();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  void firstDigestAtSendsOneDigestBeforeTheCronWould() {
    Notifier notifier = Notifier.builder()
        .watchlists(List.of(Fixtures.NORTH_KOREA))
        .subscribers(List.of(new Subscriber(ANA, null, List.of("north_korea"), "0 0 7 1 1 ? 2099", null, null,
            null)))
        .mail(smtpSettings())
        .dataSource(Fixtures.memoryDatabase())
        .firstDigestAt(Instant.now())
        .build();
    notifiers.add(notifier);
    notifier.accept(troops);

    notifier.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> SMTP.getReceivedMessages().length == 1);
    assertThat(notifier.pending(ANA)).isZero();
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

  private static List<String> recipientsOf(MimeMessage[] messages) {
    List<String> recipients = new ArrayList<>();
    for (MimeMessage m : messages) {
      try {
        recipients.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return recipients;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
