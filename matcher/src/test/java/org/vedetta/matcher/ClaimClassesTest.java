package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Verdict;

/**
 * The classes of errors seen on real news, one test each: what a figure counts, more troops and contingents
 * against totals, plans, habitual background, evidence from the claim's own sentence, and paraphrases. The
 * sentences are written in the shapes real articles use, not taken from the evaluation corpus, and read as the
 * text of an article whose headline names Russia's war, as real ones do: claims are about dealings with Russia.
 */
class ClaimClassesTest {

  private final Matcher matcher = Knowledge.matcher();

  private static final String HEADLINE = "Russia's war: allies and arms";

  private MatchResult analyze(String title, String text, String published) {
    return matcher.analyze(Knowledge.article("wire", "https://example.org/" + Math.abs(text.hashCode()), title,
        text, published + "T08:00:00Z"));
  }

  private List<Claim> claims(String text, String published) {
    return analyze(HEADLINE, text, published).assessments().stream().map(Assessment::claim).toList();
  }

  /** Asserts that the sentence, read in an article of 20 November 2026, states a claim of that event and subject. */
  private void assertClaimOf(String sentence, String event, String subject) {
    assertThat(claims(sentence, "2026-11-20")).anySatisfy(c -> {
      assertThat(c.event()).isEqualTo(event);
      assertThat(c.subject()).isEqualTo(subject);
    });
  }

  /** Asserts that the sentence states claims of that event, every one of them planned. */
  private void assertPlannedClaimsOf(String sentence, String event) {
    assertThat(claims(sentence, "2026-11-20")).filteredOn(c -> c.event().equals(event))
        .isNotEmpty().allSatisfy(c -> assertThat(c.planned()).isTrue());
  }

  @Test
  void killedAndWoundedAreDifferentQuantities() {
    List<Claim> claims = claims("At least 300 North Korean soldiers have been killed and 2,700 wounded, the NIS said.",
        "2026-11-20");

    assertThat(claims).filteredOn(c -> c.event().equals("casualties"))
        .extracting(c -> c.quantity().role() + " " + c.quantity().low())
        .containsExactlyInAnyOrder("killed 300", "wounded 2700");
  }

  @Test
  void aBattleThatCostTheLivesOfSomeAndWoundedOthersKeepsEachFigureInItsRole() {
    List<Claim> claims = claims("La battaglia è già costata la vita ad almeno 300 militari nordcoreani, 2.700 quelli"
        + " feriti, combattendo per la Russia.", "2026-11-20");

    assertThat(claims).filteredOn(c -> c.event().equals("casualties"))
        .extracting(c -> c.quantity().role() + " " + c.quantity().low())
        .containsExactlyInAnyOrder("killed 300", "wounded 2700");
  }

  @Test
  void theAgreementsSignedInAVisitAreNoTreatyButATreatyIs() {
    String visit = "Putin e il presidente vietnamita hanno firmato ad Hanoi undici accordi di cooperazione nei"
        + " settori dell'energia e della scienza.";
    String treaty = "Putin e il presidente vietnamita hanno firmato ad Hanoi un trattato di partenariato strategico.";

    assertThat(claims(visit, "2026-11-20")).noneMatch(c -> c.event().startsWith("treaty"));
    assertThat(claims(treaty, "2026-11-20")).anyMatch(c -> c.event().equals("treaty_signed")
        && c.subject().equals("vietnam"));
  }

  @Test
  void anEstimateStatedByAThirdCountrysMinistryConfirmsNothing() {
    MatchResult result = analyze(HEADLINE, "The UK Ministry of Defence stated that \"North Korean forces have highly"
        + " likely sustained more than 6,000 casualties\" in Kursk.", "2026-11-20");

    assertThat(result.assessments()).extracting(a -> a.claim().event()).doesNotContain("official_confirmation")
        .contains("casualties");
  }

  @Test
  void reinforcementsForTheFallenAreTroopsNotCasualties() {
    List<Claim> claims = claims("Pyongyang has sent 3,000 reinforcements to replace the fallen North Korean soldiers.",
        "2026-11-20");

    assertThat(claims).filteredOn(c -> c.quantity() != null).singleElement().satisfies(c -> {
      assertThat(c.event()).isEqualTo("troop_deployment");
      assertThat(c.quantity().role()).isEqualTo("increment");
    });
  }

  @Test
  void morePlannedTroopsAreNewAndSetAgainstTheKnownTotal() {
    MatchResult result = analyze(HEADLINE, "Kim Jong Un will send 6,000 more North Korean soldiers to Russia.", "2026-11-20");

    assertThat(result.developments()).singleElement().satisfies(d -> {
      assertThat(d.verdict()).isEqualTo(Verdict.NEW);
      assertThat(d.claim().planned()).isTrue();
      assertThat(d.claim().quantity().role()).isEqualTo("increment");
      assertThat(d.headline()).contains("6,000 more soldiers").contains("planned");
      assertThat(d.knownFacts()).extracting(f -> f.quantity() == null ? null : f.quantity().role())
          .contains("total");
    });
  }

  @Test
  void aContingentForATaskIsNotComparedWithTheTotal() {
    MatchResult result = analyze(HEADLINE, "North Korea sent 1,000 soldiers to Kursk for demining, Seoul said.", "2026-11-20");

    assertThat(result.developments()).singleElement().satisfies(d -> {
      assertThat(d.verdict()).isEqualTo(Verdict.NEW);
      assertThat(d.claim().quantity().role()).isEqualTo("contingent");
    });
  }

  @Test
  void habitualBackgroundIsNeverADevelopment() {
    MatchResult result = analyze("Hanoi and Moscow",
        "Vietnam, to which Russia has supplied arms for decades, hosted the talks.", "2026-11-20");

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("arms_supply"))
        .allSatisfy(a -> assertThat(a.verdict()).isEqualTo(Verdict.KNOWN));
    assertThat(result.developments()).noneMatch(d -> d.claim().event().equals("arms_supply"));
  }

  @Test
  void aMeetingIsReadFromItsOwnSentence() {
    String text = "Vladimir Putin and Prime Minister Narendra Modi held talks in New Delhi on Friday. "
        + "Washington doubled its tariffs on Indian goods in August.";
    MatchResult result = analyze("Putin in India", text, "2026-11-20");

    assertThat(result.developments()).filteredOn(d -> d.claim().event().equals("leader_meeting"))
        .singleElement().satisfies(d -> {
          assertThat(d.claim().subject()).isEqualTo("india");
          assertThat(d.claim().sentence()).startsWith("Vladimir Putin and Prime Minister Narendra Modi");
        });
  }

  @Test
  void paraphrasesOfTheEventsAreRead() {
    assertThat(claims("11,000 North Korean soldiers have reached the Kursk region.", "2026-11-20"))
        .anySatisfy(c -> {
          assertThat(c.event()).isEqualTo("troop_deployment");
          assertThat(c.quantity().low()).isEqualTo(11_000);
        });
    assertThat(claims("Secondo Seul, i soldati nordcoreani morti sono vicini ai 2.000.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("casualties"));
    assertThat(claims("Xi Jinping held a videoconference with Vladimir Putin on Tuesday.", "2026-11-20"))
        .anySatisfy(c -> {
          assertThat(c.event()).isEqualTo("leader_meeting");
          assertThat(c.subject()).isEqualTo("china");
        });
    assertThat(claims("Pyongyang has sent millions of artillery shells to Russia.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("arms_supply"));
    assertThat(claims("Il sistema Oreshnik è entrato in servizio in Bielorussia, ha annunciato Lukashenko.",
        "2026-11-20")).anySatisfy(c -> {
          assertThat(c.event()).isEqualTo("arms_supply");
          assertThat(c.subject()).isEqualTo("belarus");
        });
    assertThat(claims("Pyongyang ha ammesso per la prima volta di aver inviato soldati in Russia.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("official_confirmation"));
    assertThat(claims("КНДР вперше визнала, що її військові воюють на боці Росії.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("official_confirmation"));
  }

  /** "The largest arms supplier" is a standing fact, not a delivery; talks "verhandelt" are a meeting. */
  @Test
  void aStandingSupplierIsBackgroundAndTalksAreAMeeting() {
    MatchResult supplier = matcher.analyze(Knowledge.article("wire", "https://example.org/fornitore", HEADLINE,
        "Mosca è il più grande fornitore di armi del Vietnam.", "it", "2026-11-20T08:00:00Z"));
    assertThat(supplier.assessments()).anySatisfy(a -> assertThat(a.claim().event()).isEqualTo("arms_supply"));
    assertThat(supplier.developments()).isEmpty();

    MatchResult talks = matcher.analyze(Knowledge.article("wire", "https://example.org/verhandelt", "",
        "Am Dienstag hat Außenminister Lawrow in Moskau mit seinem indischen Amtskollegen Jaishankar verhandelt.",
        "de", "2026-11-20T08:00:00Z"));
    assertThat(talks.developments()).anySatisfy(d -> {
      assertThat(d.claim().event()).isEqualTo("leader_meeting");
      assertThat(d.claim().subject()).isEqualTo("india");
    });
  }

  /** Sanctions evaded are no sanctions imposed. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Washington is weighing new measures against firms in Kyrgyzstan that help Russia evade sanctions.",
      "Washington valuta misure contro le società del Kirghizistan che aiutano la Russia ad aggirare le sanzioni."})
  void sanctionsEvadedAreNoSanctionsImposed(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).noneMatch(c -> c.event().equals("sanctions"));
  }

  /** "Killed or wounded" before the figure, as Russian and Ukrainian put it, counts losses, not the wounded. */
  @ParameterizedTest
  @ValueSource(strings = {
      "У війні Росії проти України загинуло або отримали поранення 6 тисяч північнокорейських військовослужбовців.",
      "В войне России против Украины погибли или получили ранения 6 тысяч северокорейских военнослужащих."})
  void killedOrWoundedBeforeTheFigureAreLosses(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).filteredOn(c -> c.event().equals("casualties")).singleElement()
        .satisfies(c -> assertThat(c.quantity().role() + " " + c.quantity().low()).isEqualTo("losses 6000"));
  }

  /** Weapons received in a batch are a supply ("Bielorrusia recibió un nuevo lote de aviones de combate rusos"). */
  @ParameterizedTest
  @ValueSource(strings = {
      "Bielorrusia recibió un nuevo lote de aviones de combate rusos Su-30SM2.",
      "Belarus received a new batch of Russian Su-30SM2 fighter jets.",
      "Белоруссия получила новую партию российских истребителей Су-30СМ2."})
  void weaponsReceivedInABatchAreASupply(String sentence) {
    assertClaimOf(sentence, "arms_supply", "belarus");
  }

  /** A leader named by a title the lists lacked ("Staats- und Parteichef") makes a visit a meeting. */
  @Test
  void aPartyLeaderVisitingIsALeaderMeeting() {
    MatchResult visit = matcher.analyze(Knowledge.article("wire", "https://example.org/xi-besuch", "",
        "Chinas Staats- und Parteichef Xi beginnt heute einen viertägigen Besuch in Russland.", "de",
        "2026-11-20T08:00:00Z"));
    assertThat(visit.developments()).anySatisfy(d -> {
      assertThat(d.claim().event()).isEqualTo("leader_meeting");
      assertThat(d.claim().subject()).isEqualTo("china");
    });
  }

  /** Italian "di recente" says the statement is recent, not that the event is an earlier one. */
  @Test
  void aStatementMadeRecentlyIsNews() {
    MatchResult statement = matcher.analyze(Knowledge.article("wire", "https://example.org/di-recente", HEADLINE,
        "Zelensky ha dichiarato di recente che quasi 3.000 soldati nordcoreani sono stati uccisi o feriti in Russia.",
        "it", "2026-11-20T08:00:00Z"));
    assertThat(statement.developments()).anySatisfy(d -> assertThat(d.claim().event()).isEqualTo("casualties"));
  }

  /** The allies' people counted ("11,000 North Koreans", "mille cubani") are soldiers counted. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Around 11,000 North Koreans are fighting in Russia's Kursk region.",
      "Rund 11.000 Nordkoreaner kämpfen in der russischen Region Kursk.",
      "Около 11 тысяч северокорейцев воюют в Курской области.",
      "Unos 11.000 norcoreanos combaten en la región rusa de Kursk."})
  void theAlliesPeopleCountedAreSoldiersCounted(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).anySatisfy(c -> {
      assertThat(c.event()).isEqualTo("troop_deployment");
      assertThat(c.subject()).isEqualTo("north_korea");
      assertThat(c.quantity().low()).isEqualTo(11000);
    });
  }

  /** A ship built in Russia is no supply because it is a ship: "ship" is a noun far more often than a verb. */
  @Test
  void aShipIsNoShipment() {
    assertThat(claims("The Indian Navy's new frigate was built in Russia. The ship is commanded by a gunnery and "
        + "missile warfare specialist.", "2026-11-20")).noneMatch(c -> c.event().equals("arms_supply"));
    assertThat(claims("Russia shipped S-400 missiles to India in November.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("arms_supply"));
  }

  /** People killed by a typhoon are no casualties of Russia's war, nor people wounded a deployment. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Москва. 30 сентября. INTERFAX - Число погибших в результате тайфуна во Вьетнаме достигло 19 человек, еще 88 "
          + "человек получили ранения.",
      "Typhoon Bualoi killed 19 people in Vietnam and injured 88, officials said on Tuesday, as Russia offered help.",
      "Il tifone ha ucciso 19 persone in Vietnam, mentre Mosca ha offerto aiuti."})
  void disasterVictimsAreNoWarCasualties(String text) {
    assertThat(claims(text, "2025-10-01")).isEmpty();
  }

  /** Sanctions or a law that enter into force are no treaty in force; a treaty that does is one. */
  @Test
  void onlyATreatyEntersIntoForceAsATreaty() {
    assertThat(claims("Les sanctions américaines contre la compagnie pétrolière serbe NIS, contrôlée par le groupe "
        + "russe Gazprom, sont entrées en vigueur.", "2026-11-20"))
        .noneMatch(c -> c.event().equals("treaty_in_force"));
    assertThat(claims("L'accord de défense entre la Serbie et la Russie est entré en vigueur.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.event()).isEqualTo("treaty_in_force"));
  }

  /** Two or three men recruited are people, not a deployment's total: a total needs at least 20. */
  @Test
  void aHandfulOfMenIsNoDeploymentTotal() {
    assertThat(claims("Les deux jeunes hommes cubains racontent avoir été recrutés pour combattre en Russie.",
        "2026-11-20"))
        .noneMatch(c -> c.event().equals("troop_deployment") && c.quantity() != null);
    assertThat(claims("North Korea sent 25 officers to Russia, Seoul said.", "2026-11-20"))
        .anySatisfy(c -> assertThat(c.quantity().low()).isEqualTo(25));
  }

  /** A ceiling announced ("no excederá los 9.000") is a planned figure of at most that many. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Rusia estima que el total de militares rusos desplegados en Bielorrusia no excederá los 9.000 efectivos.",
      "The number of Russian troops deployed in Belarus will not exceed 9,000 soldiers, Minsk said."})
  void aCeilingAnnouncedIsAPlannedFigureOfAtMostThatMany(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).anySatisfy(c -> {
      assertThat(c.event()).isEqualTo("troop_deployment");
      assertThat(c.quantity().high()).isEqualTo(9000);
      assertThat(c.quantity().qualifier()).isEqualTo(Qualifier.UP_TO);
      assertThat(c.planned()).isTrue();
    });
  }

  /** Sanctions imposed, in the verbs each language imposes them with. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Евросоюз наложил санкции на белорусские банки.",
      "Євросоюз наклав санкції на білоруські банки.",
      "L'Unione europea imporrà sanzioni alle banche bielorusse."})
  void sanctionsImposedAreRead(String sentence) {
    assertClaimOf(sentence, "sanctions", "belarus");
  }

  /** What a text calls known ("as is known", "è nota") is background, never a development. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Sul piano delle dotazioni, è nota la fornitura di droni militari da parte della Bielorussia alla Russia.",
      "As is known, Belarus supplies military drones to Russia.",
      "Как известно, Белоруссия поставляет России военные беспилотники."})
  void whatIsCalledKnownIsBackground(String sentence) {
    MatchResult result = analyze(HEADLINE, sentence, "2026-11-20");

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("arms_supply")).isNotEmpty();
    assertThat(result.developments()).isEmpty();
  }

  /** Homes or pensions for the families of the fallen, given by the ally's leader, acknowledge the deaths. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Kim Jong Un ha inaugurato le case per le famiglie dei caduti in Russia.",
      "Kim Jong Un opened new homes for the families of the fallen of the Kursk operation.",
      "В Пхеньяне Ким Чен Ын открыл квартал для семей бойцов, которые погибли в Курской области.",
      "Kim Jong Un a inauguré des logements pour les familles des soldats morts en Russie."})
  void careForTheFamiliesOfTheFallenAcknowledgesTheDeaths(String sentence) {
    assertClaimOf(sentence, "official_confirmation", "north_korea");
  }

  @Test
  void anOlderEstimateThanAKnownOneIsNotNews() {
    // Published before the baseline's estimate of about 2,000 killed (September 2025).
    MatchResult result = analyze(HEADLINE, "About 300 North Korean soldiers have been killed, Seoul said.", "2025-01-14");

    assertThat(result.assessments()).filteredOn(a -> a.claim().event().equals("casualties")).singleElement()
        .satisfies(a -> {
          assertThat(a.verdict()).isEqualTo(Verdict.KNOWN);
          assertThat(a.reason()).contains("older");
        });
  }

  @Test
  void aPlanDoesNotMakeTheDoneThingKnown() {
    Development plan = matcher.match(Knowledge.article("wire", "https://example.org/plan", "",
        "Kim Jong Un will send 6,000 more North Korean soldiers to Russia.", "2026-11-20T08:00:00Z"))
        .developments().get(0);
    assertThat(plan.claim().planned()).isTrue();

    MatchResult done = matcher.match(Knowledge.article("wire", "https://example.org/done", "",
        "North Korea has sent 6,000 more soldiers to Russia, Seoul said.", "2026-11-27T08:00:00Z"));
    assertThat(done.developments()).singleElement().satisfies(d -> {
      assertThat(d.claim().planned()).isFalse();
      assertThat(d.verdict()).isEqualTo(Verdict.NEW);
    });

    MatchResult planAgain = matcher.match(Knowledge.article("wire", "https://example.org/plan2", "",
        "Pyongyang will send 6,000 more North Korean soldiers to Russia.", "2026-11-21T08:00:00Z"));
    assertThat(planAgain.developments()).isEmpty();
  }

  @Test
  void aMeetingIsNewOnlyHalfAYearAwayFromAKnownOne() {
    // The baseline knows Kim and Putin met in Beijing on 3 September 2025.
    assertThat(analyze(HEADLINE, "Kim Jong Un met Vladimir Putin in Moscow on 10 January 2026.", "2026-01-11")
        .developments()).isEmpty();
    assertThat(analyze(HEADLINE, "Kim Jong Un met Vladimir Putin in Moscow on 10 May 2026.", "2026-05-11")
        .developments()).singleElement().satisfies(d -> assertThat(d.claim().event()).isEqualTo("leader_meeting"));
  }

  @Test
  void aMeetingLastMonthIsRecalledButOneThisMonthIsNews() {
    // Iran and Russia have no meeting in the baseline: only when it happened decides.
    String lastMonth = "Last month, Presidents Pezeshkian and Putin met in Tianjin on the sidelines of the summit.";
    assertThat(analyze(HEADLINE, "Iran and Russia began implementing the treaty. " + lastMonth, "2025-10-03")
        .developments()).noneMatch(d -> d.claim().event().equals("leader_meeting"));
    assertThat(analyze(HEADLINE, "Iran and Russia began implementing the treaty. " + lastMonth, "2025-10-25")
        .developments()).noneMatch(d -> d.claim().event().equals("leader_meeting"));
    assertThat(analyze(HEADLINE, "Iran and Russia began implementing the treaty. Presidents Pezeshkian and Putin met"
        + " in Tianjin on Monday.", "2025-10-03")
        .developments()).anyMatch(d -> d.claim().event().equals("leader_meeting"));
  }

  @Test
  void anArticleThatNeverNamesRussiaStatesNoClaims() {
    MatchResult result = analyze("India strikes Pakistan", "Indian air strikes hit nine sites in Pakistan on Wednesday."
        + " The strikes followed the attack of 22 April, when 26 Indian soldiers were killed in Kashmir.", "2025-05-08");

    assertThat(result.assessments()).isEmpty();
    assertThat(analyze("Kim honours the fallen", "Kim Jong Un honoured the 101 North Korean soldiers killed in the"
        + " liberation of the Kursk region.", "2025-08-22").assessments())
        .anySatisfy(a -> assertThat(a.claim().event()).isEqualTo("casualties"));
  }

  @Test
  void aFewDeadOfOneUnitAreAPartOfTheCountNotAChange() {
    // The baseline knows about 2,000 North Korean soldiers killed (September 2025).
    MatchResult result = analyze(HEADLINE, "Kim Jong Un acknowledged that nine soldiers of the engineer regiment"
        + " died in the Kursk region.", "2025-12-13");

    assertThat(result.developments()).filteredOn(d -> d.claim().event().equals("casualties")).singleElement()
        .satisfies(d -> {
          assertThat(d.verdict()).isEqualTo(Verdict.NEW);
          assertThat(d.claim().quantity().low()).isEqualTo(9);
        });
  }

  @Test
  void theDayOfADateIsNoFigureAndPartsDoNotNameTheWhole() {
    List<Claim> claims = claims("Rund 20.000 nordkoreanische Soldaten sind in Russland stationiert, darunter Pioniere."
        + " Pjöngjang hatte die Entsendung von Truppen am 28. April 2025 offiziell bestätigt.", "2026-10-07");

    assertThat(claims).filteredOn(c -> c.quantity() != null)
        .extracting(c -> c.quantity().low() + " " + c.quantity().role()).containsExactly("20000 total");
  }

  @Test
  void anArticleIsReadWithTheWordsOfItsLanguage() {
    String text = "La Chine et la Russie: le nouveau train de sanctions met l'accent sur les entreprises chinoises.";
    MatchResult french = matcher.analyze(Article.of("wire", "https://example.org/fr", HEADLINE, text, "fr",
        Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-24T09:00:00Z")));

    assertThat(french.assessments()).noneMatch(a -> a.claim().event().equals("leader_meeting"));
  }

  @Test
  void aTreatyBetweenAnAllyAndAnotherStateIsNoClaim() {
    List<Claim> claims = claims("Armenia and Azerbaijan signed a peace treaty in Washington on Friday.", "2026-11-20");

    assertThat(claims).noneMatch(c -> c.event().startsWith("treaty_"));
  }

  @Test
  void sanctionsAreTheTargetsNotTheBystanders() {
    List<Development> sanctions = analyze(HEADLINE, "India keeps buying oil despite new US sanctions against Russia.",
        "2026-11-20").developments();
    assertThat(sanctions).isEmpty();

    assertThat(analyze(HEADLINE, "The EU agreed new sanctions against Russia, which for the first time target Chinese"
        + " and Indian companies.", "2026-11-20").developments())
        .extracting(d -> d.claim().subject()).containsExactlyInAnyOrder("china", "india");

    assertThat(analyze(HEADLINE, "The EU imposed new sanctions on three Chinese companies on Monday.", "2026-11-20")
        .developments()).singleElement().satisfies(d -> {
          assertThat(d.claim().event()).isEqualTo("sanctions");
          assertThat(d.claim().subject()).isEqualTo("china");
        });
  }

  @Test
  void aThirdPartysConfirmationIsAReport() {
    List<Claim> claims = claims("North Korean troops are in Russia, the Pentagon confirmed on Wednesday.", "2026-11-20");

    assertThat(claims).noneMatch(c -> c.event().equals("official_confirmation"));
  }

  /** A base of the focus state's army in an ally states a deployment without a soldier word. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Russia has its military base in Tajikistan, which is subordinate to the Central Military District.",
      "La Russie possède deux bases militaires en Syrie, à Tartous et à Hmeimim.",
      "Росія виводить своїх військовиків з авіабази на північному сході Сирії."})
  void aBaseOfRussiasArmyInAnAllyIsADeployment(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).anySatisfy(c -> {
      assertThat(c.event()).isEqualTo("troop_deployment");
      assertThat(c.subject()).isIn("tajikistan", "syria");
    });
  }

  @Test
  void anAllysOwnAirBaseIsNoDeployment() {
    assertThat(claims("Twelve training aircraft joined the Shahid Babaei Air Base in Isfahan, in central Iran.",
        "2026-11-20")).noneMatch(c -> c.event().equals("troop_deployment"));
    assertThat(claims("Russian Su-30 jets landed at the Belarusian air base in Baranovichi on Monday.",
        "2026-11-20")).noneMatch(c -> c.event().equals("troop_deployment"));
  }

  /** Reported speech puts the report in the past perfect: what it states is news, what the text recalls is not. */
  @Test
  void thePastPerfectOfReportedSpeechIsNoBackground() {
    assertThat(analyze(HEADLINE, "Ukraine's intelligence said on Monday that Russia had delivered S-400 missiles to "
        + "India.", "2026-11-20").developments())
        .anySatisfy(d -> assertThat(d.claim().event()).isEqualTo("arms_supply"));
    assertThat(analyze(HEADLINE, "Russia had delivered S-400 missiles to India, the report recalls.", "2026-11-20")
        .developments()).isEmpty();
  }

  /**
   * A step of a treaty the knowledge set does not track is news for as long as a tracked treaty's: three months
   * after the signing it is still not known, half a year after it is.
   */
  @Test
  void anUntrackedTreatysSigningMonthsAgoIsStillNews() {
    String signed = "The treaty on security guarantees between Russia and Belarus was signed by Belarusian President "
        + "Alexander Lukashenko and Vladimir Putin on December 6, 2024 in Minsk.";
    assertThat(analyze(HEADLINE, signed, "2025-03-01").developments())
        .anySatisfy(d -> assertThat(d.claim().event()).isEqualTo("treaty_signed"));
    assertThat(analyze(HEADLINE, signed, "2025-07-01").developments()).isEmpty();
  }

  /** A ratification bill submitted to parliament is a ratification planned, not done. */
  @ParameterizedTest
  @ValueSource(strings = {
      "У лютому Путін подав до Держдуми законопроєкт про ратифікацію угоди з Білоруссю.",
      "В феврале Путин внес в Госдуму законопроект о ратификации соглашения с Белоруссией."})
  void aRatificationBillSubmittedIsAPlannedRatification(String sentence) {
    assertPlannedClaimsOf(sentence, "treaty_ratified");
  }

  /** Weapons an ally will receive, and sanctions being prepared, are planned. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Лукашенко повідомив, що коли Білорусь отримає від Росії ракети «Орєшнік», то хотіла б розмістити їх на заході "
          + "країни.",
      "Российские военные базы в Белоруссии в 2027 году получат на вооружение более 70 единиц военной техники.",
      "The European Union is preparing new sanctions against Belarusian banks."})
  void weaponsToBeReceivedAndSanctionsInPreparationArePlanned(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).filteredOn(c -> c.subject().equals("belarus"))
        .isNotEmpty().allSatisfy(c -> assertThat(c.planned()).isTrue());
  }

  /** A contract or an agreement to supply or buy arms is a supply planned, not made, and no treaty signed. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Иран заключил с Россией соглашение о поставке вооружений на 500 млн евро.",
      "В іранському міноборони заявили, що фіналізували домовленість про купівлю в РФ винищувачів Су-35.",
      "Іран заявив про фіналізацію угоди щодо придбання у Росії винищувачів Су-35."})
  void anArmsSupplyAgreementIsAPlannedSupply(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).noneMatch(c -> c.event().startsWith("treaty_"));
    assertPlannedClaimsOf(sentence, "arms_supply");
  }

  /** A meeting fixed for a day is planned, and the day named without its year is the next one. */
  @Test
  void aMeetingFixedForADayIsPlannedForTheNextSuchDay() {
    assertThat(claims("È stata fissata per il 25 novembre la data dei colloqui tra il presidente della Serbia, "
        + "Aleksandar Vucic, e il presidente russo Vladimir Putin.", "2026-10-18"))
        .filteredOn(c -> c.event().equals("leader_meeting")).singleElement().satisfies(c -> {
          assertThat(c.planned()).isTrue();
          assertThat(c.date()).hasToString("2026-11-25");
        });
  }

  /** A meeting or a trip in the future tense, or one something happens ahead of, is planned. */
  @ParameterizedTest
  @ValueSource(strings = {
      "El presidente de Rusia, Vladímir Putin, se reunirá mañana con su homólogo bielorruso, Alexandr Lukashenko.",
      "Il ministro degli Esteri russo, Sergei Lavrov, volerà oggi a Minsk per una visita di due giorni in Bielorussia.",
      "The State Duma ratified a military pact with India ahead of President Vladimir Putin's visit to New Delhi."})
  void aMeetingInTheFutureTenseIsPlanned(String sentence) {
    assertPlannedClaimsOf(sentence, "leader_meeting");
  }

  /** A meeting with another state's leader is no meeting with the ally the text is about. */
  @Test
  void aMeetingWithAThirdStatesLeaderIsNotTheAllysMeeting() {
    assertThat(claims("Vladímir Putin llegó a Dusambé para una visita de Estado a Tayikistán. Además, Putin sostendrá "
        + "una reunión con su homólogo azerbaiyano, Ilham Alíyev.", "2026-11-20"))
        .filteredOn(c -> c.event().equals("leader_meeting") && c.sentence().contains("azerbaiyano")).isEmpty();
  }

  /** A visitor received by the leader, with the day or the place between the verb and the host, met him. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Abbas Araghtchi, le ministre iranien des Affaires étrangères, a bien été reçu lundi par Vladimir Poutine.",
      "Il ministro degli Esteri iraniano è stato ricevuto ieri al Cremlino da Vladimir Putin."})
  void aVisitorReceivedByTheLeaderMetHim(String sentence) {
    assertClaimOf(sentence, "leader_meeting", "iran");
  }

  /** Troops another state deploys are not the ally's, though the ally is named in the sentence. */
  @ParameterizedTest
  @ValueSource(strings = {
      "На тлі розгортання американських військових у Карибському басейні президент Венесуели попросив Росію "
          + "про допомогу.",
      "Amid the deployment of American troops in the Caribbean, Venezuela's president asked Russia for help."})
  void anotherStatesTroopsAreNotTheAllysDeployment(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).noneMatch(c -> c.event().equals("troop_deployment"));
  }

  /**
   * Troops sent for a joint force are a contingent, not the total deployed; the first of them arriving leaves the
   * figure a plan.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Russland hat die ersten von insgesamt 9.000 Soldaten für eine gemeinsame Truppe nach Belarus entsandt.",
      "В Белоруссию прибудут около девяти тысяч российских военнослужащих для формирования совместной группировки."})
  void troopsForAJointForceAreAPlannedContingent(String sentence) {
    assertThat(claims(sentence, "2026-11-20")).anySatisfy(c -> {
      assertThat(c.event()).isEqualTo("troop_deployment");
      assertThat(c.quantity().low()).isEqualTo(9000);
      assertThat(c.quantity().role()).isEqualTo("contingent");
      assertThat(c.planned()).isTrue();
    });
  }

  /** The sentence after one naming arms supplies may name more of them without naming the arms again. */
  @Test
  void moreDeliveriesAfterASupplyAreASupplyPlanned() {
    assertThat(claims("La Corée du Nord a livré des roquettes et des missiles à la Russie. D'autres livraisons sont "
        + "prévues.", "2026-11-20")).filteredOn(c -> c.event().equals("arms_supply"))
        .anySatisfy(c -> assertThat(c.planned()).isTrue());
    assertThat(claims("La Corée du Nord a reçu Sergueï Lavrov. D'autres livraisons sont prévues.", "2026-11-20"))
        .noneMatch(c -> c.event().equals("arms_supply"));
  }
}
