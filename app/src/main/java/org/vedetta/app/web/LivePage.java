package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vedetta.app.live.CorrectionLog;
import org.vedetta.app.live.DevelopmentFeed;
import org.vedetta.app.live.DevelopmentFilter;
import org.vedetta.app.watchlists.WatchlistEditor;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.notifier.Watchlist;

/**
 * The console's live view ({@code /live}): developments as they arrive, filtered by watchlist, entity, event
 * type and severity, each with its evidence. The page lists the recent ones; a small script
 * ({@code /assets/live.js}) adds each new one as the server sends it on {@code /live/events} (server-sent
 * events, the same filter in the query). Without the script the page still shows what had arrived when it was
 * loaded. Each development links to its own page, where an analyst judges it; a judgement shows on the list.
 */
public final class LivePage implements AutoCloseable {

  /** How many developments the page lists when it is opened. */
  static final int SHOWN = 100;

  private final DevelopmentFeed feed;
  private final CorrectionLog corrections;
  private final WatchlistEditor watchlists;
  private final KnowledgeSet knowledge;
  private final WebTemplates templates;
  private final byte[] script;
  private final List<WatchlistPages.Choice> entities;
  private final List<WatchlistPages.Choice> events;
  /** Every open event stream, with its filter. */
  private final Map<SseClient, DevelopmentFilter> clients = new ConcurrentHashMap<>();
  private final AutoCloseable subscription;
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vedetta-live-keepalive");
    t.setDaemon(true);
    return t;
  });

  public LivePage(DevelopmentFeed feed, CorrectionLog corrections, WatchlistEditor watchlists, KnowledgeSet knowledge,
      WebTemplates templates) {
    this.feed = feed;
    this.corrections = corrections;
    this.watchlists = watchlists;
    this.knowledge = knowledge;
    this.templates = templates;
    this.script = resource("web/assets/live.js");
    this.entities = knowledge.entities().stream()
        .map(e -> new WatchlistPages.Choice(e.id(), knowledge.nameOf(e.id())))
        .sorted((a, b) -> a.label().compareToIgnoreCase(b.label())).toList();
    this.events = knowledge.events().stream().map(e -> new WatchlistPages.Choice(e.id(), e.label())).toList();
    this.subscription = feed.subscribe(this::broadcast);
    // Proxies and browsers drop a connection that stays silent for long: a comment every 20 s keeps it open.
    keepAlive.scheduleAtFixedRate(() -> clients.keySet().forEach(c -> send(c, () -> c.sendComment("keep-alive"))),
        20, 20, TimeUnit.SECONDS);
  }

  public void register(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/live"));
    app.get("/live", this::render);
    app.sse("/live/events", this::stream);
    app.get("/assets/live.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(script));
  }

  private void render(Context ctx) {
    List<Watchlist> known = watchlists.watchlists().watchlists();
    DevelopmentFilter filter = filter(ctx, known);
    Map<String, Object> variables = new HashMap<>();
    variables.put("developments", feed.recent().stream().filter(filter::matches).limit(SHOWN)
        .map(d -> DevelopmentView.of(d, knowledge, corrections.of(d.id()))).toList());
    variables.put("blank", DevelopmentView.BLANK);
    variables.put("watchlists", known);
    variables.put("entities", entities);
    variables.put("events", events);
    variables.put("filter", filter);
    variables.put("stream", "/live/events" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    ctx.html(templates.render("live", Locale.ENGLISH, variables));
  }

  private void stream(SseClient client) {
    clients.put(client, filter(client.ctx()));
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
  }

  /** A development that arrived, written once and sent to each stream whose filter lets it through. */
  private void broadcast(Development d) {
    String json = null;
    for (Map.Entry<SseClient, DevelopmentFilter> open : clients.entrySet()) {
      if (open.getValue().matches(d)) {
        json = json == null ? Json.writeString(DevelopmentView.of(d, knowledge)) : json;
        String event = json;
        send(open.getKey(), () -> open.getKey().sendEvent("development", event, d.id()));
      }
    }
  }

  /** One write at a time per connection: the feed's thread and the keep-alive timer both write. */
  private static void send(SseClient client, Runnable write) {
    synchronized (client) {
      if (!client.terminated()) {
        write.run();
      }
    }
  }

  /** The filter in the query: {@code watchlist}, {@code entity}, {@code event}, {@code severity}; blanks mean any. */
  DevelopmentFilter filter(Context ctx) {
    return filter(ctx, param(ctx, "watchlist") == null ? List.of() : watchlists.watchlists().watchlists());
  }

  private static DevelopmentFilter filter(Context ctx, List<Watchlist> known) {
    String watchlistId = param(ctx, "watchlist");
    Watchlist watchlist = watchlistId == null ? null : known.stream()
        .filter(w -> w.id().equals(watchlistId)).findFirst()
        .orElseThrow(() -> new BadRequestResponse("no watchlist '" + watchlistId + "'"));
    String severity = param(ctx, "severity");
    int minSeverity;
    try {
      minSeverity = severity == null ? 1 : Integer.parseInt(severity);
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("severity must be a number from 1 to 5");
    }
    return new DevelopmentFilter(watchlist, param(ctx, "entity"), param(ctx, "event"), minSeverity);
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static byte[] resource(String name) {
    try (InputStream in = LivePage.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    subscription.close();
    keepAlive.shutdownNow();
    clients.keySet().forEach(SseClient::close);
  }
}
