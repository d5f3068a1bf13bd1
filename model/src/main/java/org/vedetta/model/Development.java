package org.vedetta.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A claim that is not already known: the unit of alerting.
 *
 * @param schema        version of this record's JSON shape
 * @param id            {@link Ids#of} claim key, value and first evidence article: stable across replays
 * @param claimKey      {@link Claim#key()}
 * @param verdict       never {@link Verdict#KNOWN}
 * @param severity      1 (minor) to 5 (critical): the event type's base severity, raised for new figures
 * @param headline      one line for people, e.g. "North Korea — troop deployment: about 15,000 soldiers"
 * @param claim         what was read
 * @param evidence      where it was read
 * @param comparedFacts ids of the known facts it was compared with (empty for {@link Verdict#NEW})
 * @param known         what was known before, for people ("10,000–12,000 soldiers, 2025-10"), or {@code null}
 * @param knownFacts    the facts of {@code comparedFacts} as data, so a digest can say what changed (since schema 2)
 * @param detectedAt    when the matcher decided
 */
public record Development(
    int schema,
    String id,
    String claimKey,
    Verdict verdict,
    int severity,
    String headline,
    Claim claim,
    Evidence evidence,
    List<String> comparedFacts,
    String known,
    List<KnownFact> knownFacts,
    Instant detectedAt) {

  public static final int SCHEMA = 2;

  public Development {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(claim, "claim");
    comparedFacts = comparedFacts == null ? List.of() : List.copyOf(comparedFacts);
    knownFacts = knownFacts == null ? List.of() : List.copyOf(knownFacts);
  }

  /** A development without {@link #knownFacts}. */
  public Development(int schema, String id, String claimKey, Verdict verdict, int severity, String headline,
      Claim claim, Evidence evidence, List<String> comparedFacts, String known, Instant detectedAt) {
    this(schema, id, claimKey, verdict, severity, headline, claim, evidence, comparedFacts, known, List.of(),
        detectedAt);
  }
}
