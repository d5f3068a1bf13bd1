package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.testsupport.MutableClock;
import org.vedetta.testsupport.TestDatabases;

/**
 * A notifier process killed while it mails (a {@link DyingNotifier} of its own, halted as {@code kill -9} would
 * end it), then a new one on the same database: an H2 file, or a PostgreSQL schema in the build's second run. A mail
 * recorded as sent is never sent again, even when the process died the instant it was recorded; a mail the server
 * accepted before the process died unrecorded goes out again with the same Message-ID, noted as a repeat.
 */
class KilledProcessIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  @TempDir
  Path dir;

  @RepeatedTest(3)
  void aMailRecordedTheInstantBeforeTheProcessDiedIsNotSentAgain() throws Exception {
    DataSource db = Fixtures.fileDatabase(dir);
    runUntilKilled("after-commit");
    assertThat(SMTP.getReceivedMessages()).hasSize(1);

    Notifier next = restart(db);
    assertThat(next.pending(DyingNotifier.ADDRESS)).isZero();
    assertThat(next.sendDigests()).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(next.status()).singleElement().satisfies(s -> {
      assertThat(s.lastSent()).isNotNull();
      assertThat(s.repeats()).isZero();
    });
  }

  @RepeatedTest(3)
  void aMailAcceptedButNotRecordedGoesOutOnceMoreWithTheSameMessageIdAndIsNotedAsARepeat() throws Exception {
    DataSource db = Fixtures.fileDatabase(dir);
    runUntilKilled("before-commit");
    assertThat(SMTP.getReceivedMessages()).hasSize(1);

    Notifier next = restart(db);
    assertThat(next.pending(DyingNotifier.ADDRESS)).isEqualTo(2);
    assertThat(next.sendDigests()).extracting(DigestReceipt::items).containsExactly(2);
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(mails[1].getMessageID()).isEqualTo(mails[0].getMessageID());
    assertThat(next.status()).singleElement().satisfies(s -> {
      assertThat(s.repeats()).isEqualTo(1);
      assertThat(s.pending()).isZero();
    });
  }

  /** Runs a {@link DyingNotifier} to its planned death; its output is in the test's directory. */
  private void runUntilKilled(String moment) throws IOException, InterruptedException {
    Path log = dir.resolve("dying-notifier.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DyingNotifier.class.getName(), moment,
        Fixtures.fileDatabaseUrl(dir), TestDatabases.postgresUser(), String.valueOf(SMTP.getSmtp().getPort()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("the notifier died where planned; its output:%n%s", Files.readString(log))
        .isEqualTo(DyingNotifier.HALTED);
  }

  /** A new process on the database the killed one left, an hour later. */
  private Notifier restart(DataSource db) {
    MutableClock clock = new MutableClock(DyingNotifier.START.plus(Duration.ofHours(2)));
    return notifiers.open(TestNotifiers.builder(db, TestNotifiers.smtp(SMTP), clock,
        Fixtures.subscriber(DyingNotifier.ADDRESS, "north_korea", null)));
  }
}
