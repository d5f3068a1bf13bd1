package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.model.Development;
import org.vedetta.model.TaggedArticle;
import org.vedetta.testsupport.MutableClock;

/**
 * How a digest reads: a section per watchlist and in it a group per entity, most severe first; each development
 * once; what changed against the known figure; the evidence with the mention and the figure highlighted; how many
 * other outlets carried it.
 */
class DigestLayoutIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String STRONG = "<strong style=\"background:#fef3c7;color:#111827;\">";

  private static final Watchlist ALLIES =
      new Watchlist("allies", "Allies", List.of("north_korea", "belarus"), null, null, null, null);
  private static final Watchlist VENEZUELA =
      new Watchlist("venezuela", "Venezuela", List.of("venezuela"), null, null, null, null);

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private final Development meeting = Developments.leaderMeeting(); // north_korea, 5
  private final Development troops = Developments.northKoreaTroops(); // north_korea, 4
  private final Development casualties = Developments.northKoreaCasualties(); // north_korea, 4, changed
  private final Development belarus = Developments.belarusArms(); // belarus, 3
  private final Development ratification = Developments.venezuelaRatification(); // venezuela, 3, a treaty

  /** Ana follows the treaties first, then the allies, then Venezuela. */
  private Notifier notifier() {
    return notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock,
            new Subscriber(ANA, null, List.of("treaties", "allies", "venezuela"), "0 0 7 * * ?",
                ZoneId.of("Europe/Rome"), null, "en"))
        .watchlists(List.of(Fixtures.TREATIES, ALLIES, VENEZUELA)));
  }

  private Mails digestOf(Development... developments) {
    Notifier notifier = notifier();
    for (Development d : developments) {
      notifier.accept(d);
    }
    notifier.sendDigests();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    return Mails.read(SMTP.getReceivedMessages()[0]);
  }

  private static TaggedArticle article(String id, String source, String origin, Development... repeats) {
    List<TaggedArticle.Corroboration> corroborations = new ArrayList<>();
    for (Development d : repeats) {
      corroborations.add(new TaggedArticle.Corroboration(d.id(), origin));
    }
    return new TaggedArticle(TaggedArticle.SCHEMA, id, source, "https://" + source + ".example/" + id, "Title " + id,
        "en", Instant.parse("2025-11-03T07:00:00Z"), List.of(), List.of(), origin, corroborations);
  }

  @Test
  void sectionsByWatchlistThenGroupsByEntityMostSevereFirst() {
    Mails mail = digestOf(ratification, belarus, troops, meeting);
    String text = mail.text();

    // Ana follows the treaties first, but the allies' section holds the most severe development.
    assertThat(text).containsSubsequence("== Allies ==", "-- North Korea --", "North Korea — leader meeting",
        "North Korea — troop deployment", "-- Belarus --", "Belarus — arms supply", "== Treaties with Russia ==",
        "-- Venezuela --", "Venezuela — treaty ratified");
    assertThat(mail.html()).containsSubsequence(">Allies<", ">North Korea<", "leader meeting", "troop deployment",
        ">Belarus<", "arms supply", ">Treaties with Russia<", ">Venezuela<", "treaty ratified");
    assertThat(text).containsSubsequence("1. NEW · severity 5/5", "2. NEW · severity 4/5", "1. NEW · severity 3/5");
    assertThat(mail.subject()).isEqualTo("Vedetta: 4 new developments — North Korea — leader meeting");
  }

  @Test
  void aDevelopmentOnTwoOfTheSubscribersWatchlistsAppearsOnceAndNamesTheOther() {
    Mails mail = digestOf(ratification, troops);

    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body.split("treaty ratified", -1)).as("occurrences + 1").hasSize(2);
      assertThat(body).containsSubsequence("Treaties with Russia", "treaty ratified", "Also on: Venezuela");
      assertThat(body.split("Also on:", -1)).hasSize(2);
    }
    assertThat(mail.text()).doesNotContain("== Venezuela ==");
  }

  @Test
  void saysWhatChangedAgainstTheKnownFigure() {
    Mails mail = digestOf(casualties, Developments.withSeverity(troops, 3));

    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).containsSubsequence("CHANGED", "North Korea — casualties: at least 4,700 soldiers",
          "Now at least 4,700 soldiers: 370% above the highest known figure (about 1,000 soldiers).",
          "Known before:", "about 1,000 soldiers (January 2025)", "NEW", "troop deployment");
      // a new figure without a known one has nothing to compare with
      assertThat(body.split("above the highest known figure", -1)).hasSize(2);
    }
  }

  @Test
  void highlightsTheMentionAndTheFigureFromTheClaimsOffsets() {
    Mails mail = digestOf(casualties, troops);

    assertThat(mail.text())
        .contains("\"Secondo l'intelligence sudcoreana, circa *15.000* soldati *nordcoreani* sono stati schierati"
            + " nella regione di Kursk.\"")
        .contains("\"At least *4,700* *North Korean* soldiers have been killed or wounded, Seoul's intelligence"
            + " service said.\"");
    assertThat(mail.html())
        .contains("circa " + STRONG + "15.000</strong> soldati " + STRONG + "nordcoreani</strong> sono stati")
        .contains("At least " + STRONG + "4,700</strong> " + STRONG + "North Korean</strong> soldiers");
  }

  @Test
  void countsOtherOutletsOncePerOutletAndPerOrigin() {
    Development casualties = Developments.withSeverity(this.casualties, 5);
    Notifier notifier = notifier();
    notifier.accept(troops);
    notifier.accept(casualties);
    notifier.accept(belarus);
    String ownArticle = troops.evidence().articleId();
    // two independent outlets carried the troop figure
    notifier.corroborate(article("r1", "reuters", "r1", troops));
    notifier.corroborate(article("c1", "corriere", "c1", troops));
    // none of these adds an outlet
    notifier.corroborate(article("r1", "reuters", "r1", troops)); // the same article, replayed
    notifier.corroborate(article("r2", "reuters", "r2", troops)); // the same outlet again
    notifier.corroborate(article("a2", "ansa", "a2", troops)); // the evidence's own outlet
    notifier.corroborate(article("p1", "portal", "r1", troops)); // a copy of Reuters' story
    notifier.corroborate(article("t1", "tass", ownArticle, troops)); // a copy of the evidence itself
    // one outlet carried the casualties
    notifier.corroborate(article("g1", "guardian", "g1", casualties, troops));

    notifier.sendDigests();

    Mails mail = Mails.read(SMTP.getReceivedMessages()[0]);
    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).containsSubsequence("casualties", "Also carried by 1 other outlet.", "troop deployment",
          "Also carried by 3 other outlets.", "arms supply");
      assertThat(body.split("Also carried by", -1)).as("no line for Belarus").hasSize(3);
    }
  }
}
