package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.notifier.DigestReceipt;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.DeliveryListener;
import org.vedetta.notifier.DisplayNames;
import org.vedetta.notifier.Fixtures;
import org.vedetta.notifier.MailSettings;
import org.vedetta.notifier.Mails;
import org.vedetta.notifier.Subscriber;
import org.vedetta.testsupport.MutableClock;

/**
 * The scheduled digest of one slot, fired more than once (a misfire handled twice, or two nodes on one database):
 * one mail per slot.
 */
class DeliveryIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Instant SLOT = Instant.parse("2025-11-04T06:00:00Z");

  private final MutableClock clock = new MutableClock(SLOT.plusSeconds(2));
  private final DataSource db = Fixtures.memoryDatabase();
  private final Subscriber wantsEmpty = Fixtures.everySecond("ana@example.org", "north_korea", true);
  private final Subscriber quiet = Fixtures.everySecond("bo@example.org", "north_korea", false);

  /** The delivery of one notifier process on the shared database. */
  private Delivery node() throws Exception {
    QueueStore queue = new QueueStore(db);
    queue.migrate();
    Router router = new Router(List.of(Fixtures.NORTH_KOREA), List.of(wantsEmpty, quiet));
    MailComposer composer = new MailComposer(new DigestMessages(new InternetAddress("vedetta@localhost")),
        DisplayNames.fromIds(), "russia", new Corroborations(db), new Unsubscribes(db), null, d -> null);
    return new Delivery(queue, new RetryLog(db), new SendAttempts(db), () -> router, composer,
        new SmtpMailer(MailSettings.smtp("127.0.0.1", SMTP.getSmtp().getPort()).smtp()), clock,
        new DeliveryListener() {});
  }

  @Test
  void oneSlotSendsOneNothingNewMailHoweverOftenItFires() throws Exception {
    Delivery one = node();
    Delivery other = node();

    assertThat(one.sendScheduled(wantsEmpty, SLOT)).map(DigestReceipt::items).contains(0);
    assertThat(one.sendScheduled(wantsEmpty, SLOT)).isEmpty();
    assertThat(other.sendScheduled(wantsEmpty, SLOT)).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);

    clock.advance(Duration.ofDays(1));
    assertThat(other.sendScheduled(wantsEmpty, SLOT.plus(Duration.ofDays(1)))).isPresent();
    assertThat(one.sendScheduled(wantsEmpty, SLOT.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(SMTP.getReceivedMessages()[0].getMessageID())
        .isNotEqualTo(SMTP.getReceivedMessages()[1].getMessageID());
    assertThat(Mails.read(SMTP.getReceivedMessages()[1]).subject()).isEqualTo("Vedetta: nothing new since 4 Nov 2025");
  }

  @Test
  void aSlotWithNewsSendsTheDigestInstead() throws Exception {
    Delivery delivery = node();
    new QueueStore(db).enqueue(wantsEmpty.email(), Developments.northKoreaTroops(), false, clock.instant());

    assertThat(delivery.sendScheduled(wantsEmpty, SLOT)).map(DigestReceipt::items).contains(1);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(Mails.read(SMTP.getReceivedMessages()[0]).subject()).startsWith("Vedetta: 1 new development — ");
  }

  @Test
  void withoutTheWishAnEmptySlotSendsNothing() throws Exception {
    Delivery delivery = node();

    assertThat(delivery.sendScheduled(quiet, SLOT)).isEmpty();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
