package org.vedetta.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vedetta.app.knowledge.KnowledgeEditor;
import org.vedetta.app.knowledge.KnowledgeEditor.AliasEdit;
import org.vedetta.app.knowledge.KnowledgeEditor.Draft;
import org.vedetta.app.knowledge.KnowledgeEditor.Issue;
import org.vedetta.app.knowledge.KnowledgePreview;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.model.Json;

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

  private static final ObjectMapper BODY = Json.mapper().copy()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
      FactEdit edit = body(ctx, FactEdit.class);
      preview(ctx, editor.draft(edit.fact(), edit.replacing()));
    });
    app.post("/api/knowledge/facts", ctx -> {
      token.require(ctx);
      FactEdit edit = body(ctx, FactEdit.class);
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
    } catch (KnowledgePreview.Busy e) {
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
    AliasEdit edit = body(ctx, AliasEdit.class);
    return new AliasEdit(edit.entity(), edit.language(), edit.alias(), edit.ambiguous(),
        edit.contextWords() == null ? List.of() : edit.contextWords());
  }

  private static <T> T body(Context ctx, Class<T> type) {
    try {
      T value = BODY.readValue(ctx.body(), type);
      if (value == null) {
        throw new BadRequestResponse("an empty body");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  private static void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(Json.writeString(value));
  }
}
