package org.vedetta.matcher.internal;

import java.util.List;
import java.util.Optional;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.EntityKind;

/**
 * Who a sentence's mentions stand for: the state each acts for, whether it is one of the allies claims are about,
 * whether it names the focus state's side, and which ally is named nearest a place of the sentence.
 */
final class Actors {

  /** How many words from a third state a source word makes it the source ("South Korea's National Intelligence"). */
  private static final int SOURCE_REACH = 3;

  private final KnowledgeSet knowledge;
  private final WordList places;
  private final WordList sources;

  /**
   * @param places  words after which a state is named as a place, not an actor ("in", "en", "в")
   * @param sources words that, by a third state, make it the source of a report ("intelligence", "laut")
   */
  Actors(KnowledgeSet knowledge, WordList places, WordList sources) {
    this.knowledge = knowledge;
    this.places = places;
    this.sources = sources;
  }

  String focus() {
    return knowledge.focus();
  }

  /** The state a mention acts for: the state itself, or the state a person represents. */
  Optional<String> actingState(MentionFinder.Found m) {
    if (m.target().kind() == EntityKind.TREATY) {
      return Optional.empty();
    }
    return knowledge.entity(m.target().id()).map(Entity::actingState);
  }

  /** Whether a mention names one of the allies (a state, or a person acting for one). */
  boolean isAlly(MentionFinder.Found m) {
    return actingState(m).flatMap(knowledge::entity).map(Entity::ally).orElse(false);
  }

  /** Whether the sentence names the focus state or someone acting for it. */
  boolean namesFocus(Sentence s) {
    return s.mentions().stream().anyMatch(m -> actingState(m).filter(focus()::equals).isPresent());
  }

  /**
   * Whether a mention names a place rather than an actor: a state right after a place word ("met in Beijing"), or
   * after a comma that follows a word naming nothing tracked ("in Tianjin, China").
   */
  boolean isPlace(Sentence s, MentionFinder.Found m) {
    int word = s.tokens().at(m.start());
    if (word == 0 || m.target().kind() != EntityKind.STATE) {
      return false;
    }
    int start = s.tokens().start(word - 1);
    int end = s.tokens().end(word - 1);
    if (places.occursIn(s.text().substring(start, end))) {
      return true;
    }
    String between = s.text().substring(end, m.start()).strip();
    // "in Tianjin, China", "у Бішкеку (Киргизстан)": a state after a place that names nothing tracked or itself.
    return (between.equals(",") || between.equals("(")) && s.mentions().stream()
        .noneMatch(o -> o.start() < end && o.end() > start && !actingState(o).equals(actingState(m)));
  }

  /** Whether a mention names an official of an ally or the focus state: a person of either, or a state medium. */
  boolean isOfficial(MentionFinder.Found m) {
    if (m.target().kind() == EntityKind.PERSON) {
      return isAlly(m) || actingState(m).filter(focus()::equals).isPresent();
    }
    return m.target().kind() == EntityKind.ORGANISATION
        && knowledge.entity(m.target().id()).map(Entity::stateMedia).orElse(false);
  }

  /** How many different allies the sentence names. */
  long alliesNamed(Sentence s) {
    return s.mentions().stream().filter(this::isAlly).map(this::actingState).flatMap(Optional::stream).distinct()
        .count();
  }

  /**
   * Whether the sentence names a state that is neither an ally nor the focus state (Ukraine, the United States), other
   * than as a place ("im Ukraine-Krieg") or as the source of what it reports: an agency of that state ("the NIS"), or
   * the state within a few words of a source word ("South Korea's spy agency", "Schätzungen des südkoreanischen
   * Geheimdiensts zufolge").
   */
  boolean namesThirdState(Sentence s) {
    List<int[]> sourceWords = null;
    for (MentionFinder.Found m : s.mentions()) {
      Optional<String> state = actingState(m);
      if (state.isEmpty() || state.get().equals(focus()) || knowledge.entity(state.get()).map(Entity::ally)
          .orElse(false) || m.target().kind() == EntityKind.ORGANISATION || isPlace(s, m)) {
        continue;
      }
      if (sourceWords == null) {
        sourceWords = sources.find(s.text());
      }
      if (!isSource(s, m, sourceWords)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSource(Sentence s, MentionFinder.Found m, List<int[]> sourceWords) {
    int first = s.tokens().at(m.start());
    int last = s.tokens().at(m.end() - 1);
    for (int[] w : sourceWords) {
      int after = s.tokens().at(w[0]) - last;
      int before = first - s.tokens().at(w[1] - 1);
      if (after > 0 && after <= SOURCE_REACH || before > 0 && before <= SOURCE_REACH) {
        return true;
      }
    }
    return false;
  }

  /** The ally party of a tracked treaty the sentence names, if any. */
  Optional<String> treatyAlly(Sentence s) {
    return s.mentions().stream().filter(m -> m.target().kind() == EntityKind.TREATY)
        .flatMap(m -> m.target().parties().stream())
        .filter(p -> !p.equals(focus()) && knowledge.entity(p).map(Entity::ally).orElse(false))
        .findFirst();
  }

  /** The ally named nearest {@code [start, end)}; places are passed over when {@code actorsOnly}. */
  Optional<MentionFinder.Found> nearestAlly(Sentence s, int start, int end, boolean actorsOnly) {
    MentionFinder.Found best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (MentionFinder.Found m : s.mentions()) {
      if (!isAlly(m) || actorsOnly && isPlace(s, m)) {
        continue;
      }
      int distance = m.start() >= end ? m.start() - end : m.end() <= start ? start - m.end() : 0;
      if (distance < bestDistance) {
        best = m;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The last ally named in {@code mentions} (a paragraph's topic), as the state it acts for. */
  Optional<String> lastAlly(List<MentionFinder.Found> mentions) {
    String last = null;
    for (MentionFinder.Found m : mentions) {
      if (isAlly(m)) {
        last = actingState(m).orElse(last);
      }
    }
    return Optional.ofNullable(last);
  }

  /** The state medium a sentence cites, if any. */
  String attribution(List<MentionFinder.Found> mentions) {
    return mentions.stream()
        .filter(m -> m.target().kind() == EntityKind.ORGANISATION)
        .map(m -> knowledge.entity(m.target().id()))
        .flatMap(Optional::stream)
        .filter(Entity::stateMedia)
        .map(Entity::id)
        .findFirst().orElse(null);
  }
}
