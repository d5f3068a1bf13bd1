package org.vedetta.matcher.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.model.EntityKind;
import org.vedetta.model.Quantity;

/**
 * Reads the claims of one folded sentence: which event types its trigger words name, who acts (the ally
 * named nearest the figure or the trigger, else the ally the paragraph is about), the figure with its unit,
 * the treaty named or implied, and the date.
 */
public final class ClaimReader {

  /**
   * A claim before it is tied to its article; spans are {@code [start, end)} in the folded sentence, or null.
   */
  public record Read(String subject, String event, String counterparty, String treaty, Quantity quantity,
      DateReader.StatedDate date, String attribution, List<int[]> highlights, String confirms) {}

  private record Rule(EventType type, WordList triggers, WordList units, WordList requires) {}

  private static final String RUSSIA = "russia";
  /** A figure belongs to a unit word at most this many folded characters after it (or 25 before it). */
  private static final int UNIT_REACH = 40;

  private final KnowledgeSet knowledge;
  private final List<Rule> rules;
  private final WordList negations;

  public ClaimReader(KnowledgeSet knowledge) {
    this.knowledge = knowledge;
    this.rules = knowledge.events().stream()
        .sorted(Comparator.comparingInt(EventType::priority).reversed())
        .map(e -> new Rule(e, new WordList(e.triggers()), new WordList(e.units()), new WordList(e.requires())))
        .toList();
    this.negations = new WordList(knowledge.negations());
  }

  /**
   * Claims of a sentence.
   *
   * @param sentence  the folded sentence
   * @param mentions  its mentions, offsets relative to the sentence
   * @param published the article's publication date, for relative dates
   * @param topic     the ally the surrounding text is about, used when the sentence names none
   * @param treatyTopic the treaty the surrounding text is about, used when a treaty step names none
   */
  public List<Read> read(String sentence, List<MentionFinder.Found> mentions, LocalDate published,
      Optional<String> topic, Optional<String> treatyTopic) {
    List<Read> claims = new ArrayList<>();
    if (negations.occursIn(sentence)) {
      return claims; // A denial or a supposition states nothing.
    }
    DateReader.StatedDate date = DateReader.read(sentence, published).orElse(null);
    List<NumberReader.Figure> figures = null;
    List<Fired> counted = new ArrayList<>();
    // The event an official confirmation in this sentence is about: the highest-priority figure event named.
    String confirmable = rules.stream().filter(r -> r.type().quantity() && r.triggers().occursIn(sentence))
        .map(r -> r.type().id()).findFirst().orElse("troop_deployment");
    boolean official = rules.stream().anyMatch(r -> r.type().id().equals("official_confirmation")
        && r.triggers().occursIn(sentence) && (r.requires().isEmpty() || r.requires().occursIn(sentence)));
    for (Rule rule : rules) {
      EventType type = rule.type();
      List<int[]> triggers = rule.triggers().find(sentence);
      if (triggers.isEmpty()) {
        continue;
      }
      boolean required = rule.requires().isEmpty() || rule.requires().occursIn(sentence);
      if (type.treaty()) {
        // A treaty step names its treaty, or continues the text's treaty ("the law ratifying it").
        Optional<Read> claim = required ? treatyClaim(type, mentions, topic, date, Optional.empty())
            : treatyTopic.flatMap(t -> treatyClaim(type, mentions, topic, date, knowledge.treaty(t)));
        claim.ifPresent(claims::add);
        continue;
      }
      if (!required) {
        continue;
      }
      if (figures == null) {
        figures = NumberReader.read(sentence);
      }
      List<int[]> units = rule.units().find(sentence);
      if (type.quantity()) {
        counted.add(new Fired(rule, triggers, units));
        continue;
      }
      Optional<NumberReader.Figure> percent = figures.stream().filter(NumberReader.Figure::percent).findFirst();
      int[] t = triggers.get(0);
      Optional<MentionFinder.Found> near = nearestAlly(mentions, t[0], t[1]);
      Optional<String> subject = near.flatMap(this::actingState).or(() -> topic);
      Quantity q = percent.map(f -> quantity(f, type)).orElse(null);
      List<int[]> spans = spans(near, percent.map(f -> new int[] {f.start(), f.end()}).orElse(null));
      String confirms = type.id().equals("official_confirmation") ? confirmable : null;
      subject.ifPresent(s -> claims.add(new Read(s, type.id(), RUSSIA, null, q, date, attribution(mentions),
          spans, confirms)));
    }
    if (!counted.isEmpty()) {
      claims.addAll(0, countedClaims(counted, figures, mentions, topic, date, official));
    }
    return claims;
  }

  /** A quantity event type whose trigger words occur in the sentence. */
  private record Fired(Rule rule, List<int[]> triggers, List<int[]> units) {}

  /**
   * One claim per figure that stands next to a unit word: of the event types fired, the one whose trigger word
   * is nearest the figure (a trigger that is itself a unit word, like "troops", counts only when no other does);
   * ties go to the higher priority. So "10,000 troops deployed, of whom 2,000 were killed" gives a deployment
   * and a casualty figure.
   */
  private List<Read> countedClaims(List<Fired> fired, List<NumberReader.Figure> figures,
      List<MentionFinder.Found> mentions, Optional<String> topic, DateReader.StatedDate date, boolean official) {
    List<Read> claims = new ArrayList<>();
    for (NumberReader.Figure f : figures) {
      if (f.percent()) {
        continue;
      }
      Fired best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Fired e : fired) {
        if (!near(f, e.units())) {
          continue;
        }
        int distance = distance(f, e.triggers(), e.units());
        if (distance < bestDistance) {
          best = e;
          bestDistance = distance;
        }
      }
      if (best == null) {
        continue;
      }
      EventType type = best.rule().type();
      Optional<MentionFinder.Found> ally = nearestAlly(mentions, f.start(), f.end());
      Optional<String> subject = ally.flatMap(this::actingState).or(() -> topic);
      Quantity q = quantity(f, type);
      if (subject.isPresent() && claims.stream().noneMatch(c -> c.event().equals(type.id()) && c.quantity().equals(q))) {
        claims.add(new Read(subject.get(), type.id(), RUSSIA, null, q, date, attribution(mentions),
            spans(ally, new int[] {f.start(), f.end()}), official ? type.id() : null));
      }
    }
    return claims;
  }

  /** Distance from the figure to the nearest trigger; triggers that are unit words count as far away. */
  private static int distance(NumberReader.Figure f, List<int[]> triggers, List<int[]> units) {
    int best = Integer.MAX_VALUE;
    for (int[] t : triggers) {
      boolean isUnit = units.stream().anyMatch(u -> u[0] == t[0]);
      int d = t[0] >= f.end() ? t[0] - f.end() : f.start() >= t[1] ? f.start() - t[1] : 0;
      best = Math.min(best, isUnit ? 10_000 + d : d);
    }
    return best;
  }

  /** Whether a unit word stands right after the figure (or just before it). */
  private static boolean near(NumberReader.Figure f, List<int[]> units) {
    for (int[] u : units) {
      boolean after = u[0] >= f.end() && u[0] - f.end() <= (f.yearLike() ? 1 : UNIT_REACH);
      boolean before = !f.yearLike() && u[1] <= f.start() && f.start() - u[1] <= 25;
      if (after || before) {
        return true;
      }
    }
    return false;
  }

  private Optional<Read> treatyClaim(EventType type, List<MentionFinder.Found> mentions,
      Optional<String> topic, DateReader.StatedDate date, Optional<Treaty> known) {
    List<String> states = mentions.stream().map(this::actingState).flatMap(Optional::stream).distinct().toList();
    List<String> named = new ArrayList<>(states);
    topic.ifPresent(named::add);
    Optional<Treaty> treaty = mentions.stream()
        .filter(m -> m.target().kind() == EntityKind.TREATY)
        .map(m -> knowledge.treaty(m.target().id()))
        .flatMap(Optional::stream)
        // Several treaties may share a name: the one whose parties are named here wins.
        .max(Comparator.comparingLong(t -> named.stream().filter(t.parties()::contains).count()))
        .or(() -> known)
        .or(() -> impliedTreaty(states, topic));
    if (treaty.isEmpty()) {
      // A treaty the knowledge set does not track: the step still counts, for the ally named.
      return states.stream().filter(s -> !s.equals(RUSSIA)).filter(s -> knowledge.entity(s).map(Entity::ally)
              .orElse(false)).findFirst()
          .map(ally -> new Read(ally, type.id(), RUSSIA, null, null, date, attribution(mentions), List.of(), null));
    }
    Treaty t = treaty.get();
    // A ratification is the ratifying party's; a signature or entry into force of a treaty with Russia is
    // the ally's (Russia's side of it is implied).
    boolean ratification = type.id().equals("treaty_ratified");
    Optional<MentionFinder.Found> party = mentions.stream()
        .filter(m -> actingState(m).filter(t.parties()::contains).isPresent())
        .filter(m -> ratification || !actingState(m).orElse("").equals(RUSSIA) || !t.parties().contains(RUSSIA))
        .findFirst();
    String subject = party.flatMap(this::actingState)
        .or(() -> topic.filter(t.parties()::contains))
        .or(() -> !ratification && t.parties().size() == 2 && t.parties().contains(RUSSIA)
            ? t.parties().stream().filter(p -> !p.equals(RUSSIA)).findFirst() : Optional.empty())
        .orElse(null);
    if (subject == null) {
      return Optional.empty();
    }
    String counterparty = t.parties().contains(RUSSIA) && !subject.equals(RUSSIA) ? RUSSIA
        : t.parties().stream().filter(p -> !p.equals(subject)).findFirst().orElse(RUSSIA);
    return Optional.of(new Read(subject, type.id(), counterparty, t.id(), null, date, attribution(mentions),
        spans(party, null), null));
  }

  /** A treaty word with a party named: the most recent treaty between Russia and that party. */
  private Optional<Treaty> impliedTreaty(List<String> states, Optional<String> topic) {
    List<String> others = new ArrayList<>(states.stream().filter(s -> !s.equals(RUSSIA)).toList());
    if (others.isEmpty()) {
      topic.ifPresent(others::add);
    }
    return knowledge.treaties().stream()
        .filter(t -> t.parties().contains(RUSSIA) && t.parties().size() == 2)
        .filter(t -> others.stream().anyMatch(t.parties()::contains))
        .max(Comparator.comparing(t -> t.signed() == null ? LocalDate.MIN : t.signed()));
  }

  /** The state medium the sentence cites, if any. */
  private String attribution(List<MentionFinder.Found> mentions) {
    return mentions.stream()
        .filter(m -> m.target().kind() == EntityKind.ORGANISATION)
        .map(m -> knowledge.entity(m.target().id()))
        .flatMap(Optional::stream)
        .filter(Entity::stateMedia)
        .map(Entity::id)
        .findFirst().orElse(null);
  }

  private static List<int[]> spans(Optional<MentionFinder.Found> mention, int[] figure) {
    List<int[]> spans = new ArrayList<>(2);
    mention.ifPresent(m -> spans.add(new int[] {m.start(), m.end()}));
    if (figure != null) {
      spans.add(figure);
    }
    return spans;
  }

  private Optional<MentionFinder.Found> nearestAlly(List<MentionFinder.Found> mentions, int start, int end) {
    MentionFinder.Found best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (MentionFinder.Found m : mentions) {
      if (!isAlly(m)) {
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

  /** Whether a mention names one of Russia's allies (a state, or a person acting for one). */
  public boolean isAlly(MentionFinder.Found m) {
    return actingState(m).flatMap(knowledge::entity).map(Entity::ally).orElse(false);
  }

  /** The state a mention acts for: the state itself, or the state a person represents. */
  public Optional<String> actingState(MentionFinder.Found m) {
    if (m.target().kind() == EntityKind.TREATY) {
      return Optional.empty();
    }
    return knowledge.entity(m.target().id()).map(Entity::actingState);
  }

  private static Quantity quantity(NumberReader.Figure f, EventType type) {
    return new Quantity(f.low(), f.high(), f.percent() ? "percent" : type.unit(), f.qualifier());
  }
}
