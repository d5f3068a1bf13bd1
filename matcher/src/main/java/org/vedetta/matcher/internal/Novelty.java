package org.vedetta.matcher.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vedetta.matcher.Assessment;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.model.Claim;
import org.vedetta.model.KnownFact;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;

/**
 * Compares a claim with the known facts of its key and decides its verdict:
 * <ul>
 *   <li>a sentence recalling an event more than {@link #HISTORY_DAYS} days before publication is KNOWN;</li>
 *   <li>no fact with the key: NEW; an official confirmation of a reported deployment: CONFIRMED;</li>
 *   <li>a figure outside every known figure of its unit and role by more than the event's tolerance: CHANGED,
 *       except far below a running count (the killed), where it counts a part of it (NEW); a
 *       treaty step later than every known step of that treaty: CHANGED (the same step by another party is
 *       NEW; an earlier one is KNOWN);</li>
 *   <li>otherwise KNOWN.</li>
 * </ul>
 * Keys are normalised so that, except for treaty steps, the ally is the subject and Russia the counterparty.
 */
public final class Novelty {

  /** A stated date older than this, before publication, makes the sentence a recollection. */
  static final int HISTORY_DAYS = 180;

  /** An occurrence of a recurring event is the article's news only if it is at most this many days old. */
  static final int RECENT_DAYS = 14;

  /** A figure of a running count at most this share of the known one counts a part of it, not the whole. */
  static final double PART_SHARE = 0.1;

  private final KnowledgeSet knowledge;
  private final Map<String, List<Fact>> baseline;

  public Novelty(KnowledgeSet knowledge) {
    this.knowledge = knowledge;
    List<Fact> all = new ArrayList<>(knowledge.facts().stream().map(this::normalised).toList());
    knowledge.treaties().forEach(t -> all.addAll(lifecycle(t)));
    this.baseline = all.stream().collect(Collectors.groupingBy(Fact::key, HashMap::new, Collectors.toList()));
  }

  /** Facts of the baseline with this key. */
  private List<Fact> baseline(String key) {
    return baseline.getOrDefault(key, List.of());
  }

  /**
   * How a claim is stated in its article.
   *
   * @param background as habitual or historical background, which is never news
   * @param lead       in the article's lead (its first sentences, or a subject and event its headline states): an
   *                   occurrence of a recurring event stated there without a date is the article's news, of the day
   *                   it was published
   * @param until      the last day of the period its date states ("in January 2025": 31 January), or {@code null}
   *                   when undated
   */
  public record Stated(boolean background, boolean lead, LocalDate until) {}

  /**
   * The verdict of a claim given the learned facts of its key (and of the keys it depends on, see
   * {@link #relatedKeys}).
   */
  public Assessment assess(Claim claim, LocalDate published, Map<String, List<Fact>> learned, Stated stated) {
    if (stated.background()) {
      return new Assessment(claim, Verdict.KNOWN, List.of(), null, "background: habitual or historical");
    }
    if (claim.date() != null && published != null) {
      LocalDate last = stated.until() != null ? stated.until() : claim.date();
      if (last.isBefore(published.minusDays(HISTORY_DAYS))) {
        return new Assessment(claim, Verdict.KNOWN, List.of(), null, "recalls an event of " + claim.date());
      }
    }
    // A plan is compared with plans and done things; a done thing only with done things.
    List<Fact> facts = factsFor(claim.key(), learned).stream().filter(f -> claim.planned() || !f.planned())
        .toList();
    if (isConfirmation(claim.event())) {
      String confirmed = confirmed(claim);
      List<Fact> same = facts.stream().filter(f -> confirmed.equals(f.confirms())).toList();
      if (!same.isEmpty()) {
        return known(claim, same, "already confirmed");
      }
      List<Fact> reported = factsFor(Claim.keyOf(claim.subject(), confirmed, claim.counterparty(), null), learned);
      return reported.isEmpty()
          ? new Assessment(claim, Verdict.NEW, List.of(), null, "no known fact")
          : compared(claim, Verdict.CONFIRMED, reported,
              "officially confirms what was reported");
    }
    if (claim.treaty() == null && stage(claim.event()) > 0) {
      // A treaty the knowledge set does not track: news when dated, or stated in the lead, and not known.
      LocalDate occurred = claim.date() != null ? claim.date() : stated.lead() ? published : null;
      if (occurred == null) {
        return known(claim, facts, "a step of an untracked treaty, with no date");
      }
      return facts.isEmpty() ? new Assessment(claim, Verdict.NEW, List.of(), null, "treaty step not known")
          : known(claim, facts, "treaty step already known");
    }
    if (claim.treaty() != null && stage(claim.event()) > 0) {
      if (!facts.isEmpty()) {
        return known(claim, facts, "treaty step already known");
      }
      List<Fact> steps = treatyFacts(claim.treaty(), learned);
      int stage = stage(claim.event());
      if (steps.isEmpty()) {
        return new Assessment(claim, Verdict.NEW, List.of(), null, "treaty step not known");
      }
      int furthest = steps.stream().mapToInt(f -> stage(f.event())).max().orElse(-1);
      if (furthest > stage) {
        return known(claim, steps, "the treaty is known to be further along");
      }
      return furthest < stage
          ? compared(claim, Verdict.CHANGED, steps, "a later treaty step")
          : compared(claim, Verdict.NEW, steps, "this party's step is not known");
    }
    boolean recurring = knowledge.event(claim.event()).map(EventType::recurring).orElse(false);
    if (recurring && recalled(claim, published, stated)) {
      // An occurrence dated weeks before publication is background to the article's news.
      return known(claim, facts, "recalls an occurrence of " + claim.date());
    }
    LocalDate occurred = claim.date() != null ? claim.date() : stated.lead() ? published : null;
    if (recurring && occurred == null) {
      // An undated occurrence outside the lead is not the article's news: a supply or a meeting it mentions.
      return known(claim, facts, "an occurrence the article does not report as news");
    }
    if (facts.isEmpty()) {
      return new Assessment(claim, Verdict.NEW, List.of(), null, "no known fact");
    }
    if (recurring && occurred != null && claim.quantity() == null
        && facts.stream().noneMatch(f -> f.asOf() == null || within(f.asOf(), occurred, HISTORY_DAYS))) {
      return compared(claim, Verdict.NEW, facts, "a new occurrence");
    }
    Quantity q = claim.quantity();
    if (q == null) {
      return known(claim, facts, "matches known facts");
    }
    // Figures are compared only with figures of the same unit and role: killed with killed, a total with totals.
    List<Fact> sameRole = facts.stream()
        .filter(f -> f.quantity() != null)
        .filter(f -> q.unit() == null || q.unit().equals(f.quantity().unit()))
        .filter(f -> q.role() == null || f.quantity().role() == null || q.role().equals(f.quantity().role()))
        .toList();
    if (sameRole.isEmpty()) {
      return q.qualifier() == Qualifier.VAGUE ? known(claim, facts, "matches known facts")
          : compared(claim, Verdict.NEW, facts, "no known figure of this kind");
    }
    if (q.qualifier() == Qualifier.VAGUE) {
      return known(claim, sameRole, "matches known facts");
    }
    List<Fact> comparable = sameRole.stream().filter(f -> f.quantity().qualifier() != Qualifier.VAGUE).toList();
    // A figure stated before a known figure of its kind was is an older estimate, superseded by it.
    List<Fact> later = published == null ? List.of() : comparable.stream()
        .filter(f -> f.asOf() != null && published.isBefore(asOfStart(f.asOf()))).toList();
    if (!later.isEmpty()) {
      return known(claim, later, "an older figure than one known");
    }
    double tolerance = knowledge.event(claim.event()).map(EventType::tolerance).orElse(0.1);
    for (Fact f : comparable) {
      if (overlaps(q, f.quantity().toQuantity(), tolerance)) {
        // An official figure that matches what was only reported confirms it.
        boolean confirms = claim.event().equals(claim.confirms())
            && comparable.stream().filter(k -> overlaps(q, k.quantity().toQuantity(), tolerance))
                .noneMatch(Fact::officiallyConfirmed);
        return confirms
            ? compared(claim, Verdict.CONFIRMED, List.of(f),
                "an official figure for what was reported")
            : compared(claim, Verdict.KNOWN, List.of(f), "same figure");
      }
    }
    EventType type = knowledge.event(claim.event()).orElseThrow();
    if (!comparable.isEmpty() && q.role() != null && type.cumulative(q.role())) {
      // A running count only grows: a far lower figure counts a part of it (one unit, one battle).
      double lowest = comparable.stream().mapToDouble(f -> f.quantity().low()).min().orElseThrow();
      if (q.high() <= PART_SHARE * lowest) {
        return compared(claim, Verdict.NEW, comparable, "a part of the known count (one unit, one battle)");
      }
    }
    List<Fact> compared = comparable.isEmpty() ? sameRole : comparable;
    return compared(claim, Verdict.CHANGED, compared,
        comparable.isEmpty() ? "first precise figure" : "figure differs from every known one");
  }

  /**
   * Whether the claim is dated weeks before publication: an occurrence recalled, not reported. A period that ended
   * before publication ("last month", "in September") is recalled when most of it lies further back.
   */
  private static boolean recalled(Claim claim, LocalDate published, Stated stated) {
    if (claim.date() == null || published == null) {
      return false;
    }
    LocalDate last = stated.until() != null ? stated.until() : claim.date();
    LocalDate middle = last.isBefore(published)
        ? claim.date().plusDays(java.time.temporal.ChronoUnit.DAYS.between(claim.date(), last) / 2) : last;
    return middle.isBefore(published.minusDays(RECENT_DAYS));
  }

  /** Keys whose learned facts {@link #assess} reads for this claim. */
  public List<String> relatedKeys(Claim claim) {
    List<String> keys = new ArrayList<>(List.of(claim.key()));
    if (isConfirmation(claim.event())) {
      keys.add(Claim.keyOf(claim.subject(), confirmed(claim), claim.counterparty(), null));
    }
    return keys;
  }

  private boolean isConfirmation(String event) {
    return knowledge.event(event).map(EventType::confirmation).orElse(false);
  }

  /** What an official confirmation confirms: what its sentence says, else its event type's default. */
  private String confirmed(Claim claim) {
    return claim.confirms() != null ? claim.confirms()
        : knowledge.event(claim.event()).map(EventType::confirms).orElseThrow();
  }

  /** A treaty step's stage (signed 1, ratified 2, in force 3), 0 for other events. */
  private int stage(String event) {
    return knowledge.event(event).map(EventType::stage).orElse(0);
  }

  /** The event type of a treaty stage, if the knowledge set has one. */
  private java.util.Optional<String> stageEvent(int stage) {
    return knowledge.events().stream().filter(e -> e.stage() == stage).map(EventType::id).findFirst();
  }

  private List<Fact> factsFor(String key, Map<String, List<Fact>> learned) {
    List<Fact> facts = new ArrayList<>(baseline(key));
    facts.addAll(learned.getOrDefault(key, List.of()));
    return facts;
  }

  private List<Fact> treatyFacts(String treaty, Map<String, List<Fact>> learned) {
    List<Fact> facts = new ArrayList<>();
    baseline.values().forEach(list -> list.stream().filter(f -> treaty.equals(f.treaty())).forEach(facts::add));
    learned.values().forEach(list -> list.stream().filter(f -> treaty.equals(f.treaty())).forEach(facts::add));
    return facts;
  }

  static boolean overlaps(Quantity claim, Quantity known, double tolerance) {
    double low = known.low() * (1 - tolerance);
    double high = known.high() * (1 + tolerance);
    return claim.low() <= high && claim.high() >= low;
  }

  private Assessment known(Claim claim, List<Fact> facts, String reason) {
    return compared(claim, Verdict.KNOWN, facts, reason);
  }

  private Assessment compared(Claim claim, Verdict verdict, List<Fact> facts, String reason) {
    List<KnownFact> known = facts.stream()
        .map(f -> new KnownFact(f.subject(), f.event(), f.treaty(),
            f.quantity() == null ? null : f.quantity().toQuantity(), f.asOf()))
        .distinct()
        .toList();
    return new Assessment(claim, verdict, ids(facts), describe(facts), reason, known);
  }

  private static List<String> ids(List<Fact> facts) {
    return facts.stream().map(Fact::id).distinct().toList();
  }

  /** "10,000–12,000 soldiers (2024-10); treaty ratified by Russia (2025-10-27)". */
  private String describe(List<Fact> facts) {
    return facts.stream()
        .map(f -> (f.quantity() != null ? figure(f)
            : f.event().replace('_', ' ') + (stage(f.event()) > 0 ? " by " + knowledge.nameOf(f.subject()) : ""))
            + (f.asOf() != null ? " (" + f.asOf() + ")" : ""))
        .distinct()
        .collect(Collectors.joining("; "));
  }

  /** Whether a fact's period (a year, a month or a day) comes within {@code days} of the day, before or after. */
  private static boolean within(String asOf, LocalDate day, int days) {
    return !asOfEnd(asOf).isBefore(day.minusDays(days)) && !asOfStart(asOf).isAfter(day.plusDays(days));
  }

  /** The first day of a fact's {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
  private static LocalDate asOfStart(String asOf) {
    return switch (asOf.length()) {
      case 4 -> LocalDate.of(Integer.parseInt(asOf), 1, 1);
      case 7 -> java.time.YearMonth.parse(asOf).atDay(1);
      default -> LocalDate.parse(asOf.substring(0, 10));
    };
  }

  /** A fact's figure as headlines word it: "about 2,000 soldiers killed". */
  private String figure(Fact f) {
    Quantity q = f.quantity().toQuantity();
    return knowledge.event(f.event()).map(e -> e.describe(q)).orElseGet(q::describe);
  }

  /** The last day of a fact's {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
  private static LocalDate asOfEnd(String asOf) {
    return switch (asOf.length()) {
      case 4 -> LocalDate.of(Integer.parseInt(asOf), 12, 31);
      case 7 -> java.time.YearMonth.parse(asOf).atEndOfMonth();
      default -> LocalDate.parse(asOf.substring(0, 10));
    };
  }

  /** A fact keyed as claims are: the ally is the subject and the focus state the counterparty (not for treaty steps). */
  private Fact normalised(Fact f) {
    String focus = knowledge.focus();
    boolean swap = stage(f.event()) == 0 && focus.equals(f.subject()) && !focus.equals(f.counterparty());
    return swap ? new Fact(f.id(), f.counterparty(), f.event(), f.subject(), f.treaty(), f.quantity(), f.asOf(),
        f.status(), f.source(), f.quote(), f.confirms(), f.planned()) : f;
  }

  /** Each treaty's known lifecycle as facts, so a treaty's dates need not be repeated in facts.yml. */
  private List<Fact> lifecycle(Treaty t) {
    List<Fact> facts = new ArrayList<>();
    String source = t.sources().isEmpty() ? "treaties.yml" : t.sources().get(0);
    String focus = knowledge.focus();
    for (String party : t.parties()) {
      String other = t.parties().contains(focus) && !party.equals(focus) ? focus
          : t.parties().stream().filter(p -> !p.equals(party)).findFirst().orElse(focus);
      LocalDate[] dates = {t.signed(), t.ratified().get(party), t.inForce()};
      String[] names = {"signed", "ratified", "in_force"};
      for (int stage = 1; stage <= dates.length; stage++) {
        LocalDate date = dates[stage - 1];
        String name = names[stage - 1];
        stageEvent(stage).filter(e -> date != null).ifPresent(event -> facts.add(new Fact(
            t.id() + ":" + name + ":" + party, party, event, other, t.id(), null, date.toString(),
            "officially_confirmed", source, null, null, false)));
      }
    }
    return facts;
  }
}
