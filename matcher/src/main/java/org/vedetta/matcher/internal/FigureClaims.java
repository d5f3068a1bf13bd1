package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.model.Quantity;

/**
 * Reads the claims of quantity events (troops, casualties): one per figure that belongs to an event, in the role
 * the words around it say; and the event stated without a figure, next to an ally and a unit word.
 */
final class FigureClaims {

  /** A figure belongs to a unit word at most this many folded characters after it (or 25 before it). */
  private static final int UNIT_REACH = 40;
  /** How far, in folded characters, a role word may stand before a figure, and after it. */
  private static final int ROLE_BEFORE = 30;
  private static final int ROLE_AFTER = 130;
  /** Phrase scores below this skip at most two words (see {@link Phrase#score}). */
  private static final int TIGHT = 3000;
  /** How far, in folded characters, a unit word may stand from the trigger of an event stated without figure. */
  private static final int UNCOUNTED_REACH = 60;
  /** The figures of a sentence read at most: a real sentence holds a handful, a list of figures is no claim. */
  static final int MAX_FIGURES = 20;

  private final Actors actors;
  private final List<EventRule> rules;
  /** Words that, right after a figure, only qualify it and stand for its left-out unit ("2 700 autres"). */
  private final List<String> unitStandIns;

  /** {@code rules}: the quantity event types, highest priority first. */
  FigureClaims(Actors actors, List<EventRule> rules) {
    this.actors = actors;
    this.rules = rules;
    this.unitStandIns = rules.stream().flatMap(rule -> rule.roles().stream())
        .flatMap(role -> role.phrases().stream().flatMap(p -> p.soleWordAfter().stream())
            .filter(word -> !role.words().occursIn(word)))
        .distinct().toList();
  }

  /** The event type and role a figure is read as. */
  private record Reading(EventRule rule, String role) {}

  /**
   * Claims of the sentence; {@code fired} are the quantity events whose triggers it holds, {@code official}
   * whether it states an official confirmation.
   */
  List<ClaimReader.Read> read(Sentence s, List<EventRule.Fired> fired, boolean official) {
    List<ClaimReader.Read> claims = new ArrayList<>();
    // A figure counts only next to a unit word: without one, no figure event can be read.
    if (!fired.isEmpty() || rules.stream().anyMatch(r -> !r.roles().isEmpty() && r.units().occursIn(s.text()))) {
      List<NumberReader.Figure> figures = NumberReader.read(s.text());
      claims.addAll(counted(s, fired, figures.subList(0, Math.min(figures.size(), MAX_FIGURES)), official));
    }
    claims.addAll(uncounted(s, fired, claims, official));
    return claims;
  }

  /**
   * One claim per figure that stands next to a unit word. The figure's event type and role come from the role
   * phrase that fits it most tightly ("{n} more", "{n} … killed"), of any quantity event type whose required words
   * are in the sentence; without one, from the event type fired whose trigger word is nearest the figure (a trigger
   * that is itself a unit word, like "troops", counts only when no other does; ties go to the higher priority), in
   * the role that trigger or the role word nearest the figure implies, else the default role. So "10,000 troops
   * deployed, of whom 2,000 were killed" gives a deployment and a casualty figure, and "300 killed and 2,700
   * wounded" two casualty figures of different roles.
   */
  private List<ClaimReader.Read> counted(Sentence s, List<EventRule.Fired> fired, List<NumberReader.Figure> figures,
      boolean official) {
    List<ClaimReader.Read> claims = new ArrayList<>();
    if (figures.isEmpty()) {
      return claims;
    }
    Tokens tokens = s.tokens();
    // A phrase's gap crosses no other figure, nor a word introducing parts ("20,000 soldiers, including deminers").
    boolean[] barrier = new boolean[tokens.size()];
    List<int[]> barriers = new ArrayList<>(s.markers().parts());
    figures.forEach(f -> barriers.add(new int[] {f.start(), f.end()}));
    for (int[] b : barriers) {
      for (int t = tokens.at(b[0]); t < tokens.size() && tokens.start(t) < b[1]; t++) {
        barrier[t] = true;
      }
    }
    Map<EventRule, List<int[]>> units = new IdentityHashMap<>();
    boolean[] free = freeWords(s, units);
    for (NumberReader.Figure f : figures) {
      int[] at = {f.start(), f.end()};
      if (f.percent() || s.markers().figureNegatedAt(at) || f.spelled() && !unitRightAfter(s, f, units)
          || DateReader.isDayOfDate(s.text(), f.start(), f.end()) || s.markers().measureAfter(f.end())) {
        continue;
      }
      // "The number of soldiers killed ... passed 3,000": the figure read where the words standing for it are.
      NumberReader.Figure read = standsFor(s, f, figures).map(f::at).orElse(f);
      Reading reading = read(s, read, fired, barrier, free, units);
      if (reading == null && read != f) {
        read = f;
        reading = read(s, f, fired, barrier, free, units);
      }
      if (reading == null) {
        continue;
      }
      EventType type = reading.rule().type();
      if (f.high() < type.minimum(reading.role())) {
        continue;
      }
      Optional<MentionFinder.Found> ally = actors.nearestAlly(s, read.start(), read.end(), false);
      // A sentence about a third state's figures ("Kyiv lost more than 76,000") is not the topic ally's.
      Optional<String> subject = ally.flatMap(actors::actingState)
          .or(() -> actors.namesThirdState(s) ? Optional.empty() : s.topic());
      Quantity q = new Quantity(f.low(), f.high(), type.unit(), f.qualifier(), reading.role());
      if (subject.isPresent() && claims.stream().noneMatch(c -> c.event().equals(type.id()) && c.quantity().equals(q))) {
        claims.add(new ClaimReader.Read(subject.get(), type.id(), actors.focus(), null, q, s.date(), s.attribution(),
            ClaimReader.spans(ally, at), official ? type.id() : null, s.markers().plannedAt(at),
            s.markers().backgroundAt(at)));
      }
    }
    return claims;
  }

  /** What the figure counts, by a role phrase around it, else by the nearest trigger. */
  private Reading read(Sentence s, NumberReader.Figure f, List<EventRule.Fired> fired, boolean[] barrier,
      boolean[] free, Map<EventRule, List<int[]>> units) {
    // A year ("by September 2025") is a figure only with its unit right after it ("2000 soldiers").
    Reading reading = f.yearLike() ? null : byPhrase(s, f, barrier, free, units);
    return reading != null ? reading : byTrigger(s, f, fired, units);
  }

  /** The words standing for the figure ("the number of"), when no other figure stands between them and it. */
  private static Optional<int[]> standsFor(Sentence s, NumberReader.Figure f, List<NumberReader.Figure> figures) {
    int[] count = s.markers().countBefore(new int[] {f.start(), f.end()});
    if (count == null || figures.stream().anyMatch(o -> o != f && o.start() >= count[1] && o.end() <= f.start())) {
      return Optional.empty();
    }
    return Optional.of(count);
  }

  /**
   * The role phrase that fits the figure most tightly (the fewest words skipped, then the longest), of an event
   * type whose required words are in the sentence and whose unit word stands by the figure (a phrase that skips at
   * most two words, "4,700 wounded", "oltre 4.000 sono rimasti feriti", needs no unit word besides). A phrase that
   * only qualifies the figure with one word that is not its role's ("otros {n}", "{n} autres") yields to another
   * event type's phrase that names what the figure counts: "otros 2.700 han resultado heridos" are wounded, not
   * more troops. Such a word after the figure stands for the unit it leaves out ("300 soldiers died and 2,700
   * others were wounded"): a gap passes over it as over the unit.
   */
  private Reading byPhrase(Sentence s, NumberReader.Figure f, boolean[] barrier, boolean[] sentenceFree,
      Map<EventRule, List<int[]>> units) {
    int first = s.tokens().at(f.start());
    int last = Math.max(first, s.tokens().at(f.end() - 1));
    boolean[] free = withStandInFree(s.tokens(), last, sentenceFree);
    Reading best = null;
    int bestScore = Integer.MAX_VALUE;
    boolean bestQualifies = false;
    Map<EventRule, Reading> perRule = new IdentityHashMap<>();
    Map<EventRule, Integer> perRuleScore = new IdentityHashMap<>();
    for (EventRule rule : rules) {
      for (EventRule.Role role : rule.roles()) {
        for (Phrase phrase : role.phrases()) {
          int score = phrase.score(s.tokens(), first, last, barrier, free);
          if (score < 0 || !rule.requiredIn(s.text()) || score >= TIGHT && !near(f, unitsOf(rule, s, units))) {
            continue;
          }
          boolean qualifies = phrase.soleWord().filter(w -> !role.words().occursIn(w)).isPresent();
          if (score < bestScore) {
            best = new Reading(rule, role.id());
            bestScore = score;
            bestQualifies = qualifies;
          }
          if (!qualifies && score < perRuleScore.getOrDefault(rule, Integer.MAX_VALUE)) {
            perRule.put(rule, new Reading(rule, role.id()));
            perRuleScore.put(rule, score);
          }
        }
      }
    }
    if (bestQualifies) {
      EventRule qualified = best.rule();
      Optional<Reading> named = perRule.entrySet().stream().filter(e -> e.getKey() != qualified)
          .min(Comparator.comparingInt(e -> perRuleScore.get(e.getKey()))).map(Map.Entry::getValue);
      if (named.isPresent()) {
        return named.get();
      }
    }
    return best;
  }

  /** {@code free}, and the word right after the figure when it only stands for its left-out unit ("2 700 autres"). */
  private boolean[] withStandInFree(Tokens tokens, int last, boolean[] free) {
    int next = last + 1;
    if (next >= tokens.size() || free[next] || unitStandIns.stream().noneMatch(w -> tokens.is(next, w))) {
      return free;
    }
    boolean[] withStandIn = free.clone();
    withStandIn[next] = true;
    return withStandIn;
  }

  /**
   * The fired event type whose trigger is nearest the figure, if the figure has a unit; in the role that trigger
   * word implies, else the role whose word stands nearest the figure, else the default role.
   */
  private Reading byTrigger(Sentence s, NumberReader.Figure f, List<EventRule.Fired> fired,
      Map<EventRule, List<int[]>> units) {
    EventRule.Fired best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (EventRule.Fired e : fired) {
      List<int[]> u = unitsOf(e.rule(), s, units);
      if (!near(f, u)) {
        continue;
      }
      int distance = distance(f, e.triggers(), u);
      if (distance < bestDistance) {
        best = e;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return null;
    }
    EventRule rule = best.rule();
    int[] trigger = nearest(f, best.triggers());
    String word = s.text().substring(trigger[0], trigger[1]);
    String role = rule.roles().stream().filter(r -> r.words().occursIn(word)).map(EventRule.Role::id)
        .findFirst().orElseGet(() -> roleNear(s, f, rule));
    return new Reading(rule, role);
  }

  /**
   * The role whose word stands nearest the figure ("5,000 soldiers sent for reconstruction"), else the default; a
   * word after "including" names a part of the figure, not what it counts.
   */
  private static String roleNear(Sentence s, NumberReader.Figure f, EventRule rule) {
    String best = rule.type().defaultRole();
    int bestDistance = Integer.MAX_VALUE;
    for (EventRule.Role role : rule.roles()) {
      for (int[] w : role.words().find(s.text())) {
        int d = distance(f, w);
        boolean inReach = w[0] >= f.end() ? d <= ROLE_AFTER && !s.markers().partsBetween(f.end(), w[0])
            : d <= ROLE_BEFORE;
        if (inReach && d < bestDistance) {
          best = role.id();
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /**
   * A quantity event stated without a figure ("North Korean soldiers are fighting in Kursk"): a trigger that is not
   * itself a unit word, with a unit word close by that is not another state's (or a garrison of the focus state:
   * "Russia has its military base in Tajikistan") and an ally named in the sentence, when no figure was read there
   * and the sentence is not an official confirmation (those are the claims it makes).
   */
  private List<ClaimReader.Read> uncounted(Sentence s, List<EventRule.Fired> fired, List<ClaimReader.Read> read,
      boolean official) {
    List<ClaimReader.Read> claims = new ArrayList<>();
    if (official || !read.isEmpty()) {
      return claims; // the sentence's figure claim ("3,500 killed fighting for Russia") is what it states
    }
    for (EventRule.Fired e : fired) {
      EventType type = e.type();
      if (read.stream().anyMatch(c -> c.event().equals(type.id()))) {
        continue;
      }
      List<int[]> units = e.rule().units().find(s.text());
      List<int[]> garrisons = e.rule().garrisons().find(s.text());
      Optional<int[]> trigger = e.triggers().stream()
          .filter(t -> units.stream().noneMatch(u -> u[0] == t[0]))
          .filter(t -> garrisons.stream().anyMatch(g -> g[0] == t[0]) && actors.namesFocus(s) && !alliesOwn(s, t)
              || units.stream().anyMatch(u -> distance(t, u) <= UNCOUNTED_REACH && !anotherStates(s, u)))
          .findFirst();
      if (trigger.isEmpty()) {
        continue;
      }
      int[] t = trigger.get();
      Optional<MentionFinder.Found> ally = actors.nearestAlly(s, t[0], t[1], false);
      ally.flatMap(actors::actingState).ifPresent(subject -> claims.add(new ClaimReader.Read(subject, type.id(),
          actors.focus(), null, null, s.date(), s.attribution(), ClaimReader.spans(ally, null), null,
          s.markers().plannedAt(t), s.markers().backgroundAt(t))));
    }
    return claims;
  }

  /**
   * Whether the soldier word is another state's, named right before it: "розгортання американських військових" are
   * the United States' troops, not the ally's.
   */
  private boolean anotherStates(Sentence s, int[] unit) {
    int word = s.tokens().at(unit[0]);
    return s.mentions().stream().anyMatch(m -> s.tokens().at(m.end() - 1) == word - 1 && !actors.isAlly(m)
        && actors.actingState(m).filter(state -> !state.equals(actors.focus())).isPresent());
  }

  /** Whether the ally names the garrison as its own, right before it: "the Belarusian air base" is no Russian base. */
  private boolean alliesOwn(Sentence s, int[] garrison) {
    int word = s.tokens().at(garrison[0]);
    return s.mentions().stream().anyMatch(m -> actors.isAlly(m) && s.tokens().at(m.end() - 1) == word - 1);
  }

  /** How many words may stand between a spelled number and its unit ("nine North Korean soldiers"). */
  private static final int SPELLED_REACH = 3;

  /**
   * Whether a unit word (or a role word of a quantity event) stands within a few words after the figure: a number
   * written out counts only so ("nine soldiers", not "every three months").
   */
  private boolean unitRightAfter(Sentence s, NumberReader.Figure f, Map<EventRule, List<int[]>> units) {
    int last = s.tokens().at(f.end() - 1);
    for (EventRule rule : rules) {
      List<int[]> words = new ArrayList<>(unitsOf(rule, s, units));
      rule.roles().forEach(r -> words.addAll(r.words().find(s.text())));
      for (int[] u : words) {
        int word = s.tokens().at(u[0]);
        if (word > last && word - last <= SPELLED_REACH) {
          return true;
        }
      }
    }
    return false;
  }

  /** The words a phrase's gap passes over freely: the names of the sentence and the unit words ("North Korean soldiers"). */
  private boolean[] freeWords(Sentence s, Map<EventRule, List<int[]>> units) {
    Tokens tokens = s.tokens();
    boolean[] free = new boolean[tokens.size()];
    List<int[]> spans = new ArrayList<>();
    s.mentions().forEach(m -> spans.add(new int[] {m.start(), m.end()}));
    rules.forEach(rule -> spans.addAll(unitsOf(rule, s, units)));
    for (int[] span : spans) {
      for (int t = tokens.at(span[0]); t < tokens.size() && tokens.start(t) < span[1]; t++) {
        free[t] = true;
      }
    }
    return free;
  }

  private static List<int[]> unitsOf(EventRule rule, Sentence s, Map<EventRule, List<int[]>> units) {
    return units.computeIfAbsent(rule, r -> r.units().find(s.text()));
  }

  /** Distance from the figure to the nearest trigger; triggers that are unit words count as far away. */
  private static int distance(NumberReader.Figure f, List<int[]> triggers, List<int[]> units) {
    java.util.Set<Integer> unitStarts = new java.util.HashSet<>();
    units.forEach(u -> unitStarts.add(u[0]));
    int best = Integer.MAX_VALUE;
    for (int[] t : triggers) {
      boolean isUnit = unitStarts.contains(t[0]);
      int d = distance(f, t);
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

  /** The span nearest the figure. */
  private static int[] nearest(NumberReader.Figure f, List<int[]> spans) {
    int[] best = spans.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (int[] t : spans) {
      int d = distance(f, t);
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(NumberReader.Figure f, int[] span) {
    return distance(new int[] {f.start(), f.end()}, span);
  }

  private static int distance(int[] a, int[] b) {
    return b[0] >= a[1] ? b[0] - a[1] : a[0] >= b[1] ? a[0] - b[1] : 0;
  }
}
