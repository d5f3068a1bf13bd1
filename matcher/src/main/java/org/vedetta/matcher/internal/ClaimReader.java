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
      DateReader.StatedDate date, String attribution, List<int[]> highlights, String confirms, boolean planned,
      boolean background) {}

  private record Rule(EventType type, WordList triggers, WordList units, WordList requires, List<RolePhrases> roles) {}

  /** A role of a quantity event, its phrases and trigger words, every language together. */
  private record RolePhrases(String role, List<Phrase> phrases, WordList words) {}

  /** A figure belongs to a unit word at most this many folded characters after it (or 25 before it). */
  private static final int UNIT_REACH = 40;

  private final KnowledgeSet knowledge;
  private final List<Rule> rules;
  private final WordList negations;
  private final WordList planned;
  private final WordList background;
  /** The state alignment is tracked around: every claim's counterparty unless a treaty says otherwise. */
  private final String focus;

  public ClaimReader(KnowledgeSet knowledge) {
    this.knowledge = knowledge;
    this.focus = knowledge.focus();
    this.rules = knowledge.events().stream()
        .sorted(Comparator.comparingInt(EventType::priority).reversed())
        .map(e -> new Rule(e, new WordList(e.triggers()), new WordList(e.units()), new WordList(e.requires()),
            e.roles().stream().map(r -> new RolePhrases(r.id(), r.phrases().values().stream()
                .flatMap(List::stream).map(Phrase::compile).toList(), new WordList(r.words()))).toList()))
        .toList();
    this.negations = new WordList(knowledge.markers().negations());
    this.planned = new WordList(knowledge.markers().planned());
    this.background = new WordList(knowledge.markers().background());
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
    Modality modality = new Modality(Tokens.of(sentence), planned.find(sentence), background.occursIn(sentence));
    List<NumberReader.Figure> figures = null;
    List<Fired> counted = new ArrayList<>();
    // The event an official confirmation in this sentence is about: the highest-priority figure event named.
    String confirmable = rules.stream().filter(r -> r.type().quantity() && r.triggers().occursIn(sentence))
        .map(r -> r.type().id()).findFirst().orElse(null);
    boolean official = rules.stream().anyMatch(r -> r.type().confirmation()
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
        Modality step = modality.at(triggers.get(0));
        Optional<Read> claim = required ? treatyClaim(type, mentions, topic, date, Optional.empty(), step)
            : treatyTopic.flatMap(t -> treatyClaim(type, mentions, topic, date, knowledge.treaty(t), step));
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
      String confirms = type.confirmation() ? (confirmable != null ? confirmable : type.confirms()) : null;
      subject.ifPresent(s -> claims.add(new Read(s, type.id(), focus, null, q, date, attribution(mentions),
          spans, confirms, modality.plannedAt(t), modality.background())));
    }
    List<Rule> quantityRules = rules.stream().filter(r -> r.type().quantity()).toList();
    // A figure counts only next to a unit word: without one, no figure event can be read.
    if (!counted.isEmpty() || quantityRules.stream().anyMatch(r -> !r.roles().isEmpty()
        && r.units().occursIn(sentence))) {
      if (figures == null) {
        figures = NumberReader.read(sentence);
      }
      claims.addAll(0, countedClaims(sentence, counted, quantityRules, figures, mentions, topic, date, official,
          modality));
    }
    return claims;
  }

  /**
   * Whether what a sentence states at some place is a plan rather than a done thing (a planned word shortly before
   * it, or right after: "will send", "plans to deploy", "6,000 soldiers will be sent", "направит"), and whether
   * the sentence is habitual or historical background.
   */
  private record Modality(Tokens tokens, List<int[]> plannedWords, boolean background, boolean planned) {

    /** Words a planned word may stand before the claim's trigger or figure, and after it. */
    private static final int BEFORE = 6;
    private static final int AFTER = 3;

    Modality(Tokens tokens, List<int[]> plannedWords, boolean background) {
      this(tokens, plannedWords, background, false);
    }

    /** Whether what the span {@code [start, end)} of the sentence states is planned. */
    boolean plannedAt(int[] span) {
      if (plannedWords.isEmpty()) {
        return false;
      }
      int first = tokens.at(span[0]);
      int last = Math.max(first, tokens.at(span[1] - 1));
      for (int[] w : plannedWords) {
        int word = tokens.at(w[0]);
        if (word >= first - BEFORE && word <= last + AFTER) {
          return true;
        }
      }
      return false;
    }

    /** This modality with {@link #planned} set for the span. */
    Modality at(int[] span) {
      return new Modality(tokens, plannedWords, background, plannedAt(span));
    }
  }

  /** A quantity event type whose trigger words occur in the sentence. */
  private record Fired(Rule rule, List<int[]> triggers, List<int[]> units) {}

  /** The event type and role a figure is read as. */
  private record Reading(Rule rule, String role) {}

  /**
   * One claim per figure that stands next to a unit word. The figure's event type and role come from the
   * tightest role phrase around it ("{n} more", "{n} … killed"), of any quantity event type whose required words
   * are in the sentence; without one, from the event type fired whose trigger word is nearest the figure (a
   * trigger that is itself a unit word, like "troops", counts only when no other does; ties go to the higher
   * priority), in its default role. So "10,000 troops deployed, of whom 2,000 were killed" gives a deployment
   * and a casualty figure, and "300 killed and 2,700 wounded" two casualty figures of different roles.
   */
  private List<Read> countedClaims(String sentence, List<Fired> fired, List<Rule> quantityRules,
      List<NumberReader.Figure> figures, List<MentionFinder.Found> mentions, Optional<String> topic,
      DateReader.StatedDate date, boolean official, Modality modality) {
    List<Read> claims = new ArrayList<>();
    if (figures.isEmpty()) {
      return claims;
    }
    Tokens tokens = Tokens.of(sentence);
    boolean[] figureWord = new boolean[tokens.size()];
    for (NumberReader.Figure f : figures) {
      for (int t = tokens.at(f.start()); t < tokens.size() && tokens.start(t) < f.end(); t++) {
        figureWord[t] = true;
      }
    }
    java.util.Map<Rule, List<int[]>> units = new java.util.HashMap<>();
    for (NumberReader.Figure f : figures) {
      if (f.percent()) {
        continue;
      }
      Reading reading = byPhrase(sentence, f, tokens, figureWord, quantityRules, units);
      if (reading == null) {
        reading = byTrigger(sentence, f, fired);
      }
      if (reading == null) {
        continue;
      }
      EventType type = reading.rule().type();
      Optional<MentionFinder.Found> ally = nearestAlly(mentions, f.start(), f.end());
      Optional<String> subject = ally.flatMap(this::actingState).or(() -> topic);
      Quantity q = quantity(f, type).withRole(reading.role());
      if (subject.isPresent() && claims.stream().noneMatch(c -> c.event().equals(type.id()) && c.quantity().equals(q))) {
        claims.add(new Read(subject.get(), type.id(), focus, null, q, date, attribution(mentions),
            spans(ally, new int[] {f.start(), f.end()}), official ? type.id() : null,
            modality.plannedAt(new int[] {f.start(), f.end()}), modality.background()));
      }
    }
    return claims;
  }

  /**
   * The role phrase that matches around the figure most tightly (the fewest words skipped, then the longest), of
   * an event type whose required words and units are in the sentence.
   */
  private Reading byPhrase(String sentence, NumberReader.Figure f, Tokens tokens, boolean[] figureWord,
      List<Rule> quantityRules, java.util.Map<Rule, List<int[]>> units) {
    int first = tokens.at(f.start());
    int last = Math.max(first, tokens.at(f.end() - 1));
    Reading best = null;
    int bestScore = Integer.MAX_VALUE;
    for (Rule rule : quantityRules) {
      for (RolePhrases role : rule.roles()) {
        for (Phrase phrase : role.phrases()) {
          int score = phrase.score(tokens, first, last, figureWord);
          if (score >= 0 && score < bestScore
              && (rule.requires().isEmpty() || rule.requires().occursIn(sentence))
              && near(f, units.computeIfAbsent(rule, r -> r.units().find(sentence)))) {
            best = new Reading(rule, role.role());
            bestScore = score;
          }
        }
      }
    }
    return best;
  }

  /**
   * The fired event type whose trigger is nearest the figure, if the figure has a unit; in the role that
   * trigger word implies, else the default role.
   */
  private static Reading byTrigger(String sentence, NumberReader.Figure f, List<Fired> fired) {
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
      return null;
    }
    int[] trigger = nearest(f, best.triggers());
    String word = sentence.substring(trigger[0], trigger[1]);
    String role = best.rule().roles().stream().filter(r -> r.words().occursIn(word)).map(RolePhrases::role)
        .findFirst().orElse(best.rule().type().defaultRole());
    return new Reading(best.rule(), role);
  }

  /** The span nearest the figure. */
  private static int[] nearest(NumberReader.Figure f, List<int[]> spans) {
    int[] best = spans.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (int[] t : spans) {
      int d = t[0] >= f.end() ? t[0] - f.end() : f.start() >= t[1] ? f.start() - t[1] : 0;
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
    return best;
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
      Optional<String> topic, DateReader.StatedDate date, Optional<Treaty> known, Modality modality) {
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
      return states.stream().filter(s -> !s.equals(focus)).filter(s -> knowledge.entity(s).map(Entity::ally)
              .orElse(false)).findFirst()
          .map(ally -> new Read(ally, type.id(), focus, null, null, date, attribution(mentions), List.of(), null,
              modality.planned(), modality.background()));
    }
    Treaty t = treaty.get();
    // A ratification is the ratifying party's; a signature or entry into force of a treaty with Russia is
    // the ally's (Russia's side of it is implied).
    boolean ratification = type.perParty();
    Optional<MentionFinder.Found> party = mentions.stream()
        .filter(m -> actingState(m).filter(t.parties()::contains).isPresent())
        .filter(m -> ratification || !actingState(m).orElse("").equals(focus) || !t.parties().contains(focus))
        .findFirst();
    String subject = party.flatMap(this::actingState)
        .or(() -> topic.filter(t.parties()::contains))
        .or(() -> !ratification && t.parties().size() == 2 && t.parties().contains(focus)
            ? t.parties().stream().filter(p -> !p.equals(focus)).findFirst() : Optional.empty())
        .orElse(null);
    if (subject == null) {
      return Optional.empty();
    }
    String counterparty = t.parties().contains(focus) && !subject.equals(focus) ? focus
        : t.parties().stream().filter(p -> !p.equals(subject)).findFirst().orElse(focus);
    return Optional.of(new Read(subject, type.id(), counterparty, t.id(), null, date, attribution(mentions),
        spans(party, null), null, modality.planned(), modality.background()));
  }

  /** A treaty word with a party named: the most recent treaty between Russia and that party. */
  private Optional<Treaty> impliedTreaty(List<String> states, Optional<String> topic) {
    List<String> others = new ArrayList<>(states.stream().filter(s -> !s.equals(focus)).toList());
    if (others.isEmpty()) {
      topic.ifPresent(others::add);
    }
    return knowledge.treaties().stream()
        .filter(t -> t.parties().contains(focus) && t.parties().size() == 2)
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
