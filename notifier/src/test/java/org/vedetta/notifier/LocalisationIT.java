package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/** Each subscriber reads their mail in their language: words, numbers, dates and names. */
class LocalisationIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ADA = "ada@example.it";
  private static final String ANA = "ana@example.org";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private Notifier notifier(List<Subscriber> subscribers) {
    return notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock).subscribers(subscribers));
  }

  private static Subscriber subscriber(String email, String name, String language, Integer immediate) {
    return new Subscriber(email, name, List.of("north_korea"), "0 0 7 * * ?", ZoneId.of("Europe/Rome"), immediate,
        language);
  }

  private static Mails mailTo(String email) {
    List<MimeMessage> to = Mails.to(email, SMTP.getReceivedMessages());
    if (to.isEmpty()) {
      throw new AssertionError("no mail to " + email);
    }
    return Mails.read(to.get(0));
  }

  @Test
  void anItalianSubscriberReadsItalianAndAnEnglishOneEnglish() {
    Notifier notifier = notifier(List.of(subscriber(ADA, "Ada", "it", null), subscriber(ANA, "Ana", "en", null)));
    notifier.accept(Developments.northKoreaTroops());
    notifier.accept(Developments.withSeverity(Developments.northKoreaCasualties(), 3));

    notifier.sendDigests();

    Mails italian = mailTo(ADA);
    assertThat(italian.subject())
        .isEqualTo("Vedetta: 2 novità — Corea del Nord — dispiegamento di truppe: circa 15.000 soldati");
    for (String body : List.of(italian.text(), italian.html())) {
      assertThat(body).contains("Riepilogo: 2 novità", "Buongiorno Ada,", "NUOVO", "CAMBIATO", "gravità 4/5",
          "gravità 3/5", "Corea del Nord — dispiegamento di truppe: circa 15.000 soldati",
          "Corea del Nord — vittime: almeno 4.700 soldati", "2 nov 2025", "1 nov 2025",
          "Già noto:", "circa 1.000 soldati (gennaio 2025)",
          "Ora almeno 4.700 soldati: 370% sopra il dato noto più alto (circa 1.000 soldati).", "Fonte:",
          "Ricevi questa mail perché segui delle liste di controllo su Vedetta.",
          "Per non ricevere più queste mail, rivolgiti a chi gestisce il tuo Vedetta.");
      assertThat(body).doesNotContain("troop deployment", "severity", "Known before", "Source:", "North Korea —",
          "Nov 2025", "15,000");
    }
    assertThat(italian.html()).contains("<html lang=\"it\">");

    Mails english = mailTo(ANA);
    assertThat(english.subject())
        .isEqualTo("Vedetta: 2 new developments — North Korea — troop deployment: about 15,000 soldiers");
    for (String body : List.of(english.text(), english.html())) {
      assertThat(body).contains("Digest: 2 new developments", "Hello Ana,", "NEW", "CHANGED", "severity 4/5",
          "North Korea — casualties: at least 4,700 soldiers", "2 Nov 2025", "1 Nov 2025", "Known before:",
          "about 1,000 soldiers (January 2025)",
          "Now at least 4,700 soldiers: 370% above the highest known figure (about 1,000 soldiers).", "Source:");
      assertThat(body).doesNotContain("novità", "gravità", "Corea del Nord —", "soldati:");
    }
    assertThat(english.html()).contains("<html lang=\"en\">");
  }

  @Test
  void anItalianAlertHasAnItalianSubject() {
    Notifier notifier = notifier(List.of(subscriber(ADA, null, "it", 5)));

    notifier.accept(Developments.leaderMeeting());

    Mails alert = mailTo(ADA);
    assertThat(alert.subject()).isEqualTo("Vedetta, allerta: Corea del Nord — incontro tra leader");
    assertThat(alert.text()).startsWith("VEDETTA — Allerta: 1 novità").contains("3 nov 2025")
        .doesNotContain("Buongiorno");
  }

  @Test
  void aLanguageMailsAreNotWrittenInIsRejectedWithTheChoices() {
    assertThatThrownBy(() -> notifier(List.of(subscriber(ANA, null, "en", null), subscriber(ADA, null, "fr", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subscribers[1].language: mails are not written in 'fr' yet; choose one of en, it");
    assertThatThrownBy(() -> notifier(List.of(subscriber(ADA, null, "italiano", null))))
        .hasMessageContaining("subscribers[0].language: 'italiano' is not an ISO 639-1 language code");
  }
}
