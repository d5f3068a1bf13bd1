package org.vedetta.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;

/**
 * The console's knowledge page ({@code /knowledge}): the figure timelines, the baseline's entities, treaties and
 * facts, each fact with its source, and the facts learned since from developments, with the article that first
 * carried each.
 */
public final class KnowledgePage {

  /** How many learned facts the page lists, newest first. */
  static final int LEARNED_SHOWN = 200;

  /**
   * An entity as the page shows it.
   *
   * @param id    its id
   * @param kind  state, person or organisation
   * @param ally  whether its dealings with Russia are tracked
   * @param en    its English names
   * @param it    its Italian names
   */
  public record EntityRow(String id, String kind, boolean ally, String en, String it) {}

  /**
   * A treaty as the page shows it.
   *
   * @param id       its id
   * @param name     its English name
   * @param parties  its parties' ids
   * @param signed   when it was signed, or empty
   * @param ratified who ratified it when
   * @param inForce  when it entered into force, or empty
   */
  public record TreatyRow(String id, String name, String parties, String signed, String ratified, String inForce) {}

  /**
   * A fact as the page shows it.
   *
   * @param subject the entity's name
   * @param event   the event type
   * @param figure  the figure, or empty
   * @param asOf    its date
   * @param status  reported, estimated or officially confirmed
   * @param source  the seed file or the article's URL
   */
  public record FactRow(String subject, String event, String figure, String asOf, String status, String source) {}

  private final KnowledgeSet knowledge;
  private final Matcher matcher;
  private final FiguresPage figures;
  private final WebTemplates templates;

  /**
   * @param matcher the matcher of this process, for learned facts, or {@code null}
   * @param figures the figure timelines, linked from the page
   */
  public KnowledgePage(KnowledgeSet knowledge, Matcher matcher, FiguresPage figures, WebTemplates templates) {
    this.knowledge = knowledge;
    this.matcher = matcher;
    this.figures = figures;
    this.templates = templates;
  }

  public void register(Javalin app) {
    app.get("/knowledge", this::render);
  }

  private void render(Context ctx) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("figures", figures.keys());
    variables.put("entities", knowledge.entities().stream().map(KnowledgePage::entity).toList());
    variables.put("treaties", knowledge.treaties().stream().map(this::treaty).toList());
    variables.put("facts", knowledge.facts().stream().map(this::fact).toList());
    variables.put("learned", matcher == null ? null : matcher.learnedFacts(LEARNED_SHOWN).stream().map(this::fact)
        .toList());
    ctx.html(templates.render("knowledge", Locale.ENGLISH, variables));
  }

  private static EntityRow entity(Entity e) {
    return new EntityRow(e.id(), e.kind().name().toLowerCase(Locale.ROOT), e.ally(),
        String.join(", ", e.names().getOrDefault("en", List.of())),
        String.join(", ", e.names().getOrDefault("it", List.of())));
  }

  private TreatyRow treaty(Treaty t) {
    String ratified = t.ratified() == null ? "" : t.ratified().entrySet().stream()
        .map(r -> knowledge.nameOf(r.getKey()) + " " + r.getValue()).sorted().collect(Collectors.joining(", "));
    return new TreatyRow(t.id(), t.displayName(), t.parties().stream().map(knowledge::nameOf)
        .collect(Collectors.joining(", ")), t.signed() == null ? "" : t.signed().toString(), ratified,
        t.inForce() == null ? "" : t.inForce().toString());
  }

  private FactRow fact(Fact f) {
    String figure = f.quantity() == null ? "" : knowledge.event(f.event())
        .map(e -> e.describe(f.quantity().toQuantity())).orElseGet(() -> f.quantity().toQuantity().describe());
    return new FactRow(knowledge.nameOf(f.subject()), f.event().replace('_', ' '), figure,
        f.asOf() == null ? "" : f.asOf(), f.status() == null ? "" : f.status().replace('_', ' '), f.source());
  }
}
