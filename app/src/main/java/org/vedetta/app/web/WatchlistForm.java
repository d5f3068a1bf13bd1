package org.vedetta.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.vedetta.app.watchlists.WatchlistEditor.Issue;
import org.vedetta.notifier.Watchlist;

/**
 * The watchlist form as the analyst filled it in, kept as typed so that a refused form comes back unchanged.
 *
 * @param id          the watchlist's id
 * @param title       its title
 * @param entities    entity ids ticked
 * @param treaties    treaty ids ticked
 * @param events      event type ids ticked
 * @param minSeverity least severity, as typed
 * @param languages   language codes, comma- or space-separated
 * @param days        the preview's window in days, as typed
 * @param version     the version of {@code watchlists.yml} the form was opened on
 * @param replacing   the id of the watchlist being edited, or empty for a new one
 */
public record WatchlistForm(String id, String title, Set<String> entities, Set<String> treaties, Set<String> events,
    String minSeverity, String languages, String days, String version, String replacing) {

  /** The preview's default window. */
  static final int DEFAULT_DAYS = 30;
  /** The preview's longest window. */
  static final int MAX_DAYS = 365;

  public WatchlistForm {
    entities = Set.copyOf(entities);
    treaties = Set.copyOf(treaties);
    events = Set.copyOf(events);
  }

  /** An empty form for a new watchlist. */
  static WatchlistForm blank(String version) {
    return new WatchlistForm("", "", Set.of(), Set.of(), Set.of(), "1", "", String.valueOf(DEFAULT_DAYS), version, "");
  }

  /** The form of an existing watchlist. */
  static WatchlistForm of(Watchlist w, String version) {
    return new WatchlistForm(w.id(), w.title(), Set.copyOf(w.entities()), Set.copyOf(w.treaties()),
        Set.copyOf(w.events()), String.valueOf(w.minSeverity()), String.join(", ", w.languages()),
        String.valueOf(DEFAULT_DAYS), version, w.id());
  }

  /** The form as posted. */
  static WatchlistForm of(Context ctx) {
    return new WatchlistForm(text(ctx, "id"), text(ctx, "title"), Set.copyOf(ctx.formParams("entities")),
        Set.copyOf(ctx.formParams("treaties")), Set.copyOf(ctx.formParams("events")), text(ctx, "min_severity"),
        text(ctx, "languages"), text(ctx, "days"), text(ctx, "version"), text(ctx, "replacing"));
  }

  /** The id of the watchlist being edited, or {@code null} for a new one. */
  String replacedId() {
    return replacing.isEmpty() ? null : replacing;
  }

  /**
   * The watchlist the form describes, lists in the order of {@code order} (the knowledge set's); a severity that
   * is not a number is left out and reported by {@link #typingIssues}.
   */
  Watchlist draft(List<String> entityOrder, List<String> treatyOrder, List<String> eventOrder) {
    return new Watchlist(id, title, ordered(entities, entityOrder), ordered(treaties, treatyOrder),
        ordered(events, eventOrder), severity(), Arrays.stream(languages.split("[,\\s]+"))
        .filter(s -> !s.isEmpty()).toList());
  }

  /** What is wrong with what was typed, before any rule of the watchlist is applied. */
  List<Issue> typingIssues() {
    List<Issue> issues = new ArrayList<>();
    if (severity() == null) {
      issues.add(new Issue("min_severity", "'" + minSeverity + "' is not a number from 1 to 5"));
    }
    if (previewDays() == null) {
      issues.add(new Issue("days", "must be a whole number of days from 1 to " + MAX_DAYS));
    }
    return issues;
  }

  /** The preview's window, or {@code null} when it is not a number from 1 to {@link #MAX_DAYS}. */
  Integer previewDays() {
    Integer n = number(days);
    return n != null && n >= 1 && n <= MAX_DAYS ? n : null;
  }

  private Integer severity() {
    return minSeverity.isEmpty() ? Integer.valueOf(1) : number(minSeverity);
  }

  private static List<String> ordered(Set<String> ticked, List<String> order) {
    List<String> list = new ArrayList<>(order.stream().filter(ticked::contains).toList());
    ticked.stream().filter(id -> !order.contains(id)).sorted().forEach(list::add);
    return list;
  }

  private static Integer number(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Context ctx, String field) {
    String value = ctx.formParam(field);
    return value == null ? "" : value.strip();
  }
}
