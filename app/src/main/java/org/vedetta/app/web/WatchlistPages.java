package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.watchlists.WatchlistEditor;
import org.vedetta.app.watchlists.WatchlistEditor.Issue;
import org.vedetta.app.watchlists.WatchlistPreview;
import org.vedetta.app.watchlists.WatchlistsFile.Snapshot;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.model.Json;
import org.vedetta.notifier.Watchlist;
import org.vedetta.settings.SettingsException;

/**
 * The console's watchlist pages: the list ({@code /watchlists}), a form to create or edit one with a preview of
 * what it would have alerted, save (needs the console token) and delete. Plain forms, no script.
 */
public final class WatchlistPages {

  /**
   * Something the analyst can tick.
   *
   * @param id    its id
   * @param label how it reads
   */
  public record Choice(String id, String label) {}

  /**
   * A watchlist as the list shows it.
   *
   * @param id       its id
   * @param title    its title
   * @param scope    the names of its entities and treaties, or "everything"
   * @param events   the labels of its event types, or "every event"
   * @param severity its least severity
   */
  public record Row(String id, String title, String scope, String events, int severity) {}

  private final WatchlistEditor editor;
  private final WatchlistPreview preview;
  private final KnowledgeSet knowledge;
  private final WebTemplates templates;
  private final ConsoleToken token;
  private final List<Choice> allies;
  private final List<Choice> others;
  private final List<Choice> treaties;
  private final List<Choice> events;

  public WatchlistPages(WatchlistEditor editor, WatchlistPreview preview, KnowledgeSet knowledge,
      WebTemplates templates, ConsoleToken token) {
    this.editor = editor;
    this.preview = preview;
    this.knowledge = knowledge;
    this.templates = templates;
    this.token = token;
    Comparator<Choice> byLabel = Comparator.comparing(c -> c.label().toLowerCase(Locale.ROOT));
    this.allies = knowledge.entities().stream().filter(Entity::ally).map(this::choice).sorted(byLabel).toList();
    this.others = knowledge.entities().stream().filter(e -> !e.ally()).map(this::choice).sorted(byLabel).toList();
    this.treaties = knowledge.treaties().stream().map(this::choice).toList();
    this.events = knowledge.events().stream().map(e -> new Choice(e.id(), e.label())).toList();
  }

  public void register(Javalin app) {
    app.get("/watchlists", ctx -> list(ctx, List.of()));
    app.get("/watchlists/new", ctx -> form(ctx, WatchlistForm.blank(snapshot().version()), List.of(), null));
    app.get("/watchlists/{id}/edit", ctx -> {
      Snapshot snapshot = snapshot();
      Watchlist watchlist = snapshot.watchlists().stream().filter(w -> w.id().equals(ctx.pathParam("id")))
          .findFirst().orElseThrow(() -> new NotFoundResponse("no watchlist '" + ctx.pathParam("id") + "'"));
      form(ctx, WatchlistForm.of(watchlist, snapshot.version()), List.of(), null);
    });
    app.post("/watchlists/preview", this::preview);
    app.post("/watchlists/save", this::save);
    app.post("/watchlists/{id}/delete", this::delete);
    // watchlists.yml broken by hand: every watchlist page and API call says so, with file and line.
    app.exception(SettingsException.class, (e, ctx) -> {
      ctx.status(HttpStatus.CONFLICT);
      if (ctx.path().startsWith("/api/")) {
        ctx.contentType("application/json").result(Json.writeString(Map.of("issues", List.of(new Issue("",
            e.getMessage())))));
      } else {
        list(ctx, List.of());
      }
    });
  }

  private void preview(Context ctx) {
    WatchlistForm form = WatchlistForm.of(ctx);
    Watchlist draft = draft(form);
    List<Issue> issues = new ArrayList<>(form.typingIssues());
    issues.addAll(editor.check(draft, form.replacedId(), snapshot()));
    WatchlistPreview.Result result = null;
    if (form.previewDays() != null) {
      try {
        result = preview.run(draft, form.previewDays());
      } catch (PreviewSlot.Busy e) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5");
        issues.add(new Issue("", "No preview: " + e.getMessage() + "."));
      }
    }
    form(ctx, form, issues, result);
  }

  private void save(Context ctx) {
    WatchlistForm form = WatchlistForm.of(ctx);
    if (!token.carriedBy(ctx)) {
      ctx.status(HttpStatus.FORBIDDEN);
      form(ctx, form, List.of(new Issue("", token.enabled() ? "Not saved: wrong or missing console token."
          : "Not saved: this console only reads (set http.token in application.yml).")), null);
      return;
    }
    List<Issue> issues = new ArrayList<>(form.typingIssues().stream().filter(i -> !i.field().equals("days")).toList());
    if (issues.isEmpty()) {
      issues = editor.save(draft(form), form.replacedId(), form.version());
    } else {
      issues.addAll(editor.check(draft(form), form.replacedId(), snapshot()));
    }
    if (issues.isEmpty()) {
      ctx.redirect("/watchlists?saved=" + form.id(), HttpStatus.SEE_OTHER);
    } else {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      form(ctx, form, issues, null);
    }
  }

  private void delete(Context ctx) {
    token.require(ctx);
    String id = ctx.pathParam("id");
    List<Issue> issues = editor.delete(id, ctx.formParam("version"));
    if (issues.isEmpty()) {
      ctx.redirect("/watchlists?deleted=" + id, HttpStatus.SEE_OTHER);
    } else {
      ctx.status(HttpStatus.CONFLICT);
      list(ctx, issues);
    }
  }

  private void list(Context ctx, List<Issue> issues) {
    Map<String, Object> variables = new HashMap<>();
    try {
      Snapshot snapshot = editor.watchlists();
      variables.put("watchlists", snapshot.watchlists().stream().map(this::row).toList());
      variables.put("version", snapshot.version());
    } catch (SettingsException e) {
      variables.put("broken", e.getMessage());
    }
    variables.put("saved", ctx.queryParam("saved"));
    variables.put("deleted", ctx.queryParam("deleted"));
    variables.put("issues", issues.stream().map(Issue::message).toList());
    variables.put("changes", token.enabled());
    ctx.html(templates.render("watchlists", Locale.ENGLISH, variables));
  }

  private void form(Context ctx, WatchlistForm form, List<Issue> issues, WatchlistPreview.Result result) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (Issue issue : issues) {
      if (issue.field().isEmpty()) {
        general.add(issue.message());
      } else {
        String field = issue.field().replaceAll("\\[.*", "");
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(issue.field() + ": " + issue.message());
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("form", form);
    variables.put("fieldIssues", byField);
    variables.put("issues", general);
    variables.put("allies", allies);
    variables.put("others", others);
    variables.put("treaties", treaties);
    variables.put("events", events);
    variables.put("changes", token.enabled());
    variables.put("preview", result);
    variables.put("alerts", result == null ? List.of()
        : result.alerts().stream().map(d -> DevelopmentView.of(d, knowledge)).toList());
    ctx.html(templates.render("watchlist", Locale.ENGLISH, variables));
  }

  private Watchlist draft(WatchlistForm form) {
    return form.draft(knowledge.entities().stream().map(Entity::id).toList(),
        knowledge.treaties().stream().map(Treaty::id).toList(),
        knowledge.events().stream().map(EventType::id).toList());
  }

  private Snapshot snapshot() {
    return editor.watchlists();
  }

  private Row row(Watchlist w) {
    List<String> scope = new ArrayList<>(w.entities().stream().map(knowledge::nameOf).toList());
    w.treaties().forEach(id -> scope.add(knowledge.nameOf(id)));
    String events = w.events().isEmpty() ? "every event" : String.join(", ",
        w.events().stream().map(id -> label(this.events, id)).toList());
    return new Row(w.id(), w.title(), scope.isEmpty() ? "everything" : String.join(", ", scope), events,
        w.minSeverity());
  }

  private static String label(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).map(Choice::label).findFirst().orElse(id);
  }

  /** Treaties often share a name: the parties and the year tell them apart. */
  private Choice choice(Treaty t) {
    String parties = t.parties().stream().map(knowledge::nameOf).collect(Collectors.joining(", "));
    return new Choice(t.id(), t.displayName() + " (" + parties + (t.signed() == null ? "" : ", " + t.signed().getYear())
        + ")");
  }

  private Choice choice(Entity e) {
    return new Choice(e.id(), knowledge.nameOf(e.id()));
  }
}
