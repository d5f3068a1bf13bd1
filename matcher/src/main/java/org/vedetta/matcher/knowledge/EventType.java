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
 */
public record EventType(
    String id, String label, int severity, double tolerance, int priority, boolean quantity, String unit,
    Map<String, List<String>> triggers, Map<String, List<String>> units, Map<String, List<String>> requires,
    boolean treaty, boolean recurring) implements Validated {

  public EventType {
    triggers = Names.copy(triggers);
    units = Names.copy(units);
    requires = Names.copy(requires);
    label = label == null ? (id == null ? null : id.replace('_', ' ')) : label;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.check(severity >= 1 && severity <= 5, "severity", "must be between 1 and 5");
    problems.check(tolerance >= 0 && tolerance < 1, "tolerance", "must be at least 0 and below 1");
    problems.check(!triggers.isEmpty(), "triggers", "needs trigger words in at least one language");
    problems.check(!quantity || !units.isEmpty(), "units", "is required when quantity is true");
  }
}
