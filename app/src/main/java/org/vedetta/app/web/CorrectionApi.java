package org.vedetta.app.web;

import static org.vedetta.app.web.JsonExchange.json;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vedetta.app.live.CorrectionDesk;
import org.vedetta.app.live.CorrectionDesk.Judgement;
import org.vedetta.app.live.CorrectionLog;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;

/**
 * Analysts' judgements over JSON, as the development pages make them; judging needs
 * {@code Authorization: Bearer <http.token>}.
 * <pre>
 * GET  /api/developments/{id}              {"development": {...}, "correction": {...} or absent}
 * POST /api/developments/{id}/correction   {"decision": "wrong", "reason": "wrong_figure", "note": "…",
 *                                          "analyst": "Ana"}: 201 with the correction; 422 with {"error"}
 * GET  /api/corrections                    every development's latest judgement, the most recent first
 * </pre>
 */
public final class CorrectionApi {

  private final CorrectionDesk desk;
  private final CorrectionLog log;
  private final ConsoleToken token;

  public CorrectionApi(CorrectionDesk desk, CorrectionLog log, ConsoleToken token) {
    this.desk = desk;
    this.log = log;
    this.token = token;
  }

  public void register(Javalin app) {
    app.get("/api/developments/{id}", ctx -> {
      String id = ctx.pathParam("id");
      Development d = desk.development(id).orElseThrow(() -> DevelopmentPage.notFound(id));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("development", d);
      desk.judgementOf(id).ifPresent(c -> body.put("correction", c));
      json(ctx, body);
    });
    app.post("/api/developments/{id}/correction", this::judge);
    app.get("/api/corrections", ctx -> json(ctx, log.all()));
  }

  private void judge(Context ctx) {
    token.require(ctx);
    String id = ctx.pathParam("id");
    Judgement judgement = JsonExchange.body(ctx, Judgement.class, "a judgement");
    try {
      Correction c = desk.judge(id, judgement).orElseThrow(() -> DevelopmentPage.notFound(id));
      ctx.status(HttpStatus.CREATED);
      json(ctx, c);
    } catch (CorrectionDesk.Refused e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      json(ctx, Map.of("error", e.getMessage()));
    }
  }
}
