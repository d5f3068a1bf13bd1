package org.vedetta.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vedetta.app.knowledge.KnowledgeEditor.AliasEdit;
import org.vedetta.app.knowledge.KnowledgeEditor.Issue;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.model.Qualifier;

/** The knowledge forms as the analyst filled them in, kept as typed so that a refused form comes back unchanged. */
final class KnowledgeForms {

  private KnowledgeForms() {}

  /**
   * The alias form.
   *
   * @param entity       the entity's id
   * @param language     the alias's language
   * @param alias        the alias
   * @param ambiguous    whether it needs context
   * @param contextWords context words, comma-separated
   * @param days         the preview's window, as typed
   */
  record AliasForm(String entity, String language, String alias, boolean ambiguous, String contextWords,
      String days) {

    static AliasForm blank() {
      return new AliasForm("", "en", "", false, "", String.valueOf(WatchlistForm.DEFAULT_DAYS));
    }

    static AliasForm of(Context ctx) {
      return new AliasForm(text(ctx, "entity"), text(ctx, "language"), text(ctx, "alias"),
          ctx.formParam("ambiguous") != null, text(ctx, "context_words"), text(ctx, "days"));
    }

    AliasEdit edit() {
      return new AliasEdit(entity, language.toLowerCase(Locale.ROOT), alias, ambiguous,
          Arrays.stream(contextWords.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList());
    }
  }

  /**
   * The fact form; numbers as typed.
   *
   * @param replacing the id of the fact being changed, or empty for a new one
   */
  record FactForm(String replacing, String id, String subject, String event, String counterparty, String treaty,
      String low, String high, String qualifier, String unit, String role, String asOf, String status,
      String source, String quote, boolean planned, String days) {

    static FactForm blank(String focus) {
      return new FactForm("", "", "", "", focus, "", "", "", "about", "", "", "", "reported", "", "", false,
          String.valueOf(WatchlistForm.DEFAULT_DAYS));
    }

    static FactForm of(Fact f) {
      Fact.FactQuantity q = f.quantity();
      return new FactForm(f.id(), f.id(), f.subject(), f.event(), nonNull(f.counterparty()), nonNull(f.treaty()),
          q == null ? "" : String.valueOf(q.low()), q == null ? "" : String.valueOf(q.high()),
          q == null || q.qualifier() == null ? "about" : q.qualifier().name().toLowerCase(Locale.ROOT),
          q == null ? "" : nonNull(q.unit()), q == null ? "" : nonNull(q.role()), nonNull(f.asOf()),
          nonNull(f.status()), nonNull(f.source()), nonNull(f.quote()), f.planned(),
          String.valueOf(WatchlistForm.DEFAULT_DAYS));
    }

    static FactForm of(Context ctx) {
      return new FactForm(text(ctx, "replacing"), text(ctx, "id"), text(ctx, "subject"), text(ctx, "event"),
          text(ctx, "counterparty"), text(ctx, "treaty"), text(ctx, "low"), text(ctx, "high"), text(ctx, "qualifier"),
          text(ctx, "unit"), text(ctx, "role"), text(ctx, "as_of"), text(ctx, "status"), text(ctx, "source"),
          text(ctx, "quote"), ctx.formParam("planned") != null, text(ctx, "days"));
    }

    /** The id of the fact being changed, or {@code null} for a new one. */
    String replacedId() {
      return replacing.isEmpty() ? null : replacing;
    }

    /** What cannot even be read as a fact: numbers that are not numbers, a qualifier that is none. */
    List<Issue> typingIssues() {
      List<Issue> issues = new ArrayList<>();
      if (!low.isEmpty() || !high.isEmpty()) {
        number(issues, "low", low.isEmpty() ? high : low);
        number(issues, "high", high.isEmpty() ? low : high);
        if (Arrays.stream(Qualifier.values()).noneMatch(q -> q.name().equalsIgnoreCase(qualifier))) {
          issues.add(new Issue("qualifier", "must be one of exact, about, up_to, at_least, vague"));
        }
      }
      return issues;
    }

    /** The fact, once {@link #typingIssues} are none. */
    Fact fact() {
      Fact.FactQuantity q = low.isEmpty() && high.isEmpty() ? null : new Fact.FactQuantity(
          Long.parseLong(low.isEmpty() ? high : low), Long.parseLong(high.isEmpty() ? low : high),
          Qualifier.valueOf(qualifier.toUpperCase(Locale.ROOT)), emptyToNull(unit), emptyToNull(role));
      return new Fact(id, emptyToNull(subject), emptyToNull(event), emptyToNull(counterparty), emptyToNull(treaty), q,
          emptyToNull(asOf), emptyToNull(status), emptyToNull(source), emptyToNull(quote), null, planned);
    }

    private static void number(List<Issue> issues, String field, String value) {
      try {
        if (Long.parseLong(value) < 0) {
          issues.add(new Issue(field, "must not be negative"));
        }
      } catch (NumberFormatException e) {
        issues.add(new Issue(field, "must be a whole number, not '" + value + "'"));
      }
    }
  }

  /** The preview window typed, or null (with an issue) when it is not a number of days from 1 to 365. */
  static Integer days(String typed, List<Issue> issues) {
    try {
      int days = Integer.parseInt(typed);
      if (days >= 1 && days <= WatchlistForm.MAX_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    issues.add(new Issue("days", "must be a number of days from 1 to " + WatchlistForm.MAX_DAYS));
    return null;
  }

  private static String text(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
