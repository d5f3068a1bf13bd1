package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vedetta.app.live.CorrectionDesk;
import org.vedetta.app.live.CorrectionDesk.Judgement;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Quantity;

/**
 * A development's own page ({@code /developments/{id}}): what was read, where, what was known before, its latest
 * judgement, and the form with which an analyst holding the console token judges it right or wrong.
 */
public final class DevelopmentPage {

  /** A reason as the form offers it. */
  public record ReasonChoice(String code, String label) {}

  private static final List<ReasonChoice> REASONS = Arrays.stream(Correction.Reason.values())
      .map(r -> new ReasonChoice(r.code(), r.label())).toList();

  private final CorrectionDesk desk;
  private final KnowledgeSet knowledge;
  private final WebTemplates templates;
  private final ConsoleToken token;

  public DevelopmentPage(CorrectionDesk desk, KnowledgeSet knowledge, WebTemplates templates, ConsoleToken token) {
    this.desk = desk;
    this.knowledge = knowledge;
    this.templates = templates;
    this.token = token;
  }

  public void register(Javalin app) {
    app.get("/developments/{id}", ctx -> {
      Development d = development(ctx);
      String saved = ctx.queryParam("judged") == null ? null
          : desk.judgementOf(d.id()).map(c -> "Saved: " + DevelopmentView.describe(c) + ".").orElse(null);
      render(ctx, d, saved, null);
    });
    app.post("/developments/{id}/correction", this::judge);
  }

  private void judge(Context ctx) {
    Development d = development(ctx);
    if (!token.carriedBy(ctx)) {
      ctx.status(HttpStatus.FORBIDDEN);
      render(ctx, d, null, token.enabled() ? "Not saved: wrong or missing console token."
          : "Not saved: this console only reads (set http.token in application.yml).");
      return;
    }
    Judgement judgement = new Judgement(ctx.formParam("decision"), ctx.formParam("reason"), ctx.formParam("note"),
        ctx.formParam("analyst"));
    try {
      desk.judge(d.id(), judgement).orElseThrow(() -> notFound(d.id()));
      ctx.redirect("/developments/" + d.id() + "?judged=1", HttpStatus.SEE_OTHER);
    } catch (CorrectionDesk.Refused e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(ctx, d, null, "Not saved: " + e.getMessage() + ".");
    }
  }

  private void render(Context ctx, Development d, String notice, String problem) {
    Map<String, Object> variables = new HashMap<>();
    var judgement = desk.judgementOf(d.id());
    variables.put("d", DevelopmentView.of(d, knowledge, judgement));
    variables.put("note", judgement.map(Correction::note).orElse(null));
    Quantity q = d.claim().quantity();
    variables.put("figure", q == null ? null : q.describe());
    variables.put("figures", FiguresPage.href(d.claimKey()));
    variables.put("known", d.known());
    variables.put("reasons", REASONS);
    variables.put("editable", token.enabled());
    variables.put("notice", notice);
    variables.put("problem", problem);
    ctx.html(templates.render("development", Locale.ENGLISH, variables));
  }

  private Development development(Context ctx) {
    String id = ctx.pathParam("id");
    return desk.development(id).orElseThrow(() -> notFound(id));
  }

  static NotFoundResponse notFound(String id) {
    return new NotFoundResponse("no development '" + id + "' among those the console holds (the last "
        + "7 days' and every judged one)");
  }
}
