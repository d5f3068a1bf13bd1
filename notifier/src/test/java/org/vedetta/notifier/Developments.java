package org.vedetta.notifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Ids;
import org.vedetta.model.KnownFact;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;

/**
 * Developments as the matcher emits them (schema 2: known facts as data, highlights in article offsets), for the
 * notifier's tests. Each sentence sits at a non-zero offset of its article, as it does in real articles, so a
 * highlight shown in the right place proves the offsets were translated.
 */
public final class Developments {

  public static final Instant DETECTED = Instant.parse("2025-11-03T08:15:00Z");

  private Developments() {}

  /** North Korean troops in Kursk: a new figure, severity 4; highlights "nordcoreani" and "15.000". */
  public static Development northKoreaTroops() {
    String sentence = "Secondo l'intelligence sudcoreana, circa 15.000 soldati nordcoreani sono stati schierati"
        + " nella regione di Kursk.";
    int start = 212;
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
        new Quantity(15_000, 15_000, "soldiers", Qualifier.ABOUT), null, sentence, start, start + sentence.length(),
        null, List.of(span(sentence, start, "15.000"), span(sentence, start, "nordcoreani")), null);
    Evidence evidence = new Evidence(Ids.of("https://www.ansa.it/nk-kursk"), "ansa",
        "https://www.ansa.it/nk-kursk", "Corea del Nord, 15mila soldati a Kursk",
        Instant.parse("2025-11-02T18:30:00Z"));
    return development(claim, evidence, Verdict.NEW, 4, "North Korea — troop deployment: about 15,000 soldiers",
        null, List.of());
  }

  /** Venezuela ratifies its strategic partnership with Russia: a treaty stage, severity 3. */
  public static Development venezuelaRatification() {
    String sentence = "L'Assemblea nazionale del Venezuela ha ratificato il trattato di partenariato strategico con"
        + " la Russia.";
    int start = 40;
    Claim claim = new Claim("venezuela", "treaty_ratified", "russia", "russia_venezuela_partnership", null,
        LocalDate.of(2025, 10, 28), sentence, start, start + sentence.length(), null,
        List.of(span(sentence, start, "Venezuela")), null);
    Evidence evidence = new Evidence(Ids.of("https://elpais.example/venezuela"), "el_pais",
        "https://elpais.example/venezuela-ratifica", "Venezuela ratifica el tratado con Rusia",
        Instant.parse("2025-10-29T10:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 3,
        "Venezuela — treaty ratified: strategic partnership with Russia", null, List.of());
  }

  /**
   * North Korean casualties: at least 4,700 against a known "about 1,000" of January 2025, so CHANGED, severity 4;
   * highlights "North Korean" and "4,700".
   */
  public static Development northKoreaCasualties() {
    String sentence = "At least 4,700 North Korean soldiers have been killed or wounded, Seoul's intelligence service"
        + " said.";
    int start = 97;
    Claim claim = new Claim("north_korea", "casualties", "russia", null,
        new Quantity(4_700, 4_700, "soldiers", Qualifier.AT_LEAST), LocalDate.of(2025, 11, 1), sentence, start,
        start + sentence.length(), null,
        List.of(span(sentence, start, "4,700"), span(sentence, start, "North Korean")), null);
    Evidence evidence = new Evidence(Ids.of("https://www.bbc.example/nk-casualties"), "bbc",
        "https://www.bbc.example/nk-casualties", "North Korean losses rise in Kursk",
        Instant.parse("2025-11-01T12:00:00Z"));
    return development(claim, evidence, Verdict.CHANGED, 4, "North Korea — casualties: at least 4,700 soldiers",
        "about 1,000 soldiers, 2025-01", List.of(new KnownFact("north_korea", "casualties", null,
            new Quantity(1_000, 1_000, "soldiers", Qualifier.ABOUT), "2025-01")));
  }

  /**
   * Kim will send 6,000 more soldiers: a planned increment, NEW, compared with the known total of 10,000–12,000;
   * highlights "6,000".
   */
  public static Development plannedIncrement() {
    String sentence = "Kim will send 6,000 more soldiers to Russia, Seoul's intelligence service said.";
    int start = 51;
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
        new Quantity(6_000, 6_000, "soldiers", Qualifier.EXACT, "increment"), null, sentence, start,
        start + sentence.length(), null, List.of(span(sentence, start, "6,000")), null, true);
    Evidence evidence = new Evidence(Ids.of("https://www.yonhap.example/nk-more"), "yonhap",
        "https://www.yonhap.example/nk-more", "North Korea to send more troops",
        Instant.parse("2025-11-05T09:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 4, "North Korea — troop deployment: 6,000 more soldiers",
        "10,000–12,000 soldiers (2025-04)", List.of(new KnownFact("north_korea", "troop_deployment", null,
            new Quantity(10_000, 12_000, "soldiers", Qualifier.ABOUT, "total"), "2025-04")));
  }

  /** Kim and Putin meet: severity 5, for immediate alerts. */
  public static Development leaderMeeting() {
    String sentence = "Kim Jong-un arrived in Vladivostok for talks with Vladimir Putin.";
    Claim claim = new Claim("north_korea", "leader_meeting", "russia", null, null, LocalDate.of(2025, 11, 3),
        sentence, 0, sentence.length(), null, List.of(span(sentence, 0, "Kim Jong-un")), null);
    Evidence evidence = new Evidence(Ids.of("https://tass.example/kim-putin"), "tass",
        "https://tass.example/kim-putin", "Kim arrives in Vladivostok", Instant.parse("2025-11-03T06:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 5, "North Korea — leader meeting: Kim and Putin", null,
        List.of());
  }

  /** Belarus hosts Russian missiles: another entity, severity 3. */
  public static Development belarusArms() {
    String sentence = "Belarus received a new batch of Russian Iskander missiles, Minsk said.";
    Claim claim = new Claim("belarus", "arms_supply", "russia", null, null, LocalDate.of(2025, 10, 30), sentence,
        10, 10 + sentence.length(), null, List.of(span(sentence, 10, "Belarus")), null);
    Evidence evidence = new Evidence(Ids.of("https://belta.example/iskander"), "belta",
        "https://belta.example/iskander", "Iskander batch arrives", Instant.parse("2025-10-30T09:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 3, "Belarus — arms supply", null, List.of());
  }

  /**
   * The same claim read in another sentence (at the same article offset), with {@code marked} highlighted; the
   * development gets a new id.
   */
  public static Development withSentence(Development d, String sentence, String marked) {
    Claim c = d.claim();
    List<Claim.Span> highlights = new ArrayList<>();
    if (marked != null) {
      highlights.add(span(sentence, c.start(), marked));
    }
    Claim claim = new Claim(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity(), c.date(), sentence,
        c.start(), c.start() + sentence.length(), c.attribution(), highlights, c.confirms());
    return new Development(d.schema(), Ids.of(d.id(), sentence), d.claimKey(), d.verdict(), d.severity(),
        d.headline(), claim, d.evidence(), d.comparedFacts(), d.known(), d.knownFacts(), d.detectedAt());
  }

  /** The same development with other evidence (and id). */
  public static Development withEvidence(Development d, Evidence evidence) {
    return new Development(d.schema(), Ids.of(d.id(), evidence.toString()), d.claimKey(), d.verdict(),
        d.severity(), d.headline(), d.claim(), evidence, d.comparedFacts(), d.known(), d.knownFacts(),
        d.detectedAt());
  }

  /** The same development with another severity (and id). */
  public static Development withSeverity(Development d, int severity) {
    return new Development(d.schema(), Ids.of(d.id(), "severity", Integer.toString(severity)), d.claimKey(),
        d.verdict(), severity, d.headline(), d.claim(), d.evidence(), d.comparedFacts(), d.known(), d.knownFacts(),
        d.detectedAt());
  }

  /** The same development with a state-media attribution. */
  public static Development attributedTo(Development d, String medium) {
    Claim c = d.claim();
    Claim claim = new Claim(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity(), c.date(),
        c.sentence(), c.start(), c.end(), medium, c.highlights(), c.confirms());
    return new Development(d.schema(), d.id(), d.claimKey(), d.verdict(), d.severity(), d.headline(), claim,
        d.evidence(), d.comparedFacts(), d.known(), d.knownFacts(), d.detectedAt());
  }

  /** The article span of the first {@code text} in {@code sentence}, which starts at {@code start}. */
  public static Claim.Span span(String sentence, int start, String text) {
    int at = sentence.indexOf(text);
    if (at < 0) {
      throw new IllegalArgumentException("'" + text + "' is not in '" + sentence + "'");
    }
    return new Claim.Span(start + at, start + at + text.length());
  }

  private static Development development(Claim claim, Evidence evidence, Verdict verdict, int severity,
      String headline, String known, List<KnownFact> knownFacts) {
    String value = claim.quantity() == null ? String.valueOf(claim.treaty()) : claim.quantity().describe();
    return new Development(Development.SCHEMA, Ids.of(claim.key(), value, evidence.articleId()), claim.key(),
        verdict, severity, headline, claim, evidence, verdict == Verdict.NEW ? List.of() : List.of("fact-1"), known,
        knownFacts, DETECTED);
  }
}
