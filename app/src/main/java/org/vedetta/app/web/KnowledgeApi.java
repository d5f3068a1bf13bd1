package org.vedetta.app.web;

import static org.vedetta.app.web.JsonExchange.json;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.knowledge.KnowledgeEditor;
import org.vedetta.app.knowledge.KnowledgeEditor.AliasEdit;
import org.vedetta.app.knowledge.KnowledgeEditor.Draft;
import org.vedetta.app.knowledge.KnowledgeEditor.Issue;
import org.vedetta.app.knowledge.KnowledgePreview;
import org.vedetta.matcher.knowledge.Fact;

/**
 * The knowledge editor over JSON, as {@code /knowledge/edit} does it; saving needs
 * {@code Authorization: Bearer <http.token>}. Bodies are snake_case; a fact is shaped as in {@code facts.yml}.
 * <pre>
 * POST /api/knowledge/aliases/preview?days=30   {"entity", "language", "alias", "ambiguous", "context_words"}
 * POST /api/knowledge/aliases                   the same: saves it (200), or 422 with {"issues"}
 * POST /api/knowledge/facts/preview?days=30     {"replacing": "id or absent", "fact": {...}}
 * POST /api/knowledge/facts                     the same: saves it
 * </pre>
 */
public final class KnowledgeApi {

  /** A fact to add, or to put in place of {@code replacing}. */
  public record FactEdit(String replacing, Fact fact) {}

  private final KnowledgeEditor editor;
  private final KnowledgePreview preview;
  private final ConsoleToken token;

  public KnowledgeApi(KnowledgeEditor editor, KnowledgePreview preview, ConsoleToken token) {
    this.editor = editor;
    this.preview = preview;
    this.token = token;
  }

  public void register(Javalin app) {
    app.post("/api/knowledge/aliases/preview", ctx -> preview(ctx, editor.draft(aliasEdit(ctx))));
    app.post("/api/knowledge/aliases", ctx -> {
      token.require(ctx);
      save(ctx, editor.draft(aliasEdit(ctx)));
    });
    app.post("/api/knowledge/facts/preview", ctx -> {
      FactEdit edit = JsonExchange.body(ctx, FactEdit.class, "a fact edit");
      preview(ctx, editor.draft(edit.fact(), edit.replacing()));
    });
    app.post("/api/knowledge/facts", ctx -> {
      token.require(ctx);
      FactEdit edit = JsonExchange.body(ctx, FactEdit.class, "a fact edit");
      save(ctx, editor.draft(edit.fact(), edit.replacing()));
    });
  }

  private void preview(Context ctx, Draft draft) {
    List<Issue> issues = new ArrayList<>(draft.issues());
    Integer days = KnowledgeForms.days(ctx.queryParamAsClass("days", String.class)
        .getOrDefault(String.valueOf(WatchlistForm.DEFAULT_DAYS)), issues);
    if (!issues.isEmpty() || draft.knowledge() == null) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      json(ctx, Map.of("issues", issues));
      return;
    }
    try {
      json(ctx, Map.of("preview", preview.run(editor.current(), draft.knowledge(), days), "issues", List.of()));
    } catch (PreviewSlot.Busy e) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5");
      json(ctx, Map.of("error", e.getMessage()));
    }
  }

  private void save(Context ctx, Draft draft) {
    List<Issue> issues = editor.save(draft);
    if (issues.isEmpty()) {
      json(ctx, Map.of("saved", draft.file()));
    } else {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      json(ctx, Map.of("issues", issues));
    }
  }

  private static AliasEdit aliasEdit(Context ctx) {
    AliasEdit edit = JsonExchange.body(ctx, AliasEdit.class, "an alias");
    return new AliasEdit(edit.entity(), edit.language(), edit.alias(), edit.ambiguous(),
        edit.contextWords() == null ? List.of() : edit.contextWords());
  }
}
