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
 * @param counterparty entity id, {@code russia} when absent
 * @param treaty       treaty id for treaty events
 * @param quantity     the figure, or {@code null}
 * @param asOf         {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param status       reported, estimated or officially_confirmed
 * @param source       where it is stated (a seed file name, or an article URL for learned facts)
 * @param quote        the words of the source
 * @param confirms     for an official confirmation, the event it confirms; default {@code troop_deployment}
 */
public record Fact(
    String id, String subject, String event, String counterparty, String treaty, FactQuantity quantity,
    String asOf, String status, String source, String quote, String confirms) implements Validated {

  /** A figure as written in YAML. */
  public record FactQuantity(long low, long high, Qualifier qualifier, String unit) {
    public Quantity toQuantity() {
      return new Quantity(low, high, unit, qualifier == null ? Qualifier.EXACT : qualifier);
    }
  }

  public Fact {
    counterparty = counterparty == null ? "russia" : counterparty;
    confirms = confirms == null && "official_confirmation".equals(event) ? "troop_deployment" : confirms;
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
