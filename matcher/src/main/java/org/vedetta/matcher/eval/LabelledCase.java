package org.vedetta.matcher.eval;

import java.time.LocalDate;
import java.util.List;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * One labelled article of the evaluation set: what a careful analyst tags and reads in it.
 *
 * @param id        unique across the set, e.g. {@code it-01}
 * @param published publication date; relative dates are read against it
 * @param title     headline, optional
 * @param text      the article or passage
 * @param mentions  ids of every tracked entity and treaty named in title and text
 * @param claims    every claim, with its verdict against the baseline
 * @param note      why, for people
 */
public record LabelledCase(String id, LocalDate published, String title, String text, List<String> mentions,
    List<ExpectedClaim> claims, String note) implements Validated {

  /**
   * A claim an analyst reads.
   *
   * @param subject entity id of who acts
   * @param event   event type id
   * @param treaty  treaty id for treaty events
   * @param low     the figure's low end, when one is stated
   * @param high    the figure's high end
   * @param verdict new, changed, confirmed or known
   */
  public record ExpectedClaim(String subject, String event, String treaty, Long low, Long high, String verdict) {}

  public LabelledCase {
    title = title == null ? "" : title;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    claims = claims == null ? List.of() : List.copyOf(claims);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.require(published, "published");
    problems.require(text, "text");
    problems.eachWith("claims", claims, (c, at) -> {
      at.require(c.subject(), "subject");
      at.require(c.event(), "event");
      at.check(List.of("new", "changed", "confirmed", "known").contains(c.verdict()), "verdict",
          "must be new, changed, confirmed or known");
    });
  }

  /** A file of the set: {@code eval/<lang>.yml}. */
  public record CasesFile(List<LabelledCase> cases) {
    public CasesFile {
      cases = cases == null ? List.of() : cases;
    }
  }
}
