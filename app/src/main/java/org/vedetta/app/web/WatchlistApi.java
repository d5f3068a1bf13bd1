package org.vedetta.app.web;

import static org.vedetta.app.web.JsonExchange.json;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.live.DevelopmentFeed;
import org.vedetta.app.watchlists.WatchlistEditor;
import org.vedetta.app.watchlists.WatchlistEditor.Issue;
import org.vedetta.app.watchlists.WatchlistPreview;
import org.vedetta.app.watchlists.WatchlistsFile.Snapshot;
import org.vedetta.notifier.Watchlist;

/**
 * The JSON API over the same editor, preview and live feed as the console pages. Watchlists in and out are
 * shaped as in {@code watchlists.yml} (snake_case); changes need {@code Authorization: Bearer <http.token>}, and
 * {@code If-Match: <version>} (from the listing) makes a change fail rather than undo an edit made meanwhile.
 * <pre>
 * GET    /api/watchlists                     {"version": "…", "watchlists": [...]}
 * PUT    /api/watchlists/{id}                create or replace; 200, or 422 with {"issues": [{"field", "message"}]}
 * DELETE /api/watchlists/{id}                204, or 409 with issues (e.g. subscribers follow it)
 * POST   /api/watchlists/preview?days=30     a draft in the body; what it would have alerted (429 while another
 *                                           preview runs: they replay the topics, one at a time)
 * GET    /api/developments?watchlist=&amp;entity=&amp;event=&amp;severity=   the recent developments, newest first
 * GET    /live/events?…                      the same, as server-sent events while they arrive
 * </pre>
 */
public final class WatchlistApi {

  private final WatchlistEditor editor;
  private final WatchlistPreview preview;
  private final DevelopmentFeed feed;
  private final LivePage live;
  private final ConsoleToken token;

  public WatchlistApi(WatchlistEditor editor, WatchlistPreview preview, DevelopmentFeed feed, LivePage live,
      ConsoleToken token) {
    this.editor = editor;
    this.preview = preview;
    this.feed = feed;
    this.live = live;
    this.token = token;
  }

  public void register(Javalin app) {
    app.get("/api/watchlists", ctx -> {
      Snapshot snapshot = editor.watchlists();
      json(ctx, Map.of("version", snapshot.version(), "watchlists", snapshot.watchlists()));
    });
    app.put("/api/watchlists/{id}", this::put);
    app.delete("/api/watchlists/{id}", this::delete);
    app.post("/api/watchlists/preview", this::preview);
    app.get("/api/developments", ctx -> json(ctx, feed.recent().stream().filter(live.filter(ctx)::matches).toList()));
  }

  private void put(Context ctx) {
    token.require(ctx);
    String id = ctx.pathParam("id");
    Watchlist draft = body(ctx);
    Snapshot current = editor.watchlists();
    boolean exists = current.watchlists().stream().anyMatch(w -> w.id().equals(id));
    if (!id.equals(draft.id())) {
      issues(ctx, HttpStatus.UNPROCESSABLE_CONTENT, List.of(new Issue("id", "must be '" + id + "', as in the path")));
      return;
    }
    List<Issue> issues = editor.save(draft, exists ? id : null, version(ctx, current));
    if (issues.isEmpty()) {
      json(ctx, Map.of("saved", id, "version", editor.watchlists().version()));
    } else {
      issues(ctx, HttpStatus.UNPROCESSABLE_CONTENT, issues);
    }
  }

  private void delete(Context ctx) {
    token.require(ctx);
    List<Issue> issues = editor.delete(ctx.pathParam("id"), version(ctx, editor.watchlists()));
    if (issues.isEmpty()) {
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      issues(ctx, HttpStatus.CONFLICT, issues);
    }
  }

  private void preview(Context ctx) {
    Watchlist draft = body(ctx);
    int days = ctx.queryParamAsClass("days", Integer.class).getOrDefault(WatchlistForm.DEFAULT_DAYS);
    if (days < 1 || days > WatchlistForm.MAX_DAYS) {
      throw new BadRequestResponse("days must be from 1 to " + WatchlistForm.MAX_DAYS);
    }
    Snapshot current = editor.watchlists();
    boolean exists = current.watchlists().stream().anyMatch(w -> w.id().equals(draft.id()));
    List<Issue> issues = editor.check(draft, exists ? draft.id() : null, current);
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      result.put("preview", preview.run(draft, days));
    } catch (PreviewSlot.Busy e) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5");
      json(ctx, Map.of("error", e.getMessage()));
      return;
    }
    result.put("issues", issues);
    json(ctx, result);
  }

  /**
   * The body as a watchlist, shaped as in the YAML file; a field it does not have or a value of the wrong type is
   * refused here (400), everything else by the editor's checks, all at once (422).
   */
  private static Watchlist body(Context ctx) {
    return JsonExchange.body(ctx, Watchlist.class, "a watchlist");
  }

  private static String version(Context ctx, Snapshot current) {
    String ifMatch = ctx.header("If-Match");
    return ifMatch == null || ifMatch.isBlank() ? current.version() : ifMatch.replace("\"", "").strip();
  }

  private static void issues(Context ctx, HttpStatus status, List<Issue> issues) {
    ctx.status(status);
    json(ctx, Map.of("issues", issues));
  }
}
