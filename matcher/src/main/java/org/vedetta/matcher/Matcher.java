package org.vedetta.matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.vedetta.matcher.internal.CarriedEvents;
import org.vedetta.matcher.internal.ClaimReader;
import org.vedetta.matcher.internal.DateReader;
import org.vedetta.matcher.internal.Fingerprints;
import org.vedetta.matcher.internal.FoldedText;
import org.vedetta.matcher.internal.LearnedFacts;
import org.vedetta.matcher.internal.MentionFinder;
import org.vedetta.matcher.internal.Novelty;
import org.vedetta.matcher.internal.Sentences;
import org.vedetta.matcher.internal.WordList;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Ids;
import org.vedetta.model.Mention;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Verdict;

/**
 * The matcher stage: folds an article's text, finds the tracked names in it with one automaton, reads the
 * claims of each sentence, and compares them with the baseline and learned facts. A development, once
 * emitted, is learned, so the same story carried by many outlets alerts once.
 *
 * <p>Thread-safe: the knowledge set is immutable and learned facts live in SQL.
 */
public final class Matcher {

  private final KnowledgeSet knowledge;
  private final MentionFinder finder;
  /** A claim reader per language of the knowledge set, and one of every language for the rest. */
  private final Map<String, ClaimReader> readers;
  private final ClaimReader anyLanguage;
  /** Places that stand for the focus state ("Kursk"). */
  private final WordList focusPlaces;
  private final Novelty novelty;
  private final LearnedFacts learned;
  private final Fingerprints fingerprints;
  private final Clock clock;

  private Matcher(KnowledgeSet knowledge, DataSource dataSource, Clock clock) {
    this.knowledge = knowledge;
    this.finder = new MentionFinder(knowledge);
    this.readers = knowledge.events().stream().flatMap(e -> e.triggers().keySet().stream()).distinct()
        .collect(Collectors.toUnmodifiableMap(l -> l, l -> new ClaimReader(knowledge, l)));
    this.anyLanguage = new ClaimReader(knowledge, null);
    this.focusPlaces = WordList.of(knowledge.entity(knowledge.focus()).map(Entity::places).orElse(Map.of()));
    this.novelty = new Novelty(knowledge);
    this.learned = new LearnedFacts(dataSource);
    this.fingerprints = new Fingerprints(dataSource);
    this.clock = clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Matcher}. */
  public static final class Builder {
    private KnowledgeSet knowledge;
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();

    public Builder knowledge(KnowledgeSet knowledge) {
      this.knowledge = knowledge;
      return this;
    }

    /** Where learned facts are kept (H2 or PostgreSQL); the schema is migrated on build. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** Clock for detection times and for articles without a publication date. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Matcher build() {
      return new Matcher(Objects.requireNonNull(knowledge, "knowledge"),
          Objects.requireNonNull(dataSource, "dataSource"), clock);
    }
  }

  public KnowledgeSet knowledge() {
    return knowledge;
  }

  /**
   * The facts learned from developments, newest first, at most {@code limit}; each fact's {@code source} is the
   * URL of the article that first carried it.
   */
  public List<Fact> learnedFacts(int limit) {
    return learned.recent(limit).stream().map(LearnedFacts.Learned::fact).toList();
  }

  /**
   * Applies an analyst's judgement of a development. Wrong: the facts it taught are retracted, so the next claim
   * like it is compared as if it had never been learned, on every matcher sharing this database. Right: its fact
   * stands, learned again when an earlier judgement had retracted it. Idempotent.
   *
   * @return how many learned facts were retracted
   */
  public int correct(Correction correction) {
    Development d = correction.development();
    if (correction.decision() == Correction.Decision.WRONG) {
      return learned.retract(d.id());
    }
    learned.learn(d, d.evidence().url());
    return 0;
  }

  /** Matches an article and learns its developments. */
  public MatchResult match(Article article) {
    return run(article, true);
  }

  /** Matches an article against the current knowledge without learning anything from it. */
  public MatchResult analyze(Article article) {
    return run(article, false);
  }

  private MatchResult run(Article article, boolean learn) {
    Instant now = clock.instant();
    LocalDate published = LocalDate.ofInstant(
        article.publishedAt() != null ? article.publishedAt() : now, ZoneOffset.UTC);

    FoldedText title = FoldedText.of(article.title().length() <= MAX_TITLE_CHARS ? article.title()
        : article.title().substring(0, MAX_TITLE_CHARS));
    List<MentionFinder.Found> titleFound = finder.find(title,
        List.of(new int[] {0, title.folded().length()}));
    List<Mention> mentions = new ArrayList<>(Mentions.toMentions(title, titleFound, true));

    FoldedText text = FoldedText.of(article.text());
    List<Sentences.Span> spans = Sentences.split(article.text());
    List<int[]> folded = spans.stream()
        .map(s -> new int[] {text.foldedIndexOf(s.start()), text.foldedIndexOf(s.end())}).toList();
    List<MentionFinder.Found> found = finder.find(text, folded,
        titleFound.stream().map(f -> f.target().id()).collect(Collectors.toSet()));
    mentions.addAll(Mentions.toMentions(text, found, false));

    // Claims are about dealings with the focus state: an article that never names it states none.
    boolean aboutFocus = mentions.stream().anyMatch(m -> namesFocus(m.entityId()))
        || focusPlaces.occursIn(text.folded()) || focusPlaces.occursIn(title.folded());
    Map<Claim, Novelty.Stated> claims = aboutFocus
        ? readClaims(article, published, title, titleFound, text, spans, folded, found) : Map.of();
    // Origins serve tagged articles and their claims only: the bulk of a stream, which names nothing tracked,
    // costs no database work (its near-duplicates name nothing either).
    String origin = mentions.isEmpty() && claims.isEmpty() ? article.id()
        : fingerprints.origin(article.id(), article.sourceId(), text.folded(), now, learn);
    List<Assessment> assessments = new ArrayList<>();
    Map<String, Development> developments = new LinkedHashMap<>();
    Map<String, TaggedArticle.Corroboration> corroborations = new LinkedHashMap<>();
    Set<String> corroborated = new HashSet<>();
    LearnedBefore learnedBefore = learnedBefore(claims.keySet(), article);
    for (Map.Entry<Claim, Novelty.Stated> stated : claims.entrySet()) {
      Claim claim = stated.getKey();
      Map<String, String> developmentOfFact = new LinkedHashMap<>();
      Map<String, List<Fact>> known = learnedFacts(claim, learnedBefore, developmentOfFact);
      Assessment a = novelty.assess(claim, published, known, stated.getValue());
      Development d = a.verdict().isDevelopment() ? development(a, article, now) : null;
      if (d != null && learn) {
        String owner = learned.learn(d, article.url());
        if (!d.id().equals(owner)) {
          // Another article (or matcher instance) recorded this very figure first.
          String factId = LearnedFacts.factId(d);
          developmentOfFact.put(factId, owner);
          a = new Assessment(claim, Verdict.KNOWN, List.of(factId), a.known(), "learned from an earlier article");
          d = null;
        }
      }
      if (a.verdict() == Verdict.KNOWN) {
        for (String factId : a.comparedFacts()) {
          String developmentId = developmentOfFact.get(factId);
          if (developmentId != null) {
            corroborations.putIfAbsent(developmentId, new TaggedArticle.Corroboration(developmentId, origin));
            // Two claims of one article repeating the same fact are one corroboration: recorded once.
            if (learn && corroborated.add(factId)) {
              learned.corroborate(factId, developmentId, article.id(), article.sourceId(), article.url(), origin,
                  now);
            }
          }
        }
      }
      assessments.add(a);
      if (d != null) {
        developments.putIfAbsent(d.id(), d);
      }
    }
    Optional<TaggedArticle> tagged = mentions.isEmpty() ? Optional.empty()
        : Optional.of(new TaggedArticle(TaggedArticle.SCHEMA, article.id(), article.sourceId(), article.url(),
            article.title(), article.language(), article.publishedAt(), bounded(mentions),
            List.copyOf(claims.keySet()), origin.equals(article.id()) ? null : origin,
            List.copyOf(corroborations.values())));
    return new MatchResult(tagged, assessments, List.copyOf(developments.values()));
  }

  /** A tagged article carries at most this many mentions, beyond which only each entity's first is kept. */
  static final int MAX_MENTIONS = 1_000;

  /**
   * The mentions a tagged article carries: all of them, or on a page that names entities thousands of times the first
   * {@link #MAX_MENTIONS} and then each further entity's first mention, so its record stays small.
   */
  private static List<Mention> bounded(List<Mention> mentions) {
    if (mentions.size() <= MAX_MENTIONS) {
      return mentions;
    }
    Set<String> seen = new HashSet<>();
    List<Mention> kept = new ArrayList<>();
    for (Mention m : mentions) {
      if (seen.add(m.entityId()) || kept.size() < MAX_MENTIONS) {
        kept.add(m);
      }
    }
    return kept;
  }

  /** Whether a mention names the focus state: the state itself, someone acting for it, or a treaty it is party to. */
  private boolean namesFocus(String id) {
    String focus = knowledge.focus();
    return knowledge.entity(id).map(e -> focus.equals(e.actingState())).orElse(false)
        || knowledge.treaty(id).map(t -> t.parties().contains(focus)).orElse(false);
  }

  /**
   * Claims are read from the text's first this many characters: a news article states its news far earlier, and a
   * page longer than that (a hostile one, or a whole archive) costs no more to read.
   */
  static final int MAX_CLAIM_CHARS = 100_000;
  /** A headline is read up to this many characters (a headline longer than that is a hostile one). */
  static final int MAX_TITLE_CHARS = 1_000;
  /** An article states at most this many claims, its first ones. */
  static final int MAX_CLAIMS = 100;

  /** The lead: this many first sentences of the text, which state an article's news. */
  private static final int LEAD_SENTENCES = 2;
  /** The lead also holds every sentence of the first paragraphs. */
  private static final int LEAD_PARAGRAPHS = 2;

  /**
   * The claims of every sentence, in order, with how each is stated: as background, or in the article's lead (its
   * first sentences, or of a subject and event its headline states too).
   */
  private Map<Claim, Novelty.Stated> readClaims(Article article, LocalDate published, FoldedText title,
      List<MentionFinder.Found> titleFound, FoldedText text, List<Sentences.Span> spans, List<int[]> folded,
      List<MentionFinder.Found> found) {
    ClaimReader reader = article.language() == null ? anyLanguage
        : readers.getOrDefault(article.language(), anyLanguage);
    Set<String> headline = new HashSet<>();
    // What the headline states as news: not what it names as background ("sanctions for supplying drones").
    reader.read(title.folded(), titleFound, published, Optional.empty(), Optional.empty(), Set.of(), Set.of())
        .claims().stream()
        .filter(r -> !r.background()).forEach(r -> headline.add(r.subject() + "|" + r.event()));
    Map<Claim, Novelty.Stated> claims = new LinkedHashMap<>();
    Optional<String> topic = lastAlly(titleFound);
    Optional<String> treatyTopic = Optional.empty();
    CarriedEvents run = new CarriedEvents();
    int next = 0; // the first mention not before the sentence: mentions and sentences are both in text order
    for (int i = 0; i < spans.size() && claims.size() < MAX_CLAIMS; i++) {
      int from = folded.get(i)[0];
      int to = folded.get(i)[1];
      Sentences.Span span = spans.get(i);
      if (span.start() >= MAX_CLAIM_CHARS) {
        break;
      }
      while (next < found.size() && found.get(next).start() < from) {
        next++;
      }
      List<MentionFinder.Found> local = new ArrayList<>();
      for (int m = next; m < found.size() && found.get(m).start() < to; m++) {
        MentionFinder.Found f = found.get(m);
        if (f.end() <= to) {
          local.add(new MentionFinder.Found(f.target(), f.start() - from, f.end() - from));
        }
      }
      ClaimReader.Reading reading = reader.read(text.folded().substring(from, to), local, published, topic,
          treatyTopic, run.carried(), run.named());
      boolean leadSentence = i < LEAD_SENTENCES || span.paragraph() < LEAD_PARAGRAPHS;
      boolean wentOnFromLead = run.fromLead();
      run.after(reading, leadSentence);
      List<ClaimReader.Read> reads = reading.claims();
      for (ClaimReader.Read r : reads) {
        if (claims.size() >= MAX_CLAIMS) {
          break;
        }
        List<Claim.Span> highlights = r.highlights().stream()
            .map(h -> new Claim.Span(text.originalStart(from + h[0]), text.originalEnd(from + h[1]))).toList();
        // A plan's "in December" is the next December.
        DateReader.StatedDate date = r.date() == null || !r.planned() ? r.date() : r.date().ahead(published);
        Claim claim = new Claim(r.subject(), r.event(), r.counterparty(), r.treaty(), r.quantity(),
            date == null ? null : date.date(), article.text().substring(span.start(), span.end()),
            span.start(), span.end(), r.attribution(), highlights, r.confirms(), r.planned());
        boolean lead = leadSentence || headline.contains(r.subject() + "|" + r.event())
            || wentOnFromLead && reading.wentOn().contains(r.event());
        claims.putIfAbsent(claim, new Novelty.Stated(r.background(), lead, date == null ? null : date.lastDay()));
      }
      Optional<String> ally = lastAlly(local);
      if (ally.isPresent()) {
        topic = ally;
      }
      Optional<String> treaty = reads.stream().map(ClaimReader.Read::treaty).filter(java.util.Objects::nonNull)
          .reduce((a, b) -> b);
      if (treaty.isPresent()) {
        treatyTopic = treaty;
      }
    }
    return claims;
  }

  private Optional<String> lastAlly(List<MentionFinder.Found> found) {
    return anyLanguage.lastAlly(found);
  }

  /**
   * The learned facts any of the claims is compared with, in one round trip: facts first learned from this very
   * article do not count against it, so a replay decides the same. They are indexed by key and by treaty, as a
   * much-reported key gathers many learned figures and each claim needs only its own.
   */
  private LearnedBefore learnedBefore(Collection<Claim> claims, Article article) {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> treaties = new LinkedHashSet<>();
    for (Claim claim : claims) {
      keys.addAll(novelty.relatedKeys(claim));
      if (claim.treaty() != null) {
        treaties.add(claim.treaty());
      }
    }
    if (keys.isEmpty()) {
      return new LearnedBefore(List.of(), Map.of(), Map.of());
    }
    List<LearnedFacts.Learned> all = learned.forKeys(keys, treaties).stream()
        .filter(l -> !l.firstArticleId().equals(article.id())).toList();
    Map<String, List<Integer>> byKey = new HashMap<>();
    Map<String, List<Integer>> byTreaty = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Fact fact = all.get(i).fact();
      byKey.computeIfAbsent(fact.key(), k -> new ArrayList<>()).add(i);
      if (fact.treaty() != null) {
        byTreaty.computeIfAbsent(fact.treaty(), k -> new ArrayList<>()).add(i);
      }
    }
    return new LearnedBefore(all, byKey, byTreaty);
  }

  /** The learned facts of an article's claims, with where each one's key and treaty are in the list. */
  private record LearnedBefore(List<LearnedFacts.Learned> all, Map<String, List<Integer>> byKey,
      Map<String, List<Integer>> byTreaty) {}

  /**
   * Of those, the facts of the claim's keys (and of its treaty), by key, in the order they were read; and which
   * development each came from.
   */
  private Map<String, List<Fact>> learnedFacts(Claim claim, LearnedBefore learnedBefore,
      Map<String, String> developmentOfFact) {
    java.util.SortedSet<Integer> at = new java.util.TreeSet<>();
    for (String key : novelty.relatedKeys(claim)) {
      at.addAll(learnedBefore.byKey().getOrDefault(key, List.of()));
    }
    if (claim.treaty() != null) {
      at.addAll(learnedBefore.byTreaty().getOrDefault(claim.treaty(), List.of()));
    }
    Map<String, List<Fact>> known = new LinkedHashMap<>();
    for (int i : at) {
      LearnedFacts.Learned l = learnedBefore.all().get(i);
      known.computeIfAbsent(l.fact().key(), k -> new ArrayList<>()).add(l.fact());
      developmentOfFact.put(l.fact().id(), l.developmentId());
    }
    return known;
  }

  private Development development(Assessment a, Article article, Instant now) {
    Claim c = a.claim();
    String figure = c.quantity() == null ? "-" : c.quantity().low() + ".." + c.quantity().high();
    String id = Ids.of(c.key(), figure, article.id());
    int base = knowledge.event(c.event()).map(EventType::severity).orElse(3);
    int severity = Math.min(5, a.verdict() == Verdict.CONFIRMED ? base + 1 : base);
    return new Development(Development.SCHEMA, id, c.key(), a.verdict(), severity, headline(c), c,
        new Evidence(article.id(), article.sourceId(), article.url(), article.title(), article.publishedAt()),
        a.comparedFacts(), a.known(), a.knownFacts(), now);
  }

  /** "North Korea — troop deployment: about 15,000 soldiers". */
  private String headline(Claim c) {
    String label = knowledge.event(c.event()).map(EventType::label).orElse(c.event().replace('_', ' '));
    StringBuilder h = new StringBuilder(knowledge.nameOf(c.subject())).append(" — ").append(label);
    if (c.treaty() != null) {
      h.append(": ").append(knowledge.nameOf(c.treaty()));
    } else if (c.quantity() != null) {
      h.append(": ").append(knowledge.event(c.event()).map(e -> e.describe(c.quantity()))
          .orElseGet(() -> c.quantity().describe()));
    }
    if (!knowledge.focus().equals(c.counterparty()) && c.treaty() == null) {
      h.append(" (").append(knowledge.nameOf(c.counterparty())).append(')');
    }
    if (c.planned()) {
      h.append(" (planned)");
    }
    return h.toString();
  }
}
