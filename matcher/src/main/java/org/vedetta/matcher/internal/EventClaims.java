package org.vedetta.matcher.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.model.EntityKind;
import org.vedetta.model.Quantity;

/**
 * Reads the claims of events that carry no soldier count: official confirmations, arms supplies, meetings,
 * sanctions. The subject is the ally named nearest the trigger, else the ally the text is about; a meeting needs
 * the focus state's side and a leader (a person, or a word naming one) named in the sentence too, and a state named
 * as a place ("met in Beijing") is not its ally.
 */
final class EventClaims {

  private final Actors actors;

  EventClaims(Actors actors) {
    this.actors = actors;
  }

  /**
   * The claims of a fired event (one, or one per target of a targeted event); {@code confirmable} is the figure
   * event an official confirmation is about.
   */
  List<ClaimReader.Read> read(Sentence s, EventRule.Fired fired, String confirmable) {
    EventType type = fired.type();
    int[] trigger = fired.triggers().get(0);
    if (!fired.required(s.text())
        || type.meeting() && !(actors.namesFocus(s) && namesLeader(s, fired.rule())) && !scheduled(s, trigger)
        || type.bilateral() && !actors.namesFocus(s) && actors.alliesNamed(s) > 1) {
      return List.of();
    }
    if (type.confirmation() && confirmedByThirdParty(s, fired.rule(), trigger)) {
      return List.of();
    }
    if (type.targeted()) {
      List<int[]> targets = fired.carried() ? alliesNamed(s) : targets(s, fired.rule(), trigger);
      return targets.stream().map(m -> claim(s, type, m, null)).flatMap(Optional::stream).toList();
    }
    return claim(s, type, trigger, type.confirmation() ? (confirmable != null ? confirmable : type.confirms()) : null)
        .stream().toList();
  }

  /**
   * Whether a meeting sentence that names no ally gives the day of the meeting the text is about: "the talks will
   * take place on Friday in New Delhi" after the sentences naming both sides.
   */
  private boolean scheduled(Sentence s, int[] trigger) {
    return s.topic().isPresent() && actors.alliesNamed(s) == 0 && actors.namesFocus(s)
        && s.markers().plannedAt(trigger) && s.date() != null;
  }

  /**
   * Whether a meeting's sentence names who meets: a person of the knowledge set, or a word naming a leader or a
   * minister ("the Indian prime minister"); tourists' trips and suppliers' meetings are no leader meetings.
   */
  private boolean namesLeader(Sentence s, EventRule meeting) {
    return s.mentions().stream().anyMatch(m -> m.target().kind() == EntityKind.PERSON)
        || meeting.officials().occursIn(s.text());
  }

  /**
   * An official confirmation stated as a statement: an official of the ally or the focus state (a person of the
   * knowledge set, state media, or a word naming an official) thanking, praising or announcing soldiers, in a
   * sentence that names the ally and whose confirmer is not a third party.
   */
  Optional<ClaimReader.Read> statement(Sentence s, EventRule confirmation, String confirmable) {
    List<int[]> words = confirmation.statements().find(s.text());
    if (words.isEmpty() || !alliesSoldiers(s, confirmation)) {
      return Optional.empty();
    }
    boolean official = !confirmation.officials().find(s.text()).isEmpty() || s.mentions().stream()
        .anyMatch(m -> actors.isOfficial(m));
    int[] word = words.get(0);
    if (!official || confirmedByThirdParty(s, confirmation, word) || s.markers().figureNegatedAt(word)) {
      return Optional.empty();
    }
    return claim(s, confirmation.type(), word,
        confirmable != null ? confirmable : confirmation.type().confirms());
  }

  /** How far, in folded characters, the confirmer may stand from "confirmed". */
  private static final int CONFIRMER_REACH = 60;

  /**
   * Whether the one who confirms is a third party: a word naming one (the Pentagon, Kyiv), or a state that is neither
   * an ally nor the focus, stands nearer the trigger than any mention of an ally or the focus state. The one who
   * states comes before the verb ("the UK Ministry of Defence stated that North Korean forces..."): the parties
   * named before the trigger decide, and those after it only when none is named before.
   */
  private boolean confirmedByThirdParty(Sentence s, EventRule rule, int[] trigger) {
    int[] before = {Integer.MAX_VALUE, Integer.MAX_VALUE}; // nearest third party, nearest own side
    int[] after = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    for (int[] w : rule.thirdParties().find(s.text())) {
      nearest(w[1] <= trigger[0] ? before : after, 0, distance(w, trigger));
    }
    for (MentionFinder.Found m : s.mentions()) {
      boolean ownSide = actors.isAlly(m) || actors.actingState(m).filter(actors.focus()::equals).isPresent();
      if (ownSide || actors.actingState(m).isPresent()) {
        nearest(m.end() <= trigger[0] ? before : after, ownSide ? 1 : 0,
            distance(new int[] {m.start(), m.end()}, trigger));
      }
    }
    boolean namedBefore = Math.min(before[0], before[1]) <= CONFIRMER_REACH;
    int[] decisive = namedBefore ? before : after;
    return decisive[0] <= CONFIRMER_REACH && decisive[0] < decisive[1];
  }

  private static void nearest(int[] distances, int side, int d) {
    distances[side] = Math.min(distances[side], d);
  }

  /** How many words may stand between an ally and the soldier word it qualifies ("North Korean soldiers"). */
  private static final int SOLDIERS_REACH = 3;

  /** Whether the sentence names the ally's soldiers: an ally within a few words of a soldier word. */
  private boolean alliesSoldiers(Sentence s, EventRule confirmation) {
    Tokens tokens = s.tokens();
    for (int[] w : confirmation.requires().find(s.text())) {
      int word = tokens.at(w[0]);
      for (MentionFinder.Found m : s.mentions()) {
        if (actors.isAlly(m) && Math.abs(tokens.at(m.start()) - word) <= SOLDIERS_REACH) {
          return true;
        }
      }
    }
    return false;
  }

  /** How many words may stand between an aim word and what it aims at. */
  private static final int AIM_REACH = 12;

  /**
   * Where to look for the allies an aimed event is aimed at: after an aim word right behind the trigger
   * ("sanctions against"), the allies named within a few words of it up to the focus state ("against Chinese and
   * Indian firms"), or nothing; the allies named after a word carrying the event on ("... will include a Chinese
   * firm"); else the first ally or focus state named after the trigger (nothing when that is the focus: "sanctions
   * against Russia"), else the trigger itself, whose nearest ally is taken.
   */
  private List<int[]> targets(Sentence s, EventRule rule, int[] trigger) {
    Tokens tokens = s.tokens();
    int triggerWord = tokens.at(trigger[1] - 1);
    List<int[]> aims = rule.aims().find(s.text()).stream().filter(w -> tokens.at(w[0]) > triggerWord).toList();
    boolean aimedRightAfter = !aims.isEmpty() && tokens.at(aims.get(0)[0]) - triggerWord <= 2;
    // Words that carry the event into a sentence add targets in its own sentence too ("..., в который войдут",
    // "Il pacchetto di sanzioni dell'UE contro la Russia includerà ... una società cinese").
    List<int[]> carriers = rule.carriedBy().find(s.text()).stream().filter(w -> tokens.at(w[0]) > triggerWord)
        .toList();
    if (aimedRightAfter || !carriers.isEmpty()) {
      List<int[]> words = Stream.concat(aimedRightAfter ? aims.stream() : Stream.empty(), carriers.stream())
          .sorted(Comparator.comparingInt(w -> w[0])).toList();
      List<int[]> allies = alliesAfter(s, words);
      if (aimedRightAfter || !allies.isEmpty()) {
        return allies;
      }
    }
    Optional<MentionFinder.Found> aimed = s.mentions().stream()
        .filter(m -> m.start() >= trigger[1])
        .filter(m -> actors.isAlly(m) || actors.actingState(m).filter(actors.focus()::equals).isPresent())
        .findFirst();
    if (aimed.isEmpty()) {
      return List.of(trigger);
    }
    return aimed.filter(actors::isAlly).map(m -> new int[] {m.start(), m.end()}).stream().toList();
  }

  /**
   * The allies named after each aim, up to the focus state: "sanctions against Russia, which target Chinese and
   * Indian companies" aim at China and India.
   */
  private List<int[]> alliesAfter(Sentence s, List<int[]> aims) {
    Tokens tokens = s.tokens();
    List<int[]> allies = new java.util.ArrayList<>();
    for (int[] aim : aims) {
      int aimWord = tokens.at(aim[1] - 1);
      for (MentionFinder.Found m : s.mentions()) {
        int word = tokens.at(m.start());
        if (word <= aimWord || word - aimWord > AIM_REACH) {
          continue;
        }
        if (!actors.isAlly(m)) {
          if (actors.actingState(m).filter(actors.focus()::equals).isPresent()) {
            break;
          }
          continue;
        }
        if (allies.stream().noneMatch(a -> a[0] == m.start())) {
          allies.add(new int[] {m.start(), m.end()});
        }
      }
    }
    return allies;
  }

  /**
   * The allies a sentence that goes on with a targeted event names, before or after the word that carries it ("Il
   * vise ... des entités en Inde et en Chine", "une société iranienne ... une en Syrie sont également visées"): the
   * focus state among them is no target.
   */
  private List<int[]> alliesNamed(Sentence s) {
    return s.mentions().stream().filter(actors::isAlly).map(m -> new int[] {m.start(), m.end()}).toList();
  }

  private static int distance(int[] a, int[] b) {
    return b[0] >= a[1] ? b[0] - a[1] : a[0] >= b[1] ? a[0] - b[1] : 0;
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
    if (type.meeting() && near.isEmpty() && actors.namesThirdState(s)) {
      return Optional.empty(); // the leader met is another state's ("su homólogo azerbaiyano"), not the text's ally
    }
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
        s.attribution(), spans, confirms, s.markers().plannedAt(t), s.markers().backgroundAt(t)));
  }
}
