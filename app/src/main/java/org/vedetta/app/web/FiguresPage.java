package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.vedetta.app.live.CorrectionLog;
import org.vedetta.app.live.FigureHistory;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/**
 * Figure timelines ({@code /knowledge/figures?key=<claim key>}): how the figures of one claim key moved over time,
 * drawn on the server as SVG (readable without script; each mark names its date, figure, verdict, source and
 * judgement when pointed at, and the table under the chart says the same), and the list of claim keys that have
 * figures.
 */
public final class FiguresPage {

  /** A claim key with figures, as the list shows it. */
  public record KeyLink(String title, String href, int figures) {}

  private final KnowledgeSet knowledge;
  private final FigureHistory history;
  private final CorrectionLog corrections;
  private final WebTemplates templates;

  public FiguresPage(KnowledgeSet knowledge, FigureHistory history, CorrectionLog corrections,
      WebTemplates templates) {
    this.knowledge = knowledge;
    this.history = history;
    this.corrections = corrections;
    this.templates = templates;
  }

  public void register(Javalin app) {
    app.get("/knowledge/figures", this::render);
  }

  /** The page of {@code claimKey}'s timeline. */
  public static String href(String claimKey) {
    return "/knowledge/figures?key=" + URLEncoder.encode(claimKey, StandardCharsets.UTF_8);
  }

  /** Every claim key with a figure, baseline or developed, with how many figures it has. */
  public List<KeyLink> keys() {
    TreeSet<String> keys = new TreeSet<>(history.keys());
    knowledge.facts().stream().filter(f -> f.quantity() != null && f.asOf() != null).map(Fact::key)
        .forEach(keys::add);
    return keys.stream().map(this::timeline)
        .map(t -> new KeyLink(t.title(), href(t.key()), t.points().size()))
        .sorted((a, b) -> a.title().compareToIgnoreCase(b.title())).toList();
  }

  private FigureTimeline timeline(String key) {
    return FigureTimeline.of(key, knowledge, history.of(key), corrections::of);
  }

  private void render(Context ctx) {
    String key = ctx.queryParam("key");
    if (key == null || key.isBlank()) {
      throw new BadRequestResponse("say which figures: ?key=<claim key>, e.g. north_korea|troop_deployment|russia|-");
    }
    FigureTimeline timeline = timeline(key);
    if (timeline.points().isEmpty()) {
      throw new NotFoundResponse("no figures for '" + key + "'");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("timeline", timeline);
    variables.put("chart", FigureChart.of(timeline));
    variables.put("others", keys());
    ctx.html(templates.render("figures", Locale.ENGLISH, variables));
  }
}
