package org.vedetta.matcher.knowledge;

import java.util.List;
import java.util.Map;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * A kind of development and how it is recognised.
 *
 * @param id        e.g. {@code troop_deployment}
 * @param label     how people read it, e.g. "troop deployment"
 * @param severity  base severity, 1 (minor) to 5 (critical)
 * @param tolerance relative difference under which two figures are the same (0.1 = 10%)
 * @param priority  when several event types fire in one sentence, the highest priority wins
 * @param quantity  whether a claim of this type needs a figure ({@code true} for troops and casualties)
 * @param unit      the unit of its figures, e.g. {@code soldiers}
 * @param triggers  trigger words per language; a trailing {@code *} matches any ending ("schierat*")
 * @param units     words naming the unit per language ("soldati", "troops"); a figure counts only next to one
 * @param requires  words per language of which one must also be in the sentence (e.g. "truppe" for a
 *                  confirmation), or empty
 * @param treaty    whether a claim of this type is about a treaty, which the sentence must name or imply
 * @param recurring whether the event happens again and again (meetings, deliveries, sanctions): a dated claim
 *                  more than half a year after every known one of its key is a new occurrence
 * @param stage     for a treaty step, its place in a treaty's life (signed 1, ratified 2, in force 3): a step
 *                  later than every known one is news, an earlier one is implied by it
 * @param perParty  for a treaty step, whether each party takes it on its own (a ratification is the ratifying
 *                  party's; a signature or entry into force of a treaty with the focus state is the ally's)
 * @param confirms  for an official confirmation, the event type it confirms when the sentence names none
 *                  ({@code troop_deployment}); its presence makes this event type the confirmation
 * @param acknowledges for an official confirmation, per event type it confirms, the words of ceremonies by which
 *                  officials acknowledge that event without saying "confirm" (honouring coffins of the fallen)
 * @param bilateral whether the event is a dealing between an ally and the focus state: a sentence naming two
 *                  allies and not the focus state is about a dealing between them, not a claim
 * @param targeted  whether the subject is the state the event is aimed at: the ally named first after the
 *                  trigger ("sanctions against Iranian firms"), and no claim when that is the focus state
 * @param reasons   event types a sentence of this type names only as its reason ("sanctions on firms that
 *                  supplied drones"): there they are background, not news
 * @param aims      for a targeted event, words that aim it at what follows ("against"): right after the trigger,
 *                  they must lead to an ally
 * @param statements for an official confirmation, words of statements that confirm without saying so (thanked,
 *                  praised, announced), when an official of the ally or the focus state makes them about soldiers
 * @param officials for an official confirmation, words naming officials besides the persons of the knowledge set
 *                  (ministry, spokesman, state media); for a meeting, words naming leaders and ministers (president,
 *                  prime minister), one of which, or a person of the knowledge set, its sentence must name
 * @param thirdParties for an official confirmation, words naming third parties (the Pentagon, Kyiv, NATO): a
 *                  confirmation by one of them is a report, not an official confirmation
 * @param meeting   whether the event is the ally and the focus state meeting: the sentence must name someone of
 *                  the focus side too, and a state named as a place ("met in Beijing") is not the ally
 * @param carriedBy words per language by which a sentence goes on with the event of a sentence just before without
 *                  naming it again ("Nous venons d'adopter notre 19e paquet de sanctions. Il vise ... des entités en
 *                  Inde"), in a sentence holding no trigger of it: the allies that sentence names are its targets,
 *                  and the words the event requires were in the sentence before
 * @param garrisons words per language naming a standing military presence ("military base", "авиабаза"): each
 *                  fires the event and states it without a soldier word ("Russia has its military base in
 *                  Tajikistan"), and stands for the words the event requires
 * @param roles     for a quantity event, what its figures can count ({@code total}, {@code increment},
 *                  {@code killed}...), each recognised by phrases around the figure; the first is the default.
 *                  Figures of different roles are never compared.
 */
public record EventType(
    String id, String label, int severity, double tolerance, int priority, boolean quantity, String unit,
    Map<String, List<String>> triggers, Map<String, List<String>> units, Map<String, List<String>> requires,
    boolean treaty, boolean recurring, int stage, boolean perParty, String confirms,
    Map<String, Map<String, List<String>>> acknowledges, boolean bilateral, boolean targeted, List<String> reasons,
    Map<String, List<String>> aims, Map<String, List<String>> statements, Map<String, List<String>> officials,
    Map<String, List<String>> thirdParties, boolean meeting, Map<String, List<String>> carriedBy,
    Map<String, List<String>> garrisons, List<Role> roles)
    implements Validated {

  /**
   * What a figure counts, and how a sentence says so: {@code phrases} per language around the figure (words,
   * stems ending in {@code *}, {@code {n}} for the figure and {@code …} for up to three other words:
   * {@code "{n} more"}, {@code "another {n}"}, {@code "{n} … killed or wounded"}), and trigger {@code words}
   * that imply it when they are the trigger nearest a figure no phrase qualifies ("2,000 soldiers had died");
   * {@code label} words a figure of this role in English headlines, with {@code {amount}} and {@code {unit}}
   * ("{amount} more {unit}"); without one, the figure reads as amount and unit. A {@code cumulative} role is a
   * running count that only grows (the killed): a figure far below the known one counts a part of it (one unit,
   * one battle), not a change. A figure below the role's {@code minimum} is not of that role ("the two young men
   * recruited" are people, not a deployment).
   */
  public record Role(String id, String label, Map<String, List<String>> phrases, Map<String, List<String>> words,
      boolean cumulative, long minimum) {
    public Role {
      phrases = Names.copy(phrases);
      words = Names.copy(words);
    }
  }

  public EventType {
    triggers = Names.copy(triggers);
    units = Names.copy(units);
    requires = Names.copy(requires);
    roles = roles == null ? List.of() : List.copyOf(roles);
    acknowledges = acknowledges == null ? Map.of() : Map.copyOf(acknowledges);
    thirdParties = Names.copy(thirdParties);
    aims = Names.copy(aims);
    statements = Names.copy(statements);
    officials = Names.copy(officials);
    carriedBy = Names.copy(carriedBy);
    garrisons = Names.copy(garrisons);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    label = label == null ? (id == null ? null : id.replace('_', ' ')) : label;
  }

  /** The role of a figure no phrase qualifies, or {@code null} when the event type has no roles. */
  public String defaultRole() {
    return roles.isEmpty() ? null : roles.get(0).id();
  }

  /** How a figure reads in English headlines: with its role's label when it has one. */
  public String describe(org.vedetta.model.Quantity q) {
    return roles.stream().filter(r -> r.id().equals(q.role()) && r.label() != null).findFirst()
        .map(r -> q.describe(r.label()))
        .orElseGet(() -> q.describe(q.amount() + (q.unit() == null ? "" : " {unit}")));
  }

  /** Whether {@code role} is one of this event type's running counts (see {@link Role}). */
  public boolean cumulative(String role) {
    return roles.stream().anyMatch(r -> r.id().equals(role) && r.cumulative());
  }

  /** The least figure of {@code role} (0 when any figure may be). */
  public long minimum(String role) {
    return roles.stream().filter(r -> r.id().equals(role)).mapToLong(Role::minimum).findFirst().orElse(0);
  }

  /** Whether {@code role} is one of this event type's roles. */
  public boolean hasRole(String role) {
    return roles.stream().anyMatch(r -> r.id().equals(role));
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.check(severity >= 1 && severity <= 5, "severity", "must be between 1 and 5");
    problems.check(tolerance >= 0 && tolerance < 1, "tolerance", "must be at least 0 and below 1");
    problems.check(!triggers.isEmpty(), "triggers", "needs trigger words in at least one language");
    problems.check(!quantity || !units.isEmpty(), "units", "is required when quantity is true");
    problems.check(stage == 0 || treaty, "stage", "is for treaty steps (treaty: true)");
    problems.check(!treaty || stage > 0, "stage", "a treaty step needs its stage (signed 1, ratified 2, in force 3)");
    problems.check(roles.isEmpty() || quantity, "roles", "are for quantity events (quantity: true)");
    problems.eachWith("roles", roles, (role, at) -> {
      at.require(role.id(), "id");
      role.phrases().forEach((lang, list) -> {
        for (int i = 0; i < list.size(); i++) {
          String phrase = list.get(i) == null ? "" : list.get(i).trim();
          at.check(phrase.split("\\{n}", -1).length == 2 && !phrase.equals("{n}"), "phrases." + lang + "[" + i + "]",
              "'" + phrase + "' must hold {n} (the figure) once, and words around it");
        }
      });
    });
  }

  /** Whether a sentence may go on with this event from the sentence before (see {@code carriedBy}). */
  public boolean carried() {
    return !carriedBy.isEmpty();
  }

  /** Whether claims of this type officially confirm another event. */
  public boolean confirmation() {
    return confirms != null;
  }
}
