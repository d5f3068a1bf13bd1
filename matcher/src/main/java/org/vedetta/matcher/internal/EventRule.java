package org.vedetta.matcher.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.vedetta.matcher.knowledge.EventType;

/**
 * An event type with its words compiled, of one language or every language together: triggers, units, required
 * words, and for a quantity event the phrases and words of its roles.
 */
record EventRule(EventType type, WordList triggers, WordList units, WordList requires, List<Role> roles,
    Map<String, WordList> acknowledges, WordList thirdParties, WordList aims, WordList statements,
    WordList officials, WordList carriedBy, WordList garrisons) {

  /** A role of a quantity event: the phrases that say it around a figure and the words that imply it. */
  record Role(String id, List<Phrase> phrases, WordList words) {}

  /**
   * @param words   the words of each list to compile: those of the article's language, or all
   * @param lexicon where the lists are entered, with the reader's other lists
   */
  static EventRule of(EventType e, UnaryOperator<Map<String, List<String>>> words, Lexicon lexicon) {
    return new EventRule(e, lexicon.add(words.apply(e.triggers())), lexicon.add(words.apply(e.units())),
        lexicon.add(words.apply(e.requires())),
        e.roles().stream().map(r -> new Role(r.id(), words.apply(r.phrases()).values().stream()
            .flatMap(List::stream).map(Phrase::compile).toList(), lexicon.add(words.apply(r.words())))).toList(),
        e.acknowledges().entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
            Map.Entry::getKey, a -> lexicon.add(words.apply(a.getValue())))),
        lexicon.add(words.apply(e.thirdParties())), lexicon.add(words.apply(e.aims())),
        lexicon.add(words.apply(e.statements())), lexicon.add(words.apply(e.officials())),
        lexicon.add(words.apply(e.carriedBy())), lexicon.add(words.apply(e.garrisons())));
  }

  /**
   * Whether the sentence holds one of the words this event type requires (or it requires none); a garrison ("a
   * military base") is one.
   */
  boolean requiredIn(String sentence) {
    return requires.isEmpty() || requires.occursIn(sentence) || garrisons.occursIn(sentence);
  }

  /** The places of the event's triggers and garrison words in the sentence, in order. */
  List<int[]> triggersIn(String sentence) {
    List<int[]> found = garrisons.find(sentence);
    if (found.isEmpty()) {
      return triggers.find(sentence);
    }
    return Stream.concat(triggers.find(sentence).stream(), found.stream())
        .sorted(Comparator.comparingInt((int[] t) -> t[0])).toList();
  }

  /**
   * An event type fired in a sentence, with the places of its triggers there; {@code carried} when the sentence goes
   * on with it from the sentence before, whose required words then hold here: its triggers are then the words that
   * carry it ("Il vise ..."); {@code namedBefore} when the sentence before named it with the words it requires ("North
   * Korea delivered rockets and missiles. More deliveries are planned.").
   */
  record Fired(EventRule rule, List<int[]> triggers, boolean carried, boolean namedBefore) {
    EventType type() {
      return rule.type();
    }

    /** Whether the words the event requires hold: in the sentence, or in the one before that named it. */
    boolean required(String sentence) {
      return carried || namedBefore || rule.requiredIn(sentence);
    }
  }
}
