package org.vedetta.matcher.eval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.vedetta.matcher.Assessment;
import org.vedetta.matcher.MatchResult;
import org.vedetta.matcher.Matcher;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Mention;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;

/**
 * Scores the matcher on labelled articles, each analysed on its own against the baseline (nothing is learned
 * between articles):
 * <ul>
 *   <li><b>mentions</b>: the entity and treaty ids found in title and text (of the ids the labels were made with:
 *       {@link LabelledIds});</li>
 *   <li><b>claims</b>: subject, event, treaty, and the figure with its role where the labels give one;</li>
 *   <li><b>own news</b>: of the events an article reports as new, how many the matcher reads as a claim of the
 *       right event type for the right subject (recall);</li>
 *   <li><b>developments</b>: the claims that would alert. A development is right when a labelled claim that is
 *       not known has its subject, event, treaty, figure (and role) and plan, and is read from that claim's
 *       sentence;</li>
 *   <li>developments on off-topic articles, which are all wrong, and the share of right developments that
 *       carry the labelled verdict.</li>
 * </ul>
 */
public final class Evaluation {

  /** The scores of one language or one event type. */
  public record Breakdown(int articles, Score mentions, Score claims, Score ownNews, Score developments) {
    static final Breakdown EMPTY = new Breakdown(0, Score.ZERO, Score.ZERO, Score.ZERO, Score.ZERO);

    Breakdown plus(Breakdown o) {
      return new Breakdown(articles + o.articles, mentions.plus(o.mentions), claims.plus(o.claims),
          ownNews.plus(o.ownNews), developments.plus(o.developments));
    }
  }

  /**
   * The outcome.
   *
   * @param total                the scores over every article
   * @param offTopicArticles     articles labelled off-topic
   * @param offTopicDevelopments developments found on them (each one wrong)
   * @param verdicts             of the right developments, the share with the labelled verdict
   * @param byLanguage           per language
   * @param byEvent              per event type (mentions and articles are not split by event)
   * @param misses               one line per wrong or missed item, for people
   */
  public record Report(Breakdown total, int offTopicArticles, int offTopicDevelopments, double verdicts,
      Map<String, Breakdown> byLanguage, Map<String, Breakdown> byEvent, List<String> misses) {

    public int articles() {
      return total.articles();
    }
  }

  /** A figure as the labels write it: "at least N" has no high end, "up to N" no low end. */
  private record Figure(Long low, Long high, String role) {
    static Figure of(Quantity q) {
      if (q == null) {
        return null;
      }
      return new Figure(q.qualifier() == Qualifier.UP_TO ? null : q.low(),
          q.qualifier() == Qualifier.AT_LEAST ? null : q.high(), q.role());
    }

    /** Same numbers, and the same role where both give one (the invented set labels none). */
    boolean matches(Figure expected) {
      return Objects.equals(low, expected.low) && Objects.equals(high, expected.high)
          && (role == null || expected.role == null || role.equals(expected.role));
    }

    @Override
    public String toString() {
      String n = Objects.equals(low, high) ? String.valueOf(low)
          : (low == null ? "≤" + high : high == null ? "≥" + low : low + "-" + high);
      return n + (role == null ? "" : " " + role);
    }
  }

  /** One claim, predicted or expected, in the terms it is scored in. */
  private record Item(String subject, String event, String treaty, Figure figure, boolean planned, String verdict,
      List<int[]> spans, String sentence) {

    boolean sameKind(Item o) {
      return subject.equals(o.subject) && event.equals(o.event) && Objects.equals(treaty, o.treaty);
    }

    /** Whether this predicted item reads what the expected item says (figure and plan included). */
    boolean matches(Item expected) {
      boolean sameFigure = figure == null ? expected.figure == null
          : expected.figure != null && figure.matches(expected.figure);
      return sameKind(expected) && sameFigure && planned == expected.planned;
    }

    /** Whether this predicted item was read from one of the expected item's sentences (when they are known). */
    boolean readFrom(Item expected) {
      if (expected.spans.isEmpty() || sameWords(sentence, expected.sentence)) {
        return true; // the same words elsewhere: a subtitle that the first paragraph repeats
      }
      for (int[] p : spans) {
        for (int[] e : expected.spans) {
          if (p[0] < e[1] && e[0] < p[1]) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean sameWords(String a, String b) {
      return a != null && b != null && words(a).equals(words(b));
    }

    private static String words(String sentence) {
      return sentence.replaceAll("[\\p{P}\\s]+", " ").strip();
    }

    String describe() {
      return subject + " " + event + (treaty == null ? "" : " " + treaty) + (figure == null ? "" : " " + figure)
          + (planned ? " (planned)" : "") + (verdict == null ? "" : " [" + verdict + "]")
          + (sentence == null ? "" : " «" + abbreviate(sentence) + "»");
    }
  }

  private final Matcher matcher;
  private final Set<String> labelledIds;

  /** {@code matcher} is used in analyse mode only; every mention it finds is scored. */
  public Evaluation(Matcher matcher) {
    this(matcher, null);
  }

  /**
   * As {@link #Evaluation(Matcher)}, scoring only mentions of {@code labelledIds} (the ids the labels were made with,
   * {@link LabelledIds}); {@code null} scores every mention.
   */
  public Evaluation(Matcher matcher, Set<String> labelledIds) {
    this.matcher = matcher;
    this.labelledIds = labelledIds;
  }

  public Report run(List<LabelledArticle> articles) {
    Breakdown total = Breakdown.EMPTY;
    Map<String, Breakdown> byLanguage = new TreeMap<>();
    Map<String, Breakdown> byEvent = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int offTopic = 0;
    int offTopicDevelopments = 0;
    int verdictsRight = 0;
    int verdictsCompared = 0;
    for (LabelledArticle a : articles) {
      MatchResult result = matcher.analyze(Article.of("eval", "https://eval.vedetta.invalid/" + a.id(), a.title(),
          a.text(), a.language(), a.published().atTime(8, 0).toInstant(ZoneOffset.UTC), Instant.EPOCH));
      Set<String> foundIds = new HashSet<>();
      result.tagged().ifPresent(t -> t.mentions().stream().map(Mention::entityId)
          .filter(id -> labelledIds == null || labelledIds.contains(id)).forEach(foundIds::add));
      Score mentions = compareSets(a.id() + " mention", foundIds, new HashSet<>(a.mentions()), misses);

      List<Item> expected = a.claims().stream().map(c -> expected(c, a.text())).toList();
      List<Item> predicted = result.assessments().stream().map(Evaluation::predicted).toList();

      Map<String, Breakdown> events = new LinkedHashMap<>();
      // Claims: distinct items, the figure compared where the labels give one for that kind of claim.
      List<Item> expectedClaims = distinct(expected);
      List<Item> predictedClaims = distinct(predicted.stream()
          .map(p -> expected.stream().anyMatch(e -> e.sameKind(p) && e.figure != null) ? p : withoutFigure(p))
          .toList());
      match(a.id() + " claim", predictedClaims, expectedClaims, (p, e) -> p.matches(e), misses, events,
          (s, b) -> new Breakdown(0, Score.ZERO, b.claims.plus(s), Score.ZERO, Score.ZERO));

      // Own news: one per subject, event and treaty; any claim of that kind counts.
      List<Item> ownNews = distinct(a.claims().stream().filter(LabelledArticle.ExpectedClaim::ownNews)
          .map(c -> withoutFigure(expected(c, a.text()))).toList());
      for (Item e : ownNews) {
        boolean found = predicted.stream().anyMatch(p -> p.sameKind(e));
        if (!found) {
          misses.add(a.id() + " own news missed: " + e.describe());
        }
        add(events, e.event, new Breakdown(0, Score.ZERO, Score.ZERO, new Score(found ? 1 : 0, 0, found ? 0 : 1),
            Score.ZERO));
      }

      // Developments.
      List<Item> expectedDevs = distinct(expected.stream().filter(e -> !"known".equals(e.verdict)).toList());
      List<Item> predictedDevs = distinct(predicted.stream().filter(p -> !"known".equals(p.verdict)).toList());
      if (!a.onTopic()) {
        offTopic++;
        offTopicDevelopments += predictedDevs.size();
      }
      List<Item[]> pairs = match(a.id() + " development", predictedDevs, expectedDevs,
          (p, e) -> p.matches(e) && p.readFrom(e), misses, events,
          (s, b) -> new Breakdown(0, Score.ZERO, Score.ZERO, Score.ZERO, b.developments.plus(s)));
      for (Item[] pair : pairs) {
        verdictsCompared++;
        if (pair[0].verdict.equals(pair[1].verdict)) {
          verdictsRight++;
        } else {
          misses.add(a.id() + " verdict: " + pair[1].describe() + " found " + pair[0].verdict);
        }
      }

      Breakdown article = new Breakdown(1, mentions, Score.ZERO, Score.ZERO, Score.ZERO);
      for (Map.Entry<String, Breakdown> e : events.entrySet()) {
        byEvent.merge(e.getKey(), e.getValue(), Breakdown::plus);
        article = article.plus(e.getValue());
      }
      total = total.plus(article);
      byLanguage.merge(a.language(), article, Breakdown::plus);
    }
    return new Report(total, offTopic, offTopicDevelopments,
        verdictsCompared == 0 ? 1.0 : (double) verdictsRight / verdictsCompared, byLanguage, byEvent, misses);
  }

  private interface Matching {
    boolean test(Item predicted, Item expected);
  }

  private interface Scoring {
    Breakdown add(Score score, Breakdown to);
  }

  /**
   * Pairs each predicted item with an expected one it matches (each expected item once) and scores the pairs
   * by event type; returns the pairs, predicted first.
   */
  private static List<Item[]> match(String what, List<Item> predicted, List<Item> expected, Matching matching,
      List<String> misses, Map<String, Breakdown> events, Scoring scoring) {
    List<Item[]> pairs = new ArrayList<>();
    Set<Item> taken = new HashSet<>();
    for (Item p : predicted) {
      Item hit = expected.stream().filter(e -> !taken.contains(e) && matching.test(p, e)).findFirst().orElse(null);
      if (hit == null) {
        misses.add(what + " not expected: " + p.describe());
        events.merge(p.event, scoring.add(new Score(0, 1, 0), Breakdown.EMPTY), Breakdown::plus);
      } else {
        taken.add(hit);
        pairs.add(new Item[] {p, hit});
        events.merge(p.event, scoring.add(new Score(1, 0, 0), Breakdown.EMPTY), Breakdown::plus);
      }
    }
    for (Item e : expected) {
      if (!taken.contains(e)) {
        misses.add(what + " missed: " + e.describe());
        events.merge(e.event, scoring.add(new Score(0, 0, 1), Breakdown.EMPTY), Breakdown::plus);
      }
    }
    return pairs;
  }

  private static void add(Map<String, Breakdown> events, String event, Breakdown b) {
    events.merge(event, b, Breakdown::plus);
  }

  /** Items that differ in what is scored, merging the sentences of equal ones. */
  private static List<Item> distinct(List<Item> items) {
    Map<List<Object>, Item> byKey = new LinkedHashMap<>();
    for (Item i : items) {
      List<Object> key = java.util.Arrays.asList(i.subject, i.event, i.treaty, i.figure, i.planned);
      Item seen = byKey.get(key);
      if (seen == null) {
        byKey.put(key, i);
      } else {
        List<int[]> spans = new ArrayList<>(seen.spans);
        spans.addAll(i.spans);
        byKey.put(key, new Item(seen.subject, seen.event, seen.treaty, seen.figure, seen.planned, seen.verdict,
            spans, seen.sentence));
      }
    }
    return List.copyOf(byKey.values());
  }

  private static Item withoutFigure(Item i) {
    return new Item(i.subject, i.event, i.treaty, null, i.planned, i.verdict, i.spans, i.sentence);
  }

  private static Item expected(LabelledArticle.ExpectedClaim c, String text) {
    Figure figure = c.hasFigure() ? new Figure(c.low(), c.high(), c.role()) : null;
    List<int[]> spans = new ArrayList<>();
    if (c.sentence() != null) {
      for (int at = text.indexOf(c.sentence()); at >= 0; at = text.indexOf(c.sentence(), at + 1)) {
        spans.add(new int[] {at, at + c.sentence().length()});
      }
    }
    return new Item(c.subject(), c.event(), c.treaty(), figure, c.planned(), c.verdict(), spans, c.sentence());
  }

  private static Item predicted(Assessment a) {
    Claim c = a.claim();
    boolean figure = c.quantity() != null && c.quantity().qualifier() != Qualifier.VAGUE
        && !"percent".equals(c.quantity().unit());
    return new Item(c.subject(), c.event(), c.treaty(), figure ? Figure.of(c.quantity()) : null, c.planned(),
        a.verdict().name().toLowerCase(Locale.ROOT), List.of(new int[] {c.start(), c.end()}), c.sentence());
  }

  private static <T> Score compareSets(String what, Set<T> found, Set<T> expected, List<String> misses) {
    int tp = 0;
    for (T f : found) {
      if (expected.contains(f)) {
        tp++;
      } else {
        misses.add(what + " not expected: " + f);
      }
    }
    for (T e : expected) {
      if (!found.contains(e)) {
        misses.add(what + " missed: " + e);
      }
    }
    return new Score(tp, found.size() - tp, expected.size() - tp);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 140 ? one : one.substring(0, 137) + "...";
  }
}
