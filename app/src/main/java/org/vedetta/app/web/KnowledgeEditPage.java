package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.knowledge.KnowledgeEditor;
import org.vedetta.app.knowledge.KnowledgeEditor.Draft;
import org.vedetta.app.knowledge.KnowledgeEditor.Issue;
import org.vedetta.app.knowledge.KnowledgePreview;
import org.vedetta.app.web.KnowledgeForms.AliasForm;
import org.vedetta.app.web.KnowledgeForms.FactForm;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.settings.SettingsException;

/**
 * Editing the knowledge set in the console ({@code /knowledge/edit}): an alias of an entity, with its language and,
 * when it is ambiguous, the words that confirm its sense; or a baseline fact, with its source. Each is checked by
 * the loader of the knowledge set, can be previewed over the last days' articles (what mentions, claims and
 * verdicts would change), and is saved with the console token to the YAML file (atomically, a {@code .bak} kept,
 * refused when the file changed meanwhile); the matchers reading the directory apply it within seconds.
 */
public final class KnowledgeEditPage {

  static final List<String> LANGUAGES = List.of("it", "en", "fr", "de", "es", "ru", "uk");
  static final List<String> STATUSES = List.of("reported", "estimated", "officially_confirmed");
  static final List<String> QUALIFIERS = List.of("exact", "about", "up_to", "at_least", "vague");

  private final KnowledgeEditor editor;
  private final KnowledgePreview preview;
  private final WebTemplates templates;
  private final ConsoleToken token;

  public KnowledgeEditPage(KnowledgeEditor editor, KnowledgePreview preview, WebTemplates templates,
      ConsoleToken token) {
    this.editor = editor;
    this.preview = preview;
    this.templates = templates;
    this.token = token;
  }

  public void register(Javalin app) {
    app.get("/knowledge/edit", ctx -> {
      KnowledgeSet current = current(ctx);
      if (current == null) {
        return;
      }
      String factId = ctx.queryParam("fact");
      FactForm fact = factId == null || factId.isBlank() ? FactForm.blank(current.focus())
          : current.facts().stream().filter(f -> f.id().equals(factId)).findFirst().map(FactForm::of)
              .orElse(FactForm.blank(current.focus()));
      Page page = new Page(AliasForm.blank(), fact);
      page.notice = ctx.queryParam("saved") == null ? null : "Saved " + ctx.queryParam("saved")
          + " (the previous version is in " + ctx.queryParam("saved") + ".bak); matchers reading this directory"
          + " apply it within seconds.";
      render(ctx, page, current);
    });
    app.post("/knowledge/aliases", this::alias);
    app.post("/knowledge/facts", this::fact);
  }

  private void alias(Context ctx) {
    AliasForm form = AliasForm.of(ctx);
    KnowledgeSet current = current(ctx);
    if (current == null) {
      return;
    }
    Page page = new Page(form, FactForm.blank(current.focus()));
    page.editing = "alias";
    Draft draft = editor.draft(form.edit());
    act(ctx, page, current, draft, new ArrayList<>(draft.issues()), form.days());
  }

  private void fact(Context ctx) {
    FactForm form = FactForm.of(ctx);
    KnowledgeSet current = current(ctx);
    if (current == null) {
      return;
    }
    Page page = new Page(AliasForm.blank(), form);
    page.editing = "fact";
    List<Issue> typing = form.typingIssues();
    if (!typing.isEmpty()) {
      page.issues = typing;
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(ctx, page, current);
      return;
    }
    Draft draft = editor.draft(form.fact(), form.replacedId());
    act(ctx, page, current, draft, new ArrayList<>(draft.issues()), form.days());
  }

  /**
   * The knowledge set as the files hold it; when they have problems (an edit by hand), the page says which, with
   * file and line, and this returns null.
   */
  private KnowledgeSet current(Context ctx) {
    try {
      return editor.current();
    } catch (SettingsException e) {
      ctx.status(HttpStatus.CONFLICT);
      ctx.html(templates.render("knowledge-edit", Locale.ENGLISH, Map.of("broken", e.getMessage())));
      return null;
    }
  }

  /** Previews or saves the draft, as the button pressed says. */
  private void act(Context ctx, Page page, KnowledgeSet current, Draft draft, List<Issue> issues, String days) {
    if ("save".equals(ctx.formParam("action"))) {
      if (!token.carriedBy(ctx)) {
        page.issues = List.of(new Issue("", token.enabled() ? "Not saved: wrong or missing console token."
            : "Not saved: this console only reads (set http.token in application.yml)."));
        ctx.status(HttpStatus.FORBIDDEN);
        render(ctx, page, current);
        return;
      }
      List<Issue> refused = editor.save(draft);
      if (refused.isEmpty()) {
        ctx.redirect("/knowledge/edit?saved=" + draft.file(), HttpStatus.SEE_OTHER);
        return;
      }
      page.issues = refused;
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(ctx, page, current);
      return;
    }
    Integer window = KnowledgeForms.days(days, issues);
    page.issues = issues;
    if (issues.isEmpty() && draft.knowledge() != null) {
      try {
        page.preview = preview.run(current, draft.knowledge(), window);
      } catch (PreviewSlot.Busy e) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5");
        page.issues = List.of(new Issue("", "No preview: " + e.getMessage() + "."));
      }
    } else {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    render(ctx, page, current);
  }

  /** What the page shows besides the knowledge set. */
  private static final class Page {
    final AliasForm alias;
    final FactForm fact;
    String editing;
    List<Issue> issues = List.of();
    KnowledgePreview.Result preview;
    String notice;

    Page(AliasForm alias, FactForm fact) {
      this.alias = alias;
      this.fact = fact;
    }
  }

  private void render(Context ctx, Page page, KnowledgeSet knowledge) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("alias", page.alias);
    variables.put("fact", page.fact);
    variables.put("editing", page.editing);
    variables.put("issues", page.issues);
    variables.put("preview", page.preview);
    variables.put("notice", page.notice);
    variables.put("editable", token.enabled());
    variables.put("entities", knowledge.entities().stream()
        .map(e -> new WatchlistPages.Choice(e.id(), knowledge.nameOf(e.id())))
        .sorted(Comparator.comparing(c -> c.label().toLowerCase(Locale.ROOT))).toList());
    variables.put("events", knowledge.events().stream().map(e -> new WatchlistPages.Choice(e.id(), e.label()))
        .toList());
    variables.put("treaties", knowledge.treaties().stream()
        .map(t -> new WatchlistPages.Choice(t.id(), t.displayName())).toList());
    variables.put("facts", knowledge.facts().stream().map(Fact::id).toList());
    variables.put("languages", LANGUAGES);
    variables.put("statuses", STATUSES);
    variables.put("qualifiers", QUALIFIERS);
    ctx.html(templates.render("knowledge-edit", Locale.ENGLISH, variables));
  }
}
