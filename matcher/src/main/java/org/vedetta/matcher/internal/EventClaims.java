package org.vedetta.matcher.internal;

import java.util.List;
import java.util.Optional;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.model.Quantity;

/**
 * Reads the claims of events that carry no soldier count: official confirmations, arms supplies, meetings,
 * sanctions. The subject is the ally named nearest the trigger, else the ally the text is about; a meeting needs
 * the focus state's side named in the sentence too, and a state named as a place ("met in Beijing") is not its
 * ally.
 */
final class EventClaims {

  private final Actors actors;

  EventClaims(Actors actors) {
    this.actors = actors;
  }

  /** The claim of a fired event; {@code confirmable} is the figure event an official confirmation is about. */
  Optional<ClaimReader.Read> read(Sentence s, EventRule.Fired fired, String confirmable) {
    EventType type = fired.type();
    if (!fired.rule().requiredIn(s.text()) || type.meeting() && !actors.namesFocus(s)
        || type.bilateral() && !actors.namesFocus(s) && actors.alliesNamed(s) > 1) {
      return Optional.empty();
    }
    return claim(s, type, fired.triggers().get(0), type.confirmation()
        ? (confirmable != null ? confirmable : type.confirms()) : null);
  }

  /**
   * An official confirmation stated as a ceremony: words by which officials acknowledge an event (honouring the
   * coffins of the fallen), in a sentence that also names that event (a casualty word).
   */
  Optional<ClaimReader.Read> acknowledgement(Sentence s, EventRule confirmation, List<EventRule.Fired> fired) {
    for (var e : confirmation.acknowledges().entrySet()) {
      List<int[]> words = e.getValue().find(s.text());
      boolean named = fired.stream().anyMatch(f -> f.type().id().equals(e.getKey()));
      if (!words.isEmpty() && named) {
        return claim(s, confirmation.type(), words.get(0), e.getKey());
      }
    }
    return Optional.empty();
  }

  private Optional<ClaimReader.Read> claim(Sentence s, EventType type, int[] t, String confirms) {
    Optional<MentionFinder.Found> near = actors.nearestAlly(s, t[0], t[1], type.meeting());
    // A meeting's ally named only as a place is the host when the text is about no other ally.
    Optional<MentionFinder.Found> place = type.meeting() && near.isEmpty() && s.topic().isEmpty()
        ? actors.nearestAlly(s, t[0], t[1], false) : Optional.empty();
    near = near.or(() -> place);
    // Else the ally party of a treaty the sentence names ("signed after talks in Moscow").
    Optional<String> subject = near.flatMap(actors::actingState).or(s::topic).or(() -> actors.treatyAlly(s));
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    Optional<NumberReader.Figure> percent = NumberReader.read(s.text()).stream()
        .filter(NumberReader.Figure::percent).findFirst();
    Quantity q = percent.map(f -> new Quantity(f.low(), f.high(), "percent", f.qualifier())).orElse(null);
    List<int[]> spans = ClaimReader.spans(near, percent.map(f -> new int[] {f.start(), f.end()}).orElse(null));
    return Optional.of(new ClaimReader.Read(subject.get(), type.id(), actors.focus(), null, q, s.date(),
        s.attribution(), spans, confirms, s.markers().plannedAt(t), s.markers().background()));
  }
}
