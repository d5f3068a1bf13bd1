package org.vedetta.matcher.knowledge;

import org.vedetta.model.Claim;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * A known claim: baseline (from {@code facts.yml}) or learned (from an earlier development).
 *
 * @param id           stable id
 * @param subject      entity id
 * @param event        event type id
 * @param counterparty entity id; the knowledge set's focus state when absent in {@code facts.yml}
 * @param treaty       treaty id for treaty events
 * @param quantity     the figure, or {@code null}
 * @param asOf         {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param status       reported, estimated or officially_confirmed
 * @param source       where it is stated (a seed file name, or an article URL for learned facts)
 * @param quote        the words of the source
 * @param confirms     for an official confirmation, the event it confirms; when absent in {@code facts.yml}, its
 *                     event type's default
 * @param planned      whether it is a plan or an announcement ("will send 6,000 more") rather than a done thing;
 *                     a plan never makes the thing done known
 */
public record Fact(
    String id, String subject, String event, String counterparty, String treaty, FactQuantity quantity,
    String asOf, String status, String source, String quote, String confirms, boolean planned)
    implements Validated {

  /** A figure as written in YAML; {@code role} as the event type names it ({@code total}, {@code killed}). */
  public record FactQuantity(long low, long high, Qualifier qualifier, String unit, String role) {
    public Quantity toQuantity() {
      return new Quantity(low, high, unit, qualifier == null ? Qualifier.EXACT : qualifier, role);
    }
  }

  /** This fact with the knowledge set's defaults for what {@code facts.yml} may leave out. */
  Fact withDefaults(String focus, String confirmsByDefault) {
    return new Fact(id, subject, event, counterparty == null ? focus : counterparty, treaty, quantity, asOf, status,
        source, quote, confirms == null ? confirmsByDefault : confirms, planned);
  }

  public boolean officiallyConfirmed() {
    return "officially_confirmed".equals(status);
  }

  public String key() {
    return Claim.keyOf(subject, event, counterparty, treaty);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.require(subject, "subject");
    problems.require(event, "event");
    problems.require(source, "source");
    if (quantity != null) {
      problems.check(quantity.low() <= quantity.high(), "quantity", "low must not exceed high");
    }
    if (asOf != null) {
      problems.check(asOf.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"), "as_of", "must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
}
