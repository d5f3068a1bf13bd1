package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/** New watchlists and subscribers apply without a restart; a bad configuration changes nothing. */
class ReconfigureIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String BO = "bo@example.org";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

  private Notifier notifier(Subscriber... subscribers) {
    return notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock, subscribers));
  }

  private static Subscriber withCron(String email, String watchlist, String cron) {
    return new Subscriber(email, null, List.of(watchlist), cron, ZoneId.of("Europe/Rome"), null, null);
  }

  private static List<String> recipients() {
    return NotifierIT.recipientsOf(SMTP.getReceivedMessages());
  }

  @Test
  void anAddedSubscriberGetsTheNextDevelopment() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null));
    assertThat(notifier.accept(Developments.northKoreaTroops())).isEqualTo(1);

    notifier.reconfigure(List.of(Fixtures.NORTH_KOREA, Fixtures.TREATIES),
        List.of(Fixtures.subscriber(ANA, "north_korea", null), Fixtures.subscriber(BO, "treaties", null)));

    assertThat(notifier.accept(Developments.venezuelaRatification())).isEqualTo(1);
    assertThat(notifier.pending(BO)).isEqualTo(1);
    assertThat(notifier.pending(ANA)).isEqualTo(1); // what was queued stays queued
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email).containsExactly(ANA, BO);
    assertThat(Mails.read(SMTP.getReceivedMessages()[1]).text()).contains("treaty ratified");
  }

  @Test
  void aChangedCronChangesTheNextDigest() {
    Notifier notifier = notifier(withCron(ANA, "north_korea", "0 0 7 * * ?"));
    assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-01-16T06:00:00Z"));

    notifier.reconfigure(List.of(Fixtures.NORTH_KOREA), List.of(withCron(ANA, "north_korea", "0 30 18 * * ?")));

    assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-01-15T17:30:00Z"));
    assertThat(notifier.status()).singleElement()
        .satisfies(s -> assertThat(s.nextDigest()).isEqualTo(Instant.parse("2026-01-15T17:30:00Z")));
  }

  @Test
  void anInvalidConfigurationIsRefusedWithEveryProblemAndTheOldOneKeepsWorking() {
    Notifier notifier = notifier(withCron(ANA, "north_korea", "0 0 7 * * ?"));

    assertThatThrownBy(() -> notifier.reconfigure(List.of(Fixtures.NORTH_KOREA), List.of(
        withCron(ANA, "north_korea", "0 30 18 * * ?"),
        withCron(BO, "iran", "every day"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subscribers[1].digest_cron: 'every day' is not a Quartz cron expression")
        .hasMessageContaining("subscribers[1].watchlists[0]: unknown watchlist 'iran'; known: north_korea");

    assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-01-16T06:00:00Z"));
    assertThatThrownBy(() -> notifier.nextDigestAt(BO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(notifier.accept(Developments.northKoreaTroops())).isEqualTo(1);
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email).containsExactly(ANA);
  }

  @Test
  void theRunningSchedulerFollowsAddedChangedAndRemovedSubscribers() {
    Notifier notifier = notifier(withEmptyDigest("0 0 7 1 1 ? 2099", ANA));
    notifier.start();

    // Ana's cron becomes every second, and Bo is added with one: both get their "nothing new" mails.
    notifier.reconfigure(List.of(Fixtures.NORTH_KOREA), List.of(withEmptyDigest(Fixtures.EVERY_SECOND, ANA),
        withEmptyDigest(Fixtures.EVERY_SECOND, BO)));
    await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(ANA) >= 1 && mailsTo(BO) >= 1);

    // Bo is removed: his digests stop while Ana's go on.
    notifier.reconfigure(List.of(Fixtures.NORTH_KOREA), List.of(withEmptyDigest(Fixtures.EVERY_SECOND, ANA)));
    int bos = mailsTo(BO);
    int anas = mailsTo(ANA);
    await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(ANA) >= anas + 3);
    notifier.close();

    // at most one job of Bo's may have been running when he was removed
    assertThat(mailsTo(BO)).isBetween(bos, bos + 1);
    assertThat(notifier.status()).filteredOn(s -> s.email().equals(BO)).singleElement()
        .satisfies(s -> assertThat(s.subscribed()).isFalse());
  }

  private static Subscriber withEmptyDigest(String cron, String email) {
    return new Subscriber(email, null, List.of("north_korea"), cron, ZoneId.of("Europe/Rome"), null, null, true);
  }

  private static int mailsTo(String email) {
    return (int) recipients().stream().filter(email::equals).count();
  }
}
