package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vedetta.ingest.Ingest;
import org.vedetta.ingest.PollResult;
import org.vedetta.ingest.SourceHealth;
import org.vedetta.ingest.SourceSettings;

/**
 * The console's sources page ({@code /sources}): each source's health — last poll, last success, failures in a
 * row, the last error, the next poll, items in the last poll, articles published in the last day — and a "poll
 * now" button that needs the console
 * token.
 */
public final class SourcesPage {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * One source as the page shows it; times already formatted.
   *
   * @param id          the source id
   * @param type        rss or html
   * @param url         where it is fetched
   * @param interval    its poll interval
   * @param healthy     false after too many failures in a row
   * @param failures    failures in a row
   * @param lastPoll    when it was last polled, or "never"
   * @param lastSuccess when a poll last succeeded, or "never"
   * @param nextPoll    when it is polled next, or "at once"
   * @param items       items its feed offered in the last poll
   * @param lastDay     articles it published in the last 24 hours (by every ingest process)
   * @param error       the last poll's error, or {@code null}
   * @param itemsFailed items of the last poll that could not be fetched or read
   * @param itemError   why the last of them failed, or {@code null}
   * @param warning     what its document needed mending for, or {@code null}
   */
  public record Row(String id, String type, String url, String interval, boolean healthy, int failures,
      String lastPoll, String lastSuccess, String nextPoll, int items, long lastDay, String error, int itemsFailed,
      String itemError, String warning) {}

  private final Ingest ingest;
  private final List<SourceSettings> sources;
  private final WebTemplates templates;
  private final ConsoleToken token;
  private final Clock clock;

  public SourcesPage(Ingest ingest, List<SourceSettings> sources, WebTemplates templates, ConsoleToken token,
      Clock clock) {
    this.clock = clock;
    this.ingest = ingest;
    this.sources = List.copyOf(sources);
    this.templates = templates;
    this.token = token;
  }

  public void register(Javalin app) {
    app.get("/sources", ctx -> render(ctx, null));
    app.post("/sources/{id}/poll", this::pollNow);
  }

  private void pollNow(Context ctx) {
    token.require(ctx);
    String id = ctx.pathParam("id");
    if (sources.stream().noneMatch(s -> s.id().equals(id))) {
      throw new NotFoundResponse("no source '" + id + "'");
    }
    PollResult result = ingest.pollNow(id);
    String message = result.succeeded()
        ? String.format(Locale.ROOT, "Polled %s: %d items, %d published, %d failed, in %d ms.", id,
            result.itemsSeen(), result.published(), result.failed(), result.took().toMillis())
        : "Polled " + id + ": " + result.error();
    render(ctx, message);
  }

  private void render(Context ctx, String message) {
    Map<String, SourceHealth> health = ingest.health();
    Map<String, Long> lastDay = ingest.publishedSince(clock.instant().minus(Duration.ofDays(1)));
    List<Row> rows = new ArrayList<>();
    for (SourceSettings s : sources) {
      SourceHealth h = health.getOrDefault(s.id(), SourceHealth.unpolled(s.id()));
      rows.add(new Row(s.id(), s.type().name().toLowerCase(Locale.ROOT), s.url(), describe(s.pollInterval()),
          h.healthy(), h.consecutiveFailures(), time(h.lastPoll(), "never"), time(h.lastSuccess(), "never"),
          time(h.nextPollAt(), "at once"), h.itemsLastPoll(), lastDay.getOrDefault(s.id(), 0L), h.lastError(),
          h.itemsFailedLastPoll(), h.lastItemError(), h.warning()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("rows", rows);
    variables.put("message", message);
    variables.put("changes", token.enabled());
    ctx.html(templates.render("sources", Locale.ENGLISH, variables));
  }

  private static String time(Instant instant, String none) {
    return instant == null ? none : TIME.format(instant);
  }

  private static String describe(Duration d) {
    return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }
}
