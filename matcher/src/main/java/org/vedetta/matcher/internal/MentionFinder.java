package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.model.EntityKind;

/**
 * Finds every tracked entity and treaty named in a folded text with one automaton built from the whole
 * knowledge set. An alias marked ambiguous counts only in a sentence that holds one of its context words; a short
 * name ("Kim") only once the entity was named in full before it.
 */
public final class MentionFinder {

  /**
   * What an alias stands for; {@code parties} are the states of a treaty (their acting states, for persons);
   * {@code capitalised}: the alias counts only written with a capital letter; {@code onceNamed}: only after the
   * entity was named by another alias.
   */
  public record Target(String id, EntityKind kind, boolean needsContext, WordList context, List<String> parties,
      boolean capitalised, boolean onceNamed) {}

  /** A mention in folded offsets of the text it was found in. */
  public record Found(Target target, int start, int end) {}

  private final AliasAutomaton<Target> automaton;
  private final int aliases;

  public MentionFinder(KnowledgeSet knowledge) {
    Map<String, List<Target>> byAlias = new HashMap<>();
    for (Entity e : knowledge.entities()) {
      Set<String> ambiguous = e.context() == null ? Set.of()
          : e.context().ambiguous().stream().map(FoldedText::fold).collect(Collectors.toSet());
      Set<String> capitalised = e.context() == null ? Set.of()
          : e.context().capitalised().stream().map(FoldedText::fold).collect(Collectors.toSet());
      Set<String> onceNamed = e.context() == null ? Set.of()
          : e.context().onceNamed().stream().map(FoldedText::fold).collect(Collectors.toSet());
      WordList context = e.context() == null ? null : WordList.of(Map.of("any", e.context().requires()));
      EntityKind kind = switch (e.kind()) {
        case STATE -> EntityKind.STATE;
        case PERSON -> EntityKind.PERSON;
        case ORGANISATION -> EntityKind.ORGANISATION;
      };
      e.aliases().map(FoldedText::fold).distinct().forEach(alias -> byAlias
          .computeIfAbsent(alias, a -> new ArrayList<>())
          .add(new Target(e.id(), kind, ambiguous.contains(alias), context,
              e.actingState() == null ? List.of() : List.of(e.actingState()), capitalised.contains(alias),
              onceNamed.contains(alias))));
    }
    for (Treaty t : knowledge.treaties()) {
      t.aliases().map(FoldedText::fold).distinct().forEach(alias -> byAlias
          .computeIfAbsent(alias, a -> new ArrayList<>())
          .add(new Target(t.id(), EntityKind.TREATY, false, null, t.parties(), false, false)));
    }
    this.automaton = AliasAutomaton.build(byAlias);
    this.aliases = byAlias.size();
  }

  public int aliases() {
    return aliases;
  }

  /**
   * Mentions in {@code text}; {@code sentences} are folded {@code [start, end)} ranges used to check the
   * context of ambiguous aliases.
   */
  public List<Found> find(FoldedText text, List<int[]> sentences) {
    return find(text, () -> sentences, Set.of());
  }

  /** As {@link #find(FoldedText, List)}; {@code namedBefore}: the ids named before the text (in its title). */
  public List<Found> find(FoldedText text, List<int[]> sentences, Set<String> namedBefore) {
    return find(text, () -> sentences, namedBefore);
  }

  /** As {@link #find(FoldedText, List)}, splitting sentences only when an ambiguous alias needs its context. */
  public List<Found> find(FoldedText text, java.util.function.Supplier<List<int[]>> sentenceSplitter) {
    return find(text, sentenceSplitter, Set.of());
  }

  private List<Found> find(FoldedText text, java.util.function.Supplier<List<int[]>> sentenceSplitter,
      Set<String> namedBefore) {
    String folded = text.folded();
    Lazy lazy = new Lazy(sentenceSplitter);
    List<Found> found = new ArrayList<>();
    Set<String> namedInFull = new HashSet<>(namedBefore);
    List<AliasAutomaton.Hit<Target>> shared = new ArrayList<>();
    for (AliasAutomaton.Hit<Target> hit : automaton.find(folded)) {
      if (hit.targets().size() > 1 && hit.targets().stream().allMatch(t -> t.kind() == EntityKind.TREATY)) {
        shared.add(hit);
        found.add(null);
        continue;
      }
      for (Target target : hit.targets()) {
        if (target.capitalised() && !Character.isUpperCase(text.original().charAt(text.originalStart(hit.start())))) {
          continue; // "irán" (they will go), not "Irán"
        }
        if (target.onceNamed() && !namedInFull.contains(target.id())) {
          continue; // "Kim" before "Kim Jong Un": not yet known to be him
        }
        if (!target.needsContext() || contextHolds(target, folded, lazy.get(), hit.start())) {
          found.add(new Found(target, hit.start(), hit.end()));
          if (!target.onceNamed()) {
            namedInFull.add(target.id());
          }
          break;
        }
      }
    }
    if (shared.isEmpty()) {
      return found;
    }
    // Treaties sharing a name ("strategic partnership treaty"): the one whose own parties (those it does not share
    // with every other) its sentence names most often, else the text; none when neither names such a party.
    List<Found> named = found.stream().filter(java.util.Objects::nonNull).toList();
    java.util.Iterator<AliasAutomaton.Hit<Target>> next = shared.iterator();
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i) == null) {
        AliasAutomaton.Hit<Target> hit = next.next();
        int[] sentence = sentenceAt(lazy.get(), hit.start()).orElse(new int[] {0, folded.length()});
        Target best = bestParty(hit, named.stream().filter(f -> f.start() >= sentence[0] && f.end() <= sentence[1])
            .toList());
        if (best == null) {
          best = bestParty(hit, named);
        }
        found.set(i, best == null ? null : new Found(best, hit.start(), hit.end()));
      }
    }
    found.removeIf(java.util.Objects::isNull);
    return found;
  }

  /** Of the treaties sharing a name, the one whose own parties {@code named} names most often; null if none. */
  private static Target bestParty(AliasAutomaton.Hit<Target> hit, List<Found> named) {
    Map<String, Long> counts = named.stream().flatMap(f -> f.target().parties().stream())
        .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    java.util.function.ToLongFunction<Target> own = t -> t.parties().stream()
        .filter(p -> !hit.targets().stream().allMatch(o -> o.parties().contains(p)))
        .mapToLong(p -> counts.getOrDefault(p, 0L)).sum();
    Target best = hit.targets().stream().max(java.util.Comparator.comparingLong(own)).orElseThrow();
    return own.applyAsLong(best) > 0 ? best : null;
  }

  private static boolean contextHolds(Target target, String folded, List<int[]> sentences, int at) {
    if (target.context() == null || target.context().isEmpty()) {
      return false;
    }
    return sentenceAt(sentences, at).map(s -> target.context().occursIn(folded.substring(s[0], s[1])))
        .orElse(false);
  }

  /** The sentence holding offset {@code at}, found by binary search: sentences are in text order. */
  private static java.util.Optional<int[]> sentenceAt(List<int[]> sentences, int at) {
    int low = 0;
    int high = sentences.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int[] s = sentences.get(mid);
      if (at < s[0]) {
        high = mid - 1;
      } else if (at >= s[1]) {
        low = mid + 1;
      } else {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  /** Sentences, split on first use. */
  private static final class Lazy {
    private final java.util.function.Supplier<List<int[]>> splitter;
    private List<int[]> sentences;

    Lazy(java.util.function.Supplier<List<int[]>> splitter) {
      this.splitter = splitter;
    }

    List<int[]> get() {
      if (sentences == null) {
        sentences = splitter.get();
      }
      return sentences;
    }
  }
}
