package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/**
 * A server that refuses a recipient for good ({@code 550 5.1.1 ... User unknown}): the subscriber is parked, shown
 * as rejected with the server's words, keeps its items, is not retried, does not hold up anyone else, and gets
 * its digest once an operator releases it.
 */
class RejectedRecipientIT {

  // Ordered so that the notifiers are closed before the server stops.
  @RegisterExtension
  @Order(1)
  final RejectingGreenMail smtp = new RejectingGreenMail();

  @RegisterExtension
  @Order(2)
  final TestNotifiers notifiers = new TestNotifiers();

  private static final String ANA = "ana@example.org";
  private static final String BAD = "bad@example.org";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private Notifier notifier(Subscriber... subscribers) {
    return notifiers.open(TestNotifiers.builder(smtp.settings(), clock, subscribers));
  }

  private MailStatus status(Notifier notifier, String email) {
    return notifier.status().stream().filter(s -> s.email().equals(email)).findFirst().orElseThrow();
  }

  @Test
  void aRefusalIsLoggedOnceAsParkedNotAsARetry() {
    smtp.reject(BAD);
    Notifier notifier = notifier(Fixtures.subscriber(BAD, "north_korea", null));
    notifier.accept(Developments.northKoreaTroops());

    String log = stderrOf(notifier::sendDigests);

    assertThat(log.lines().filter(line -> line.contains(BAD))).singleElement()
        .satisfies(line -> assertThat(line).contains("refused mail to " + BAD + " for good", "parked")
            .doesNotContain("will retry"));
  }

  /** What the notifier logged (slf4j-simple writes to the standard error stream) while {@code work} ran. */
  private static String stderrOf(Runnable work) {
    PrintStream before = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedRecipientIsParkedVisibleAndNotRetriedUntilReleased() {
    smtp.reject(BAD);
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null),
        Fixtures.subscriber(BAD, "north_korea", null));
    notifier.accept(Developments.northKoreaTroops());
    notifier.accept(Developments.northKoreaCasualties());

    assertThatThrownBy(() -> notifier.sendDigest(BAD)).isInstanceOf(DeliveryException.class)
        .hasMessageContaining("550 5.1.1");
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email).containsExactly(ANA);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(NotifierIT.recipientsOf(smtp.getReceivedMessages())).containsExactly(ANA);
    MailStatus bad = status(notifier, BAD);
    assertThat(bad.rejected()).isTrue();
    assertThat(bad.lastError()).contains(RejectingGreenMail.reply(BAD));
    assertThat(bad.pending()).isEqualTo(2);
    assertThat(bad.nextAttempt()).isNull();
    assertThat(bad.failures()).isPositive();
    assertThat(bad.lastSent()).isNull();
    assertThat(status(notifier, ANA)).extracting(MailStatus::rejected, MailStatus::pending, MailStatus::lastError)
        .containsExactly(false, 0, null);

    // Retrying would not help: hours later the retry job still leaves it alone.
    for (int hour = 0; hour < 6; hour++) {
      clock.advance(Duration.ofHours(1));
      assertThat(notifier.retryFailed()).isEmpty();
    }
    // A new alert-worthy development for both: the healthy subscriber's alert goes out, the parked one waits.
    notifier.reconfigure(List.of(Fixtures.NORTH_KOREA),
        List.of(Fixtures.subscriber(ANA, "north_korea", 5), Fixtures.subscriber(BAD, "north_korea", 5)));
    assertThat(notifier.accept(Developments.leaderMeeting())).isEqualTo(2);
    assertThat(NotifierIT.recipientsOf(smtp.getReceivedMessages())).containsExactly(ANA, ANA);
    assertThat(status(notifier, BAD)).extracting(MailStatus::rejected, MailStatus::pending).containsExactly(true, 3);

    // The mailbox is fixed; the operator releases the address.
    smtp.accept(BAD);
    assertThat(notifier.release(BAD)).isTrue();
    assertThat(status(notifier, BAD)).extracting(MailStatus::rejected, MailStatus::failures, MailStatus::lastError)
        .containsExactly(false, 0, null);
    // The retry job's next run sends what failed: one digest with everything that waited, the alert included.
    assertThat(notifier.retryFailed()).extracting(DigestReceipt::email, DigestReceipt::items)
        .containsExactly(tuple(BAD, 3));
    assertThat(notifier.sendDigests()).isEmpty();
    assertThat(notifier.retryFailed()).isEmpty();
    assertThat(NotifierIT.recipientsOf(smtp.getReceivedMessages())).containsExactly(ANA, ANA, BAD);
    assertThat(status(notifier, BAD)).extracting(MailStatus::rejected, MailStatus::pending)
        .containsExactly(false, 0);
    assertThat(notifier.release(BAD)).isFalse();
  }

  @Test
  void theSchedulerSkipsAParkedSubscriberAndStillServesTheOthers() {
    smtp.reject(BAD);
    Notifier notifier = notifier(Fixtures.everySecond(ANA, "north_korea", false),
        Fixtures.everySecond(BAD, "north_korea", false));
    notifier.accept(Developments.northKoreaTroops());
    assertThatThrownBy(() -> notifier.sendDigest(BAD)).isInstanceOf(DeliveryException.class);

    notifier.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
    notifier.accept(Developments.northKoreaCasualties());
    await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);
    notifier.close();

    assertThat(NotifierIT.recipientsOf(smtp.getReceivedMessages())).containsExactly(ANA, ANA);
    MailStatus bad = status(notifier, BAD);
    assertThat(bad.rejected()).isTrue();
    assertThat(bad.failures()).as("the scheduler made no further attempt").isEqualTo(1);
    assertThat(bad.pending()).isEqualTo(2);
  }
}
