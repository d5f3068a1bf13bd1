package org.vedetta.matcher.internal;

import java.util.List;
import org.vedetta.matcher.knowledge.EventType;

/**
 * An event type with its words compiled, every language together: triggers, units, required words, and for a
 * quantity event the phrases and words of its roles.
 */
record EventRule(EventType type, WordList triggers, WordList units, WordList requires, List<Role> roles,
    java.util.Map<String, WordList> acknowledges, WordList thirdParties, WordList aims, WordList statements,
    WordList officials) {

  /** A role of a quantity event: the phrases that say it around a figure and the words that imply it. */
  record Role(String id, List<Phrase> phrases, WordList words) {}

  static EventRule of(EventType e) {
    return new EventRule(e, new WordList(e.triggers()), new WordList(e.units()), new WordList(e.requires()),
        e.roles().stream().map(r -> new Role(r.id(), r.phrases().values().stream().flatMap(List::stream)
            .map(Phrase::compile).toList(), new WordList(r.words()))).toList(),
        e.acknowledges().entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
            java.util.Map.Entry::getKey, a -> new WordList(a.getValue()))), new WordList(e.thirdParties()),
        new WordList(e.aims()), new WordList(e.statements()), new WordList(e.officials()));
  }

  /** Whether the sentence holds one of the words this event type requires (or it requires none). */
  boolean requiredIn(String sentence) {
    return requires.isEmpty() || requires.occursIn(sentence);
  }

  /** An event type fired in a sentence, with the places of its triggers there. */
  record Fired(EventRule rule, List<int[]> triggers) {
    EventType type() {
      return rule.type();
    }
  }
}
