package org.vedetta.notifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Ids;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;

/** Developments as the matcher emits them, for the notifier's tests. */
public final class Developments {

  public static final Instant DETECTED = Instant.parse("2025-11-03T08:15:00Z");

  private Developments() {}

  /** North Korean troops in Kursk: a new figure, severity 4. */
  public static Development northKoreaTroops() {
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
        new Quantity(15_000, 15_000, "soldiers", Qualifier.ABOUT), null,
        "Secondo l'intelligence sudcoreana, circa 15.000 soldati nordcoreani sono stati schierati nella regione"
            + " di Kursk.", 0, 104);
    Evidence evidence = new Evidence(Ids.of("https://www.ansa.it/nk-kursk"), "ansa",
        "https://www.ansa.it/nk-kursk", "Corea del Nord, 15mila soldati a Kursk",
        Instant.parse("2025-11-02T18:30:00Z"));
    return development(claim, evidence, Verdict.NEW, 4,
        "North Korea — troop deployment: about 15,000 soldiers", null);
  }

  /** Venezuela ratifies its strategic partnership with Russia: a treaty stage, severity 3. */
  public static Development venezuelaRatification() {
    Claim claim = new Claim("venezuela", "treaty_ratified", "russia", "russia_venezuela_partnership", null,
        LocalDate.of(2025, 10, 28),
        "L'Assemblea nazionale del Venezuela ha ratificato il trattato di partenariato strategico con la Russia.",
        0, 103);
    Evidence evidence = new Evidence(Ids.of("https://elpais.example/venezuela"), "el_pais",
        "https://elpais.example/venezuela-ratifica", "Venezuela ratifica el tratado con Rusia",
        Instant.parse("2025-10-29T10:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 3,
        "Venezuela — treaty ratified: strategic partnership with Russia", null);
  }

  /** North Korean casualties: a figure well above the known one, severity 4. */
  public static Development northKoreaCasualties() {
    Claim claim = new Claim("north_korea", "casualties", "russia", null,
        new Quantity(4_700, 4_700, "soldiers", Qualifier.AT_LEAST), LocalDate.of(2025, 11, 1),
        "At least 4,700 North Korean soldiers have been killed or wounded, Seoul's intelligence service said.",
        0, 102);
    Evidence evidence = new Evidence(Ids.of("https://www.bbc.example/nk-casualties"), "bbc",
        "https://www.bbc.example/nk-casualties", "North Korean losses rise in Kursk",
        Instant.parse("2025-11-01T12:00:00Z"));
    return development(claim, evidence, Verdict.CHANGED, 4,
        "North Korea — casualties: at least 4,700 soldiers", "about 1,000 soldiers, 2025-01");
  }

  /** Kim and Putin meet: severity 5, for immediate alerts. */
  public static Development leaderMeeting() {
    Claim claim = new Claim("north_korea", "leader_meeting", "russia", null, null, LocalDate.of(2025, 11, 3),
        "Kim Jong-un arrived in Vladivostok for talks with Vladimir Putin.", 0, 66);
    Evidence evidence = new Evidence(Ids.of("https://tass.example/kim-putin"), "tass",
        "https://tass.example/kim-putin", "Kim arrives in Vladivostok", Instant.parse("2025-11-03T06:00:00Z"));
    return development(claim, evidence, Verdict.NEW, 5, "North Korea — leader meeting: Kim and Putin", null);
  }

  /** The same claim, read in a sentence that carries markup. */
  public static Development withSentence(Development d, String sentence) {
    Claim c = d.claim();
    Claim claim = new Claim(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity(), c.date(), sentence,
        c.start(), c.end());
    return new Development(d.schema(), Ids.of(d.id(), sentence), d.claimKey(), d.verdict(), d.severity(),
        d.headline(), claim, d.evidence(), d.comparedFacts(), d.known(), d.detectedAt());
  }

  /** The same development with another severity (and id). */
  public static Development withSeverity(Development d, int severity) {
    return new Development(d.schema(), Ids.of(d.id(), "severity", Integer.toString(severity)), d.claimKey(),
        d.verdict(), severity, d.headline(), d.claim(), d.evidence(), d.comparedFacts(), d.known(), d.detectedAt());
  }

  private static Development development(Claim claim, Evidence evidence, Verdict verdict, int severity,
      String headline, String known) {
    String value = claim.quantity() == null ? String.valueOf(claim.treaty()) : claim.quantity().describe();
    return new Development(Development.SCHEMA, Ids.of(claim.key(), value, evidence.articleId()), claim.key(),
        verdict, severity, headline, claim, evidence, verdict == Verdict.NEW ? List.of() : List.of("fact-1"), known,
        DETECTED);
  }
}
