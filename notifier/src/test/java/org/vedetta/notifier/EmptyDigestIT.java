package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/**
 * A period without developments: by default nothing is sent; a subscriber who asked for it gets one "nothing new"
 * mail per scheduled slot. The scheduler fires every second here; see {@code internal.DeliveryIT} for one slot
 * fired twice.
 */
class EmptyDigestIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String BO = "bo@example.org";
  private static final String ADA = "ada@example.it";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));
  private final DataSource db = Fixtures.memoryDatabase();

  private Notifier notifier(Subscriber... subscribers) {
    return notifiers.open(TestNotifiers.builder(db, TestNotifiers.smtp(SMTP), clock, subscribers));
  }

  private static List<MimeMessage> mailsTo(String email) {
    return Mails.to(email, SMTP.getReceivedMessages());
  }

  @Test
  void byDefaultAnEmptyPeriodSendsNothing() {
    Notifier notifier = notifier(Fixtures.everySecond(ANA, "north_korea", false),
        Fixtures.everySecond(BO, "north_korea", true));

    notifier.start();
    // Bo's three mails prove three slots went by.
    await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(BO).size() >= 3);
    notifier.close();

    assertThat(mailsTo(ANA)).isEmpty();
    assertThat(notifier.status()).filteredOn(s -> s.email().equals(ANA)).singleElement()
        .satisfies(s -> assertThat(s.lastSent()).isNull());
  }

  @Test
  void aSubscriberWhoAskedGetsOneNothingNewMailPerSlotAndADigestWhenThereIsNews() throws Exception {
    Notifier notifier = notifier(Fixtures.everySecond(BO, "north_korea", true),
        new Subscriber(ADA, null, List.of("north_korea"), Fixtures.EVERY_SECOND, ZoneId.of("Europe/Rome"), null,
            "it", true));
    notifier.accept(Developments.northKoreaTroops());

    notifier.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(BO).size() >= 3 && mailsTo(ADA).size() >= 3);
    notifier.close();

    List<MimeMessage> bos = mailsTo(BO);
    // the first slot had news: a digest; the later ones say there is nothing new since then
    assertThat(Mails.read(bos.get(0)).subject()).startsWith("Vedetta: 1 new development — ");
    for (MimeMessage m : bos.subList(1, bos.size())) {
      Mails mail = Mails.read(m);
      assertThat(mail.subject()).isEqualTo("Vedetta: nothing new since 3 Nov 2025");
      assertThat(mail.text()).contains("Nothing new", "No new development on your watchlists since 3 Nov 2025.")
          .doesNotContain("troop deployment");
      assertThat(mail.html()).contains("No new development on your watchlists since 3 Nov 2025.");
    }
    List<MimeMessage> adas = mailsTo(ADA);
    assertThat(Mails.read(adas.get(adas.size() - 1)).subject()).isEqualTo("Vedetta: nessuna novità dal 3 nov 2025");

    // one mail per slot: every Message-ID differs, and each mail is in the sent log once
    Set<String> ids = new HashSet<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      assertThat(ids.add(m.getMessageID())).as("Message-ID %s twice", m.getMessageID()).isTrue();
    }
    assertThat(sentLog()).isEqualTo(SMTP.getReceivedMessages().length);
  }

  @Test
  void theFirstNothingNewMailSaysThereWasNothingYet() throws MessagingException {
    Notifier notifier = notifier(Fixtures.everySecond(BO, "north_korea", true));

    notifier.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(BO).size() >= 1);
    notifier.close();

    Mails first = Mails.read(mailsTo(BO).get(0));
    assertThat(first.text()).contains("No new development on your watchlists yet.");
    assertThat(first.subject()).isEqualTo("Vedetta: nothing new yet");
  }

  private int sentLog() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from notifier_digest")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
