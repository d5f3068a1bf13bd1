package org.vedetta.matcher;

import java.util.List;
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
 */
public record Assessment(Claim claim, Verdict verdict, List<String> comparedFacts, String known, String reason) {

  public Assessment {
    comparedFacts = List.copyOf(comparedFacts);
  }
}
