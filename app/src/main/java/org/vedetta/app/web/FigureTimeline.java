package org.vedetta.app.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Quantity;

/**
 * Every figure known for one claim key (North Korea · troop deployment), over time: the baseline's facts and the
 * developments that stated one, each with its date, range, role, source, verdict and latest judgement.
 *
 * @param key    the claim key
 * @param title  for people: "North Korea · troop deployment · Russia"
 * @param unit   what the figures count, e.g. {@code soldiers}
 * @param points oldest first
 */
public record FigureTimeline(String key, String title, String unit, List<Point> points) {

  /**
   * One figure.
   *
   * @param date      when it holds: the claim's date, else the article's publication, else the detection;
   *                  a baseline fact's {@code as_of} (a month counts from its 15th, a year from 1 July; a fact
   *                  without one is not drawn)
   * @param dateText  the date as stated ({@code 2025-04} for a month)
   * @param low       the range's low end
   * @param high      its high end ({@code low} when the figure was "at least" one)
   * @param figure    for people: "10,000–12,000 soldiers"
   * @param role      what it counts ({@code total}, {@code killed}...), or {@code figure}
   * @param verdict   {@code baseline}, or the development's: {@code new}, {@code changed}, {@code confirmed}
   * @param source    the seed file, or the source and the article's title
   * @param url       the article's address, or {@code null}
   * @param developmentId the development's id, or {@code null} for the baseline
   * @param judgement the development's latest judgement ({@code right}, {@code wrong}), or {@code null}
   * @param judgementText for people: "judged wrong (wrong figure) by Ana, …", or empty
   * @param vague     whether the figure is only an order of magnitude ("thousands of"): listed, not drawn
   */
  public record Point(LocalDate date, String dateText, long low, long high, String figure, String role,
      String verdict, String source, String url, String developmentId, String judgement, String judgementText,
      boolean vague) {

    public boolean wrong() {
      return "wrong".equals(judgement);
    }
  }

  /** The timeline of {@code key}, from the baseline, the developments of that key and their judgements. */
  public static FigureTimeline of(String key, KnowledgeSet knowledge, List<Development> developments,
      Function<String, Optional<Correction>> judgements) {
    List<Point> points = new ArrayList<>();
    String unit = null;
    for (Fact f : knowledge.facts()) {
      if (f.key().equals(key) && f.quantity() != null && f.asOf() != null) {
        Quantity q = f.quantity().toQuantity();
        unit = unit == null ? q.unit() : unit;
        points.add(new Point(dateOf(f.asOf()), f.asOf() == null ? "" : f.asOf(), q.low(), top(q), figure(knowledge,
            f.event(), q), roleOf(q), "baseline", f.source(), null, null, null, "", vague(q)));
      }
    }
    for (Development d : developments) {
      Quantity q = d.claim().quantity();
      if (!d.claimKey().equals(key) || q == null) {
        continue;
      }
      unit = unit == null ? q.unit() : unit;
      LocalDate date = d.claim().date() != null ? d.claim().date()
          : LocalDate.ofInstant(d.evidence().publishedAt() != null ? d.evidence().publishedAt() : d.detectedAt(),
              ZoneOffset.UTC);
      Optional<Correction> judged = judgements.apply(d.id());
      points.add(new Point(date, date.toString(), q.low(), top(q), figure(knowledge, d.claim().event(), q), roleOf(q),
          d.verdict().name().toLowerCase(java.util.Locale.ROOT),
          d.evidence().sourceId() + ": " + d.evidence().title(), DevelopmentView.httpOnly(d.evidence().url()),
          d.id(), judged.map(c -> c.decision().label()).orElse(null),
          judged.map(DevelopmentView::describe).orElse(""), vague(q)));
    }
    points.sort(Comparator.comparing(Point::date).thenComparing(Point::low));
    return new FigureTimeline(key, title(key, knowledge), unit == null ? "" : unit, List.copyOf(points));
  }

  /** "North Korea · troop deployment · Russia" for {@code north_korea|troop_deployment|russia|-}. */
  static String title(String key, KnowledgeSet knowledge) {
    String[] parts = key.split("\\|", -1);
    if (parts.length < 4) {
      return key;
    }
    String event = knowledge.event(parts[1]).map(e -> e.label()).orElse(parts[1].replace('_', ' '));
    StringBuilder title = new StringBuilder(knowledge.nameOf(parts[0])).append(" · ").append(event);
    if (!parts[2].equals("-")) {
      title.append(" · ").append(knowledge.nameOf(parts[2]));
    }
    if (!parts[3].equals("-")) {
      title.append(" · ").append(knowledge.nameOf(parts[3]));
    }
    return title.toString();
  }

  private static boolean vague(Quantity q) {
    return q.qualifier() == org.vedetta.model.Qualifier.VAGUE;
  }

  /** The role's name, or {@code figure} for an event type without roles. */
  private static String roleOf(Quantity q) {
    return q.role() == null ? "figure" : q.role();
  }

  /** The range's top: an "at least" figure has no top worth drawing, so its low end stands for it. */
  private static long top(Quantity q) {
    return q.qualifier() == org.vedetta.model.Qualifier.AT_LEAST || q.high() == Long.MAX_VALUE ? q.low() : q.high();
  }

  private static String figure(KnowledgeSet knowledge, String event, Quantity q) {
    return knowledge.event(event).map(e -> e.describe(q)).orElseGet(q::describe);
  }

  private static LocalDate dateOf(String asOf) {
    return switch (asOf.length()) {
      case 4 -> LocalDate.of(Integer.parseInt(asOf), 7, 1);
      case 7 -> LocalDate.parse(asOf + "-15");
      default -> LocalDate.parse(asOf);
    };
  }
}
