package org.vedetta.matcher;

import java.util.List;
import org.vedetta.model.KnownFact;
import org.vedetta.model.Claim;
import org.vedetta.model.Verdict;

/**
 * A claim and how it compares with what is known.
 *
 * @param claim         what was read
 * @param verdict       new, changed, confirmed or known
 * @param comparedFacts ids of the known facts it was compared with
 * @param known         what was known, for people, or {@code null}
 * @param reason        why this verdict, for analysts
 * @param knownFacts    the compared facts as data
 */
public record Assessment(Claim claim, Verdict verdict, List<String> comparedFacts, String known, String reason,
    List<KnownFact> knownFacts) {

  public Assessment {
    comparedFacts = List.copyOf(comparedFacts);
    knownFacts = knownFacts == null ? List.of() : List.copyOf(knownFacts);
  }

  /** An assessment that compared no facts, or whose facts are given by id only. */
  public Assessment(Claim claim, Verdict verdict, List<String> comparedFacts, String known, String reason) {
    this(claim, verdict, comparedFacts, known, reason, List.of());
  }
}
