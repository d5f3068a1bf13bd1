package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.testsupport.MutableClock;

/**
 * A process that dies and starts again on the same database (an H2 file, or a PostgreSQL schema): nothing queued
 * is lost, nothing sent is sent again, and the one window where a mail may go out twice (accepted by the server,
 * not yet committed) repeats the same Message-ID and is recorded as a possible repeat.
 */
class CrashRecoveryIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";

  @TempDir
  Path dir;

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  /** A notifier process on {@code db}; {@link #crash} ends it. */
  private Notifier start(DataSource db) {
    return start(db, TestNotifiers.smtp(SMTP));
  }

  private Notifier start(DataSource db, MailSettings mail) {
    return notifiers.open(TestNotifiers.builder(db, mail, clock, Fixtures.subscriber(ANA, "north_korea", null)));
  }

  /** The process ends: its notifier is gone, and the H2 file is closed as a dying process leaves it. */
  private static void crash(Notifier notifier, DataSource db) {
    notifier.close();
    Fixtures.shutDown(db);
  }

  @Test
  void aCrashBeforeSendingLosesNothingAndTheNextProcessSendsEverythingOnce() throws MessagingException {
    DataSource db = Fixtures.fileDatabase(dir);
    Notifier first = start(db);
    first.accept(Developments.northKoreaTroops());
    first.accept(Developments.northKoreaCasualties());
    crash(first, db);

    Notifier second = start(db);
    assertThat(second.accept(Developments.northKoreaTroops())).isZero(); // replayed from Kafka: not queued again
    assertThat(second.pending(ANA)).isEqualTo(2);
    clock.advance(Duration.ofHours(1));
    assertThat(second.sendDigests()).extracting(DigestReceipt::items).containsExactly(2);
    crash(second, db);

    Notifier third = start(db);
    assertThat(third.accept(Developments.northKoreaCasualties())).isZero();
    assertThat(third.pending(ANA)).isZero();
    assertThat(third.sendDigests()).isEmpty();
    assertThat(third.retryFailed()).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).text()).contains("troop deployment", "casualties");
    assertThat(third.status()).singleElement().satisfies(s -> assertThat(s.repeats()).isZero());
    Fixtures.shutDown(db);
  }

  @Test
  void aDigestSlotMissedWhileTheServiceWasDownIsSentAsSoonAsItStartsAgain() {
    DataSource db = Fixtures.fileDatabase(dir);
    Notifier first = start(db); // 10:00 in Rome; Ana's digest is at 07:00 there
    first.accept(Developments.northKoreaTroops());
    first.accept(Developments.northKoreaCasualties());
    crash(first, db);

    clock.set(Instant.parse("2025-11-04T08:00:00Z")); // 09:00 in Rome: the 07:00 digest passed while down
    Notifier second = start(db);
    second.start();
    // The missed digest goes out on start, and is recorded as sent.
    await().atMost(Duration.ofSeconds(30)).until(() -> second.pending(ANA) == 0);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).text()).contains("troop deployment", "casualties");
    assertThat(second.status()).singleElement().satisfies(s -> assertThat(s.lastSent()).isEqualTo(clock.instant()));
    Fixtures.shutDown(db);
  }

  @Test
  void noDigestIsSentOnStartBeforeItsSlot() {
    DataSource db = Fixtures.fileDatabase(dir);
    Notifier first = start(db);
    first.accept(Developments.northKoreaTroops());
    crash(first, db);

    clock.set(Instant.parse("2025-11-04T05:30:00Z")); // 06:30 in Rome: the digest is still to come
    Notifier second = start(db);
    second.start();
    assertThat(SMTP.waitForIncomingEmail(3_000, 1)).isFalse();
    assertThat(second.pending(ANA)).isEqualTo(1);
    Fixtures.shutDown(db);
  }

  @Test
  void aCrashAfterTheServerAcceptedRepeatsTheSameMessageIdOnceAndRecordsIt() throws MessagingException {
    DataSource db = Fixtures.fileDatabase(dir);
    FailingCommits failing = new FailingCommits(db);
    Notifier first = start(failing);
    first.accept(Developments.northKoreaTroops());
    first.accept(Developments.northKoreaCasualties());

    // The process dies right after the server took the mail: the commit that records it never happens.
    failing.failNextCommitWhen(() -> SMTP.getReceivedMessages().length > 0);
    assertThatThrownBy(() -> first.sendDigest(ANA)).isInstanceOf(QueueException.class)
        .hasMessageContaining("simulated crash");
    assertThat(failing.failedCommits()).isEqualTo(1);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    crash(first, db);

    Notifier second = start(db);
    assertThat(second.pending(ANA)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(5));
    List<DigestReceipt> resent = second.sendDigests();
    assertThat(resent).extracting(DigestReceipt::items).containsExactly(2);
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    List<String> messageIds = messageIds(SMTP.getReceivedMessages());
    assertThat(messageIds).containsExactly(resent.get(0).messageId(), resent.get(0).messageId());
    assertThat(second.status()).singleElement().satisfies(s -> {
      assertThat(s.repeats()).isEqualTo(1);
      assertThat(s.pending()).isZero();
      assertThat(s.lastSent()).isEqualTo(clock.instant());
    });
    crash(second, db);

    Notifier third = start(db);
    assertThat(third.pending(ANA)).isZero();
    assertThat(third.sendDigests()).isEmpty();
    clock.advance(Duration.ofHours(2));
    assertThat(third.retryFailed()).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(third.status()).singleElement().satisfies(s -> assertThat(s.repeats()).isEqualTo(1));
    Fixtures.shutDown(db);
  }

  @Test
  void aFailedHandOverIsNotMistakenForARepeat() throws Exception {
    DataSource db = Fixtures.memoryDatabase();
    Notifier notifier = start(db, MailSettings.smtp("127.0.0.1", NotifierIT.freePort()));
    notifier.accept(Developments.northKoreaTroops());
    assertThat(notifier.sendDigests()).isEmpty(); // nobody listens: certainly not handed over
    notifier.close();

    Notifier next = start(db);
    assertThat(next.sendDigests()).hasSize(1);
    assertThat(next.status()).singleElement().satisfies(s -> assertThat(s.repeats()).isZero());
  }

  private static List<String> messageIds(MimeMessage[] messages) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : messages) {
      ids.addAll(Arrays.asList(m.getHeader("Message-ID")));
    }
    return ids;
  }
}
