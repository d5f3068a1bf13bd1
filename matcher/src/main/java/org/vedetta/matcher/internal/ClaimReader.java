package org.vedetta.matcher.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Quantity;

/**
 * Reads the claims of one folded sentence: which event types its trigger words name (a denial or a supposition
 * names none), who acts, the figure in its role, the treaty named or implied, the date, and whether each claim
 * is a plan or background. Figure events, treaty steps and other events each have their reader.
 */
public final class ClaimReader {

  /**
   * A claim before it is tied to its article; spans are {@code [start, end)} in the folded sentence.
   *
   * @param planned    whether it states a plan or an announcement rather than a done thing
   * @param background whether the sentence states it as habitual or historical background, never news
   */
  public record Read(String subject, String event, String counterparty, String treaty, Quantity quantity,
      DateReader.StatedDate date, String attribution, List<int[]> highlights, String confirms, boolean planned,
      boolean background) {}

  /** Every word list of this reader: a sentence is cut into words and looked up once for all. */
  private final Lexicon lexicon;
  private final List<EventRule> rules;
  private final WordList negations;
  private final WordList planned;
  private final WordList negators;
  private final WordList background;
  private final WordList recalled;
  private final WordList pastPerfect;
  private final WordList reporting;
  private final WordList parts;
  private final WordList measures;
  private final WordList agreementSets;
  private final WordList contracts;
  private final WordList counts;
  private final Actors actors;
  private final FigureClaims figures;
  private final TreatyClaims treaties;
  private final EventClaims events;
  private final Optional<EventRule> confirmation;
  /** Per event type, the event types its sentences name only as their reason. */
  private final java.util.Map<String, List<String>> reasonsByEvent;

  /**
   * @param language the ISO 639-1 language of the sentences it reads: only that language's words of the knowledge
   *                 set are used ("met" is an English trigger, not a French verb); {@code null} for every language
   */
  public ClaimReader(KnowledgeSet knowledge, String language) {
    UnaryOperator<Map<String, List<String>>> words = language == null ? all -> all
        : all -> all.containsKey(language) ? Map.of(language, all.get(language)) : Map.of();
    this.lexicon = new Lexicon();
    this.rules = knowledge.events().stream()
        .sorted(Comparator.comparingInt(EventType::priority).reversed())
        .map(e -> EventRule.of(e, words, lexicon))
        .toList();
    KnowledgeSet.Markers markers = knowledge.markers();
    this.negations = lexicon.add(words.apply(markers.negations()));
    this.planned = lexicon.add(words.apply(markers.planned()));
    this.negators = lexicon.add(words.apply(markers.negators()));
    this.background = lexicon.add(words.apply(markers.background()));
    this.recalled = lexicon.add(words.apply(markers.recalled()));
    this.pastPerfect = lexicon.add(words.apply(markers.pastPerfect()));
    this.reporting = lexicon.add(words.apply(markers.reporting()));
    this.parts = lexicon.add(words.apply(markers.parts()));
    this.measures = lexicon.add(words.apply(markers.measures()));
    this.agreementSets = lexicon.add(words.apply(markers.agreementSets()));
    this.contracts = lexicon.add(words.apply(markers.contracts()));
    this.counts = lexicon.add(words.apply(markers.counts()));
    this.actors = new Actors(knowledge, lexicon.add(words.apply(markers.places())),
        lexicon.add(words.apply(markers.sources())));
    this.figures = new FigureClaims(actors, rules.stream().filter(r -> r.type().quantity()).toList());
    this.treaties = new TreatyClaims(knowledge, actors);
    this.events = new EventClaims(actors);
    this.confirmation = rules.stream().filter(r -> r.type().confirmation()).findFirst();
    this.reasonsByEvent = knowledge.events().stream()
        .collect(java.util.stream.Collectors.toMap(EventType::id, EventType::reasons));
  }

  /**
   * What a sentence was read to say.
   *
   * @param claims  its claims
   * @param carries the events the next sentence may go on with (see {@link EventType#carriedBy()}): those this one
   *                names with the words they require, or goes on with
   * @param wentOn  the events this sentence goes on with from the sentence before, without naming them
   */
  public record Reading(List<Read> claims, Set<String> carries, Set<String> wentOn, Set<String> named) {}

  /**
   * Claims of a sentence.
   *
   * @param sentence    the folded sentence
   * @param mentions    its mentions, offsets relative to the sentence
   * @param published   the article's publication date, for relative dates
   * @param topic       the ally the surrounding text is about, used when the sentence names none
   * @param treatyTopic the treaty the surrounding text is about, used when a treaty step names none
   * @param carried     the events the sentence before carries on ({@link Reading#carries()})
   * @param named       the events the sentence before named with the words they require ({@link Reading#named()})
   */
  public Reading read(String sentence, List<MentionFinder.Found> mentions, LocalDate published,
      Optional<String> topic, Optional<String> treatyTopic, Set<String> carried, Set<String> named) {
    if (negations.occursIn(sentence)) {
      return new Reading(List.of(), Set.of(), Set.of(), Set.of()); // A denial or a supposition states nothing.
    }
    List<Read> claims = new ArrayList<>();
    Tokens tokens = lexicon.tokens(sentence);
    // A contract to supply or buy makes what it is about planned, and names no treaty step, as a set of agreements.
    List<int[]> contract = contracts.find(sentence);
    List<int[]> plans = contract.isEmpty() ? planned.find(sentence) : Stream.concat(
        planned.find(sentence).stream(), contract.stream()).toList();
    SentenceMarkers markers = new SentenceMarkers(tokens, plans, negators.find(sentence),
        recalled.find(sentence), pastPerfect.find(sentence), reporting.find(sentence), parts.find(sentence),
        measures.find(sentence), counts.find(sentence), background.occursIn(sentence),
        !contract.isEmpty() || agreementSets.occursIn(sentence));
    Sentence s = new Sentence(sentence, tokens, mentions,
        Sentence.once(() -> DateReader.read(sentence, published).orElse(null)),
        topic, treatyTopic, markers, actors.attribution(mentions));
    List<EventRule.Fired> fired = new ArrayList<>();
    for (EventRule rule : rules) {
      List<int[]> triggers = rule.triggersIn(sentence).stream().filter(t -> !markers.negatedAt(t)).toList();
      boolean goesOn = triggers.isEmpty() && carried.contains(rule.type().id());
      if (goesOn) {
        triggers = rule.carriedBy().find(sentence).stream().filter(t -> !markers.negatedAt(t)).toList();
      }
      if (!triggers.isEmpty()) {
        fired.add(new EventRule.Fired(rule, triggers, goesOn, named.contains(rule.type().id())));
      }
    }
    // The event an official confirmation in this sentence is about: the highest-priority figure event named.
    String confirmable = fired.stream().filter(f -> f.type().quantity()).map(f -> f.type().id()).findFirst()
        .orElse(null);
    boolean official = fired.stream().anyMatch(f -> f.type().confirmation() && f.rule().requiredIn(sentence))
        || confirmation.flatMap(c -> events.statement(s, c, confirmable)).isPresent();
    // One treaty step per sentence, the furthest the sentence names ("in force once ratified" is in force).
    fired.stream().filter(f -> f.type().treaty())
        .map(f -> treaties.read(s, f, published)).filter(l -> !l.isEmpty()).findFirst().ifPresent(claims::addAll);
    fired.stream().filter(f -> !f.type().treaty() && !f.type().quantity())
        .map(f -> events.read(s, f, confirmable)).forEach(claims::addAll);
    if (claims.stream().noneMatch(c -> confirmation.filter(r -> r.type().id().equals(c.event())).isPresent())) {
      confirmation.flatMap(c -> events.acknowledgement(s, c, fired)
          .or(() -> events.statement(s, c, confirmable))).ifPresent(claims::add);
    }
    // A figure event counts only with the words it requires (casualties: a soldier, an army, a front, the war).
    claims.addAll(0, figures.read(s, fired.stream().filter(f -> f.type().quantity() && f.rule().requiredIn(sentence))
        .toList(), official));
    Set<String> goOn = fired.stream().filter(f -> f.type().carried() && (f.carried() || f.rule().requiredIn(sentence)))
        .map(f -> f.type().id()).collect(Collectors.toUnmodifiableSet());
    Set<String> wentOn = fired.stream().filter(EventRule.Fired::carried).map(f -> f.type().id())
        .collect(Collectors.toUnmodifiableSet());
    // The events (other than figures, treaty steps and confirmations) the sentence names with the words they
    // require: the next sentence may name them again without those words ("More deliveries are planned").
    Set<String> namedHere = fired.stream().filter(f -> !f.type().quantity() && !f.type().treaty()
        && !f.type().confirmation() && !f.rule().requires().isEmpty() && f.rule().requiredIn(sentence))
        .map(f -> f.type().id())
        .collect(Collectors.toUnmodifiableSet());
    return new Reading(asReasons(claims, fired), goOn, wentOn, namedHere);
  }

  /**
   * Claims a sentence names only as the reason of an event it names ("sanctioned for supplying drones"), whether or
   * not that event makes a claim of its own (sanctions on companies).
   */
  private List<Read> asReasons(List<Read> claims, List<EventRule.Fired> fired) {
    java.util.Set<String> reasons = new java.util.HashSet<>();
    fired.forEach(f -> reasonsByEvent.getOrDefault(f.type().id(), List.of()).forEach(reasons::add));
    if (reasons.isEmpty()) {
      return claims;
    }
    return claims.stream().map(c -> reasons.contains(c.event()) && !c.background()
        ? new Read(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity(), c.date(), c.attribution(),
            c.highlights(), c.confirms(), c.planned(), true)
        : c).toList();
  }

  /** The ally a run of mentions is about (the last named), as the state it acts for. */
  public Optional<String> lastAlly(List<MentionFinder.Found> mentions) {
    return actors.lastAlly(mentions);
  }

  static List<int[]> spans(Optional<MentionFinder.Found> mention, int[] figure) {
    List<int[]> spans = new ArrayList<>(2);
    mention.ifPresent(m -> spans.add(new int[] {m.start(), m.end()}));
    if (figure != null) {
      spans.add(figure);
    }
    return spans;
  }
}
