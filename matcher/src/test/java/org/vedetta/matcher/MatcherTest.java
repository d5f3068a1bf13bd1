package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.EntityKind;
import org.vedetta.model.Mention;
import org.vedetta.model.Qualifier;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Verdict;

class MatcherTest {

  private final Matcher matcher = Knowledge.matcher();

  static Stream<Path> seeds() throws IOException {
    return Files.list(Knowledge.DIR.resolve("seeds")).filter(p -> p.toString().endsWith(".txt")).sorted();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aSeedArticleTellsNothingNew(Path seed) throws IOException {
    String text = Files.readString(seed, StandardCharsets.UTF_8);
    MatchResult result = matcher.match(Knowledge.article("seed", "https://example.org/" + seed.getFileName(), "",
        text, "2025-10-28T10:00:00Z"));

    assertThat(result.tagged()).isPresent();
    assertThat(result.assessments()).isNotEmpty();
    assertThat(result.developments()).as("developments read from %s", seed.getFileName()).isEmpty();
  }

  @Test
  void findsMentionsWithOffsetsInTheOriginalText() {
    String text = "Le truppe nordcoreane e il presidente Nicolás Maduro; l'ONU e la Bielorussia.";
    Article a = Knowledge.article("t", "https://example.org/m", "Kim Jong Un a Mosca", text, "2026-11-24T08:00:00Z");

    List<Mention> mentions = matcher.analyze(a).tagged().orElseThrow().mentions();

    assertThat(mentions).extracting(Mention::entityId).contains("north_korea", "russia", "nicolas_maduro", "belarus");
    assertThat(mentions).allSatisfy(m -> {
      String source = m.inTitle() ? a.title() : a.text();
      assertThat(source.substring(m.start(), m.end())).isEqualTo(m.surface());
    });
    assertThat(mentions).filteredOn(m -> m.entityId().equals("nicolas_maduro")).extracting(Mention::surface)
        .containsExactly("Nicolás Maduro");
  }

  @Test
  void aNewTroopFigureIsAChangedDevelopmentWithItsEvidence() {
    String text = "Secondo il NIS sudcoreano, circa 15.000 soldati nordcoreani sono stati schierati in Russia.";
    MatchResult result = matcher.match(Knowledge.article("wire", "https://example.org/15k", "Nuove stime", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.developments()).singleElement().satisfies(d -> {
      assertThat(d.verdict()).isEqualTo(Verdict.CHANGED);
      assertThat(d.claimKey()).isEqualTo("north_korea|troop_deployment|russia|-");
      assertThat(d.claim().quantity().low()).isEqualTo(15_000);
      assertThat(d.claim().quantity().qualifier()).isEqualTo(Qualifier.ABOUT);
      assertThat(d.claim().sentence()).isEqualTo(text);
      assertThat(d.known()).contains("10,000–12,000");
      assertThat(d.evidence().url()).isEqualTo("https://example.org/15k");
      assertThat(d.headline()).contains("North Korea").contains("15,000");
    });
  }

  @Test
  void knownFiguresAndRecalledHistoryAreNotNews() {
    String text = """
        Le intelligence avevano indicato che la Corea del Nord aveva schierato tra i 10.000 e i 12.000 soldati in Russia.
        Il trattato di partenariato strategico tra Mosca e Pyongyang è stato firmato il 19 giugno 2024.
        In June 2024 Russia and North Korea signed a treaty of mutual defence.""";
    MatchResult result = matcher.match(Knowledge.article("wire", "https://example.org/old", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).extracting(a -> a.claim().event())
        .contains("troop_deployment", "treaty_signed");
    assertThat(result.assessments()).allSatisfy(a -> assertThat(a.verdict()).isEqualTo(Verdict.KNOWN));
    assertThat(result.developments()).isEmpty();
  }

  @Test
  void anEventCalledRecentIsBackgroundToTheNews() {
    String text = """
        Vladimir Poutine a signé une loi ratifiant l'accord logistique avec l'Inde.
        Cette décision intervient peu après la récente visite de Vladimir Poutine à New Delhi.""";
    MatchResult result = matcher.match(Knowledge.article("wire", "https://example.org/relos", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("leader_meeting"))
        .singleElement().satisfies(a -> assertThat(a.verdict()).isEqualTo(Verdict.KNOWN));
    assertThat(result.developments()).extracting(d -> d.claim().event()).doesNotContain("leader_meeting");
  }

  @Test
  void whatTheHeadlineNamesAsAReasonIsNotTheArticlesNews() {
    String text = """
        The European Union adopted new sanctions against Iranian companies on Monday.

        The measures freeze the assets of three firms and two people.

        One of the firms, the Treasury says, supplies Shahed drones to Russia for its war against Ukraine.""";
    MatchResult result = matcher.match(Knowledge.article("wire", "https://example.org/eu-iran",
        "EU sanctions Iranian firms for supplying drones to Russia", text, "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("arms_supply")).isNotEmpty()
        .allSatisfy(a -> assertThat(a.verdict()).isEqualTo(Verdict.KNOWN));
  }

  /** A plan naming a day without its year (a visit, an invitation to visit) means the next such day. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Vladimir Putin will visit India on 5 December to meet Prime Minister Narendra Modi, the Kremlin said | 2026-11-20 | 2026-12-05
      Il presidente russo Vladimir Putin ha invitato il presidente del Venezuela Nicolás Maduro a visitare Mosca in occasione delle celebrazioni del 9 maggio. | 2026-03-15 | 2026-05-09
      """)
  void aPlannedMeetingNamingADayIsOnTheNextSuchDay(String text, String published, java.time.LocalDate day) {
    MatchResult result = matcher.match(Knowledge.article("wire", "https://example.org/plan-" + published, "", text,
        published + "T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("leader_meeting")).singleElement()
        .satisfies(a -> {
          assertThat(a.claim().planned()).isTrue();
          assertThat(a.claim().date()).isEqualTo(day);
          assertThat(a.verdict()).isEqualTo(Verdict.NEW);
        });
  }

  @Test
  void aThirdStateNamedAsTheSourceOrAPlaceLeavesTheFigureToTheAllyTheTextIsAbout() {
    String text = """
        Nordkorea hat weitere Truppen nach Russland geschickt.
        Seit September wurden 1.000 Pioniere nach Russland verlegt, berichtete Südkoreas amtliche Nachrichtenagentur.
        Schätzungen zufolge wurden insgesamt rund 15.000 Soldaten zur Unterstützung Russlands im Ukraine-Krieg entsandt.
        Die Ukraine hat nach eigenen Angaben 3.000 Soldaten in Kursk verloren.""";
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/pioniere", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).extracting(a -> a.claim().subject() + " " + a.claim().event() + " "
        + (a.claim().quantity() == null ? "" : a.claim().quantity().low()))
        .contains("north_korea troop_deployment 1000", "north_korea troop_deployment 15000")
        .noneMatch(c -> c.endsWith("3000"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ru | Число убитых и раненых северокорейских солдат, воюющих на стороне российских войск в Курской области, превысило 3 тысячи.
      en | The number of North Korean soldiers killed or wounded in the Kursk region has already surpassed 3,000, Zelensky said.
      it | Il numero dei soldati nordcoreani uccisi o feriti nella regione di Kursk ha già superato i 3.000.
      """)
  void aFigureTheNumberOfStandsForCountsWhatItNames(String language, String text) {
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/number-" + language, "",
        text, "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().quantity() != null).singleElement()
        .satisfies(a -> {
          assertThat(a.claim().event()).isEqualTo("casualties");
          assertThat(a.claim().quantity().role()).isEqualTo("losses");
          assertThat(a.claim().quantity().low()).isEqualTo(3_000);
          assertThat(a.claim().quantity().qualifier()).isEqualTo(Qualifier.AT_LEAST);
        });
  }

  @Test
  void aVisitAtTheInvitationOfAHostIsNoPlan() {
    String text = "Президент Російської Федерації Володимир Путін прибув до Душанбе з офіційним візитом на запрошення "
        + "Президента Таджикистану.";
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/dushanbe", "", text,
        "2026-10-09T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("leader_meeting")).singleElement()
        .satisfies(a -> assertThat(a.claim().planned()).isFalse());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      uk | Зазначається, що візит Путіна до Індії відбудеться на тлі зміцнення звʼязків Москви і Нью-Делі.
      de | Beim Treffen mit Kremlchef Putin wird Indiens Premier Modi über Öl und weitere Verträge sprechen.
      """)
  void aMeetingFollowedByWhatIsToHappenIsPlanned(String language, String text) {
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/plan-" + language, "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("leader_meeting")).singleElement()
        .satisfies(a -> assertThat(a.claim().planned()).isTrue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ru | Индия рассматривает закупку у России еще пяти систем С-400.
      en | India is considering new deliveries of five S-400 systems from Russia.
      """)
  void aSupplyOnlyConsideredIsNoClaim(String language, String text) {
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/s400-" + language, "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).isEmpty();
  }

  @Test
  void whatTheKremlinHadSaidEarlierIsBackground() {
    String text = "Раніше речник Кремля Дмитро Пєсков підтвердив, що розмова стосуватиметься і російських військових баз "
        + "у Сирії.";
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/earlier", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).allSatisfy(a -> assertThat(a.verdict()).isEqualTo(Verdict.KNOWN));
  }

  @Test
  void aSentenceGivingTheDayOfTheMeetingTheTextIsAboutIsAPlannedMeeting() {
    String text = """
        Le président syrien Ahmed al-Charaa et Vladimir Poutine vont parler des bases russes.
        Cet entretien doit avoir lieu ce 15 octobre à Moscou.""";
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/entretien", "", text,
        "2026-10-13T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().sentence().startsWith("Cet entretien")).singleElement()
        .satisfies(a -> {
          assertThat(a.claim().subject()).isEqualTo("syria");
          assertThat(a.claim().event()).isEqualTo("leader_meeting");
          assertThat(a.claim().planned()).isTrue();
          assertThat(a.claim().date()).isEqualTo(java.time.LocalDate.of(2026, 10, 15));
        });
  }

  /** "Others" after a figure stands for the unit it leaves out: the others are wounded, not more troops. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Alrededor de 300 soldados norcoreanos han muerto y otros 2.700 han resultado heridos mientras luchaban en la "
          + "guerra de Rusia y Ucrania, informó el servicio de inteligencia de Seúl.",
      "Selon le NIS, environ 300 soldats nord-coréens sont morts en Russie et 2 700 autres avaient été blessés.",
      "About 300 North Korean soldiers fighting for Russia were killed and 2,700 others were wounded, the agency said.",
      "Etwa 300 nordkoreanische Soldaten wurden in Russland getötet und 2.700 weitere wurden verwundet."})
  void othersWoundedAreWoundedNotMoreTroops(String text) {
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/others", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).extracting(a -> a.claim().event() + " " + a.claim().quantity().role() + " "
        + a.claim().quantity().low()).containsExactlyInAnyOrder("casualties killed 300", "casualties wounded 2700");
  }

  /** Weapons that arrive in the ally from Russia are a supply, in every language that says so. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ru | В Беларусь прибыла очередная партия российских истребителей Су-30СМ2, сообщили в Минобороны.",
      "uk | До Білорусі прибула нова партія російських винищувачів Су-30СМ2, повідомили в Міноборони.",
      "en | A new batch of Russian Su-30SM2 fighter jets arrived in Belarus, the defence ministry said.",
      "fr | Un nouveau lot d'avions de combat russes Su-30SM2 est arrivé en Biélorussie, selon le ministère."})
  void weaponsArrivingFromRussiaAreASupply(String language, String text) {
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/su30", "", text, language,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).extracting(a -> a.claim().subject() + " " + a.claim().event())
        .contains("belarus arms_supply");
  }

  @Test
  void beingReadyToDoSomethingIsAPlan() {
    String text = "Irán se alista para entregar a Rusia lanzadores de misiles balísticos, según dos funcionarios.";
    MatchResult result = matcher.analyze(Knowledge.article("wire", "https://example.org/fath", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("arms_supply")).singleElement()
        .satisfies(a -> assertThat(a.claim().planned()).isTrue());
  }

  @Test
  void aCasualtyFigureBeatsTheDeploymentReading() {
    String text = "Circa 4.000 soldati nordcoreani sono morti combattendo per la Russia, secondo Kiev.";
    Claim claim = matcher.analyze(Knowledge.article("w", "https://example.org/c", "", text, "2026-11-23T08:00:00Z"))
        .assessments().get(0).claim();
    assertThat(claim.event()).isEqualTo("casualties");
    assertThat(claim.quantity().low()).isEqualTo(4_000);
  }

  @Test
  void theSameNewFactFromManyOutletsAlertsOnce() {
    String text = "Pyongyang has deployed about 15,000 troops to Russia, officials said.";
    List<Development> first = matcher.match(Knowledge.article("a", "https://a.example/1", "", text,
        "2026-11-23T08:00:00Z")).developments();
    MatchResult copy = matcher.match(Knowledge.article("b", "https://b.example/2", "", text, "2026-11-23T09:00:00Z"));
    MatchResult replay = matcher.match(Knowledge.article("a", "https://a.example/1", "", text,
        "2026-11-23T08:00:00Z"));

    assertThat(first).hasSize(1);
    assertThat(copy.developments()).isEmpty();
    assertThat(copy.assessments()).singleElement().extracting(Assessment::verdict).isEqualTo(Verdict.KNOWN);
    assertThat(replay.developments()).as("a replay yields the same development id")
        .extracting(Development::id).containsExactly(first.get(0).id());
  }

  @Test
  void aRetractedFactIsComparedAsIfNeverLearned() {
    String text = "Pyongyang has deployed about 15,000 troops to Russia, officials said.";
    Development first = matcher.match(Knowledge.article("a", "https://a.example/1", "", text,
        "2026-11-23T08:00:00Z")).developments().get(0);

    Correction wrong = Correction.of(first, Correction.Decision.WRONG, Correction.Reason.WRONG_FIGURE, null, "ana",
        java.time.Instant.parse("2026-11-23T08:30:00Z"));
    assertThat(matcher.correct(wrong)).as("facts retracted").isEqualTo(1);
    assertThat(matcher.correct(wrong)).as("the same correction read twice").isZero();
    MatchResult later = matcher.match(Knowledge.article("b", "https://b.example/2", "", text, "2026-11-23T09:00:00Z"));

    assertThat(later.developments()).singleElement().satisfies(d -> {
      assertThat(d.claimKey()).isEqualTo(first.claimKey());
      assertThat(d.id()).isNotEqualTo(first.id());
      assertThat(d.evidence().url()).isEqualTo("https://b.example/2");
    });
    assertThat(matcher.learnedFacts(10)).singleElement().satisfies(f -> assertThat(f.source())
        .isEqualTo("https://b.example/2"));
  }

  @Test
  void aDevelopmentJudgedRightAfterWrongIsLearnedAgain() {
    String text = "Pyongyang has deployed about 15,000 troops to Russia, officials said.";
    Development first = matcher.match(Knowledge.article("a", "https://a.example/1", "", text,
        "2026-11-23T08:00:00Z")).developments().get(0);
    java.time.Instant at = java.time.Instant.parse("2026-11-23T08:30:00Z");
    matcher.correct(Correction.of(first, Correction.Decision.WRONG, Correction.Reason.NOT_NEWS, null, "ana", at));
    matcher.correct(Correction.of(first, Correction.Decision.RIGHT, null, "misread", "ana", at.plusSeconds(60)));

    MatchResult later = matcher.match(Knowledge.article("b", "https://b.example/2", "", text, "2026-11-23T09:00:00Z"));
    assertThat(later.developments()).isEmpty();
    assertThat(later.assessments()).singleElement().extracting(Assessment::verdict).isEqualTo(Verdict.KNOWN);
  }

  @Test
  void aTreatyRatifiedByTheOtherPartyIsALaterStep() {
    String text = "Venezuela's National Assembly ratified the Strategic Partnership and Cooperation Treaty with "
        + "Russia on 20 November 2026.";
    MatchResult result = matcher.match(Knowledge.article("w", "https://example.org/ve", "", text,
        "2026-11-24T08:00:00Z"));

    assertThat(result.developments()).singleElement().satisfies(d -> {
      assertThat(d.claim().subject()).isEqualTo("venezuela");
      assertThat(d.claim().event()).isEqualTo("treaty_ratified");
      assertThat(d.claim().treaty()).isEqualTo("ru_ve_strategic_partnership_2025");
      assertThat(d.verdict()).isIn(Verdict.NEW, Verdict.CHANGED);
    });
  }

  @Test
  void articlesWithoutTrackedNamesAreNotTagged() {
    assertThat(matcher.match(Knowledge.article("w", "https://example.org/x", "Meteo", "Domani pioggia al nord.",
        "2026-11-24T08:00:00Z")).tagged()).isEmpty();
  }

  @Test
  void aTreatyNameSeveralTreatiesShareIsTheOneWhosePartyTheTextNames() {
    String withParty = "Il Trattato di partenariato strategico globale con l'Iran resta in vigore.";
    List<Mention> mentions = matcher.analyze(Knowledge.article("w", "https://example.org/t", "", withParty,
        "2026-11-24T08:00:00Z")).tagged().orElseThrow().mentions();
    assertThat(mentions).filteredOn(m -> m.kind() == EntityKind.TREATY).extracting(Mention::entityId)
        .containsExactly("ru_ir_comprehensive_strategic_partnership_2025");

    // Russia is a party of both treaties of that name: naming it alone does not tell which is meant.
    String withoutParty = "Il Trattato di partenariato strategico globale con la Russia resta in vigore.";
    assertThat(matcher.analyze(Knowledge.article("w", "https://example.org/u", "", withoutParty,
        "2026-11-24T08:00:00Z")).tagged().orElseThrow().mentions()).noneMatch(m -> m.kind() == EntityKind.TREATY);
  }

  @Test
  void syndicatedCopiesCountAsOneOutlet() {
    String story = """
        Seoul, 23 November. South Korea's National Intelligence Service told lawmakers on Monday that about
        15,000 North Korean troops are now deployed in Russia, well above earlier estimates. The agency said
        the soldiers had been rotated through training grounds in the Russian Far East before moving to the
        front, and that Pyongyang had also shipped more artillery shells and ballistic missiles this autumn.
        Lawmakers briefed by the agency said the figure was based on intercepted communications and on
        satellite imagery of rail movements near the border city of Khasan over the past three months.""";
    Article wire = Knowledge.article("wire", "https://wire.example/1", "NIS: 15,000 troops", story,
        "2026-11-23T08:00:00Z");
    Article copy = Knowledge.article("portal", "https://portal.example/copy", "NIS: 15,000 troops",
        story.replace("Seoul, 23 November.", "SEOUL (Wire) -").replace("this autumn", "in recent weeks"),
        "2026-11-23T09:00:00Z");
    Article independent = Knowledge.article("daily", "https://daily.example/own", "",
        "North Korea now has about 15,000 soldiers deployed in Russia, our correspondent confirms.",
        "2026-11-23T10:00:00Z");

    Development d = matcher.match(wire).developments().get(0);
    TaggedArticle copied = matcher.match(copy).tagged().orElseThrow();
    TaggedArticle own = matcher.match(independent).tagged().orElseThrow();

    assertThat(copied.duplicateOf()).isEqualTo(wire.id());
    assertThat(copied.corroborations()).containsExactly(new TaggedArticle.Corroboration(d.id(), wire.id()));
    assertThat(own.duplicateOf()).isNull();
    assertThat(own.corroborations()).containsExactly(new TaggedArticle.Corroboration(d.id(), independent.id()));
  }

  @Test
  void claimsCarryOffsetsToHighlight() {
    String text = "Secondo il NIS sudcoreano, circa 15.000 soldati nordcoreani sono stati schierati in Russia.";
    Article a = Knowledge.article("w", "https://example.org/h", "", text, "2026-11-23T08:00:00Z");
    Claim claim = matcher.analyze(a).assessments().get(0).claim();

    assertThat(claim.highlights()).extracting(h -> text.substring(h.start(), h.end()))
        .containsExactlyInAnyOrder("nordcoreani", "circa 15.000");
  }

  @Test
  void claimsSourcedToStateMediaAreMarked() {
    String text = "According to KCNA, about 3,000 North Korean soldiers have been killed in the Kursk region.";
    Claim claim = matcher.analyze(Knowledge.article("w", "https://example.org/kcna", "", text,
        "2026-11-23T08:00:00Z")).assessments().get(0).claim();

    assertThat(claim.event()).isEqualTo("casualties");
    assertThat(claim.attribution()).isEqualTo("kcna");
  }
}
