package org.vedetta.matcher.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.model.EntityKind;

/**
 * Reads a treaty step: which treaty (named, continued from the text, or the recent one with the party named), and
 * whose step it is (a ratification is the ratifying party's; a signature or entry into force of a treaty with the
 * focus state is the ally's).
 */
final class TreatyClaims {

  /** A treaty implied by a treaty word and a party is one signed at most this many years before the sentence. */
  private static final int IMPLIED_WITHIN_YEARS = 10;

  private final KnowledgeSet knowledge;
  private final Actors actors;

  TreatyClaims(KnowledgeSet knowledge, Actors actors) {
    this.knowledge = knowledge;
    this.actors = actors;
  }

  /**
   * The step the fired treaty event states, if the sentence (or its text) says whose and which treaty; a step each
   * party takes on its own is claimed for every party named before the trigger ("Maduro and now Putin promulgated
   * it").
   */
  List<ClaimReader.Read> read(Sentence s, EventRule.Fired fired, LocalDate published) {
    EventType type = fired.type();
    int[] trigger = fired.triggers().get(0);
    boolean planned = s.markers().plannedAt(trigger);
    // A treaty step names its treaty, or continues the text's treaty ("the law ratifying it").
    if (fired.rule().requiredIn(s.text())) {
      return claims(s, type, trigger, Optional.empty(), planned, published);
    }
    return s.treatyTopic().map(t -> claims(s, type, trigger, knowledge.treaty(t), planned, published))
        .orElse(List.of());
  }

  private List<ClaimReader.Read> claims(Sentence s, EventType type, int[] trigger, Optional<Treaty> known,
      boolean planned, LocalDate published) {
    List<ClaimReader.Read> claims = new ArrayList<>();
    Optional<ClaimReader.Read> first = claim(s, type, trigger, known, planned, published, Set.of());
    first.ifPresent(claims::add);
    if (type.perParty() && first.isPresent() && first.get().treaty() != null) {
      // Every other party named before the trigger took the step too.
      Set<String> taken = new java.util.HashSet<>(Set.of(first.get().subject()));
      for (MentionFinder.Found m : s.mentions()) {
        String state = actors.actingState(m).orElse(null);
        if (m.end() <= trigger[0] && state != null && !taken.contains(state)
            && knowledge.treaty(first.get().treaty()).map(t -> t.parties().contains(state)).orElse(false)) {
          taken.add(state);
          claim(s, type, trigger, known, planned, published, taken).ifPresent(claims::add);
        }
      }
    }
    return claims;
  }

  /** The step of the party named first before the trigger that is not among {@code taken}. */
  private Optional<ClaimReader.Read> claim(Sentence s, EventType type, int[] trigger, Optional<Treaty> known,
      boolean planned, LocalDate published, Set<String> taken) {
    String focus = actors.focus();
    List<String> states = s.mentions().stream().map(actors::actingState).flatMap(Optional::stream).distinct()
        .toList();
    List<String> named = new ArrayList<>(states);
    s.topic().ifPresent(named::add);
    Optional<Treaty> treaty = s.mentions().stream()
        .filter(m -> m.target().kind() == EntityKind.TREATY)
        .map(m -> knowledge.treaty(m.target().id()))
        .flatMap(Optional::stream)
        // Several treaties may share a name: the one whose parties are named here wins.
        .max(Comparator.comparingLong(t -> named.stream().filter(t.parties()::contains).count()))
        .or(() -> known)
        // A set of agreements or a supply contract is no step of the treaty its parties have ("a deal to buy jets").
        .or(() -> s.markers().agreementSet() ? Optional.empty() : implied(states, s.topic(), published));
    if (treaty.isEmpty()) {
      return untracked(s, type, trigger, planned);
    }
    Treaty t = treaty.get();
    boolean perParty = type.perParty();
    Optional<MentionFinder.Found> party = s.mentions().stream()
        .filter(m -> actors.actingState(m).filter(t.parties()::contains).isPresent())
        .filter(m -> taken.isEmpty() || !taken.containsAll(actors.actingState(m).stream().toList())
            && actors.actingState(m).filter(st -> !taken.contains(st)).isPresent())
        .filter(m -> perParty || !actors.actingState(m).orElse("").equals(focus) || !t.parties().contains(focus))
        .min(Comparator.comparingInt(m -> perParty ? before(m, trigger) : 0));
    String subject = party.flatMap(actors::actingState)
        .or(() -> s.topic().filter(t.parties()::contains))
        .or(() -> !perParty && t.parties().size() == 2 && t.parties().contains(focus)
            ? t.parties().stream().filter(p -> !p.equals(focus)).findFirst() : Optional.empty())
        .orElse(null);
    if (subject == null) {
      return Optional.empty();
    }
    String counterparty = t.parties().contains(focus) && !subject.equals(focus) ? focus
        : t.parties().stream().filter(p -> !p.equals(subject)).findFirst().orElse(focus);
    return Optional.of(new ClaimReader.Read(subject, type.id(), counterparty, t.id(), null, s.date(),
        s.attribution(), ClaimReader.spans(party, null), null, planned, s.markers().backgroundAt(trigger)));
  }

  /**
   * A step of a treaty the knowledge set does not track, unless the sentence names a third state and not the focus
   * state's side, or a set of agreements (the cooperation deals of a visit): the party taking it for a per-party
   * step (the one named first before the trigger), else the ally named.
   */
  private Optional<ClaimReader.Read> untracked(Sentence s, EventType type, int[] trigger, boolean planned) {
    if (!actors.namesFocus(s) && actors.namesThirdState(s)) {
      return Optional.empty(); // a treaty between an ally and another state ("a peace treaty with Azerbaijan")
    }
    if (s.markers().agreementSet()) {
      return Optional.empty(); // "the agreements signed in Hanoi": deals, not a treaty
    }
    Optional<MentionFinder.Found> party = s.mentions().stream()
        .filter(m -> actors.actingState(m).filter(st -> actors.focus().equals(st) || knowledge.entity(st)
            .map(e -> e.ally()).orElse(false)).isPresent())
        .filter(m -> type.perParty() || actors.isAlly(m))
        .min(Comparator.comparingInt(m -> type.perParty() ? before(m, trigger) : m.start()));
    return party.flatMap(actors::actingState).map(subject -> new ClaimReader.Read(subject, type.id(),
        actors.focus(), null, null, s.date(), s.attribution(), ClaimReader.spans(party, null), null, planned,
        s.markers().backgroundAt(trigger)));
  }

  /** Mentions before the trigger first, the earliest first (the one who takes the step), then those after it. */
  private static int before(MentionFinder.Found m, int[] trigger) {
    return m.end() <= trigger[0] ? m.start() : 100_000 + m.start();
  }

  /**
   * A treaty word with a party named: the most recent treaty between the focus state and that party, if it was
   * signed recently enough to be the one meant (a 2025 ratification is not the 1971 treaty's).
   */
  private Optional<Treaty> implied(List<String> states, Optional<String> topic, LocalDate published) {
    String focus = actors.focus();
    List<String> others = new ArrayList<>(states.stream().filter(s -> !s.equals(focus)).toList());
    if (others.isEmpty()) {
      topic.ifPresent(others::add);
    }
    return knowledge.treaties().stream()
        .filter(t -> t.parties().contains(focus) && t.parties().size() == 2)
        .filter(t -> others.stream().anyMatch(t.parties()::contains))
        .filter(t -> t.signed() == null || published == null
            || !t.signed().isBefore(published.minusYears(IMPLIED_WITHIN_YEARS)))
        .max(Comparator.comparing(t -> t.signed() == null ? LocalDate.MIN : t.signed()));
  }
}
