package org.vedetta.app.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;

/**
 * A development as the console shows it (the preview and the live view), and as the live view sends it to the
 * browser; names in English, the evidence link only when it is http(s).
 *
 * @param id        the development's id
 * @param detected  when it was detected, formatted
 * @param verdict   new, changed or confirmed
 * @param severity  1 to 5
 * @param entity    who it is about
 * @param event     the event type's label
 * @param headline  the headline
 * @param sentence  the evidence sentence
 * @param source    the source id
 * @param title     the article's title
 * @param url       the article's address, or {@code null} when it is not http(s)
 * @param judgement an analyst's latest judgement of it ("judged wrong (wrong figure) by Ana, …"), or empty
 * @param figures   its claim's figure timeline, when it states a figure, or empty
 */
public record DevelopmentView(String id, String detected, String verdict, int severity, String entity, String event,
    String headline, String sentence, String source, String title, String url, String judgement, String figures) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** An empty view: the live page's template row, which its script fills in. */
  public static final DevelopmentView BLANK = new DevelopmentView("", "", "", 0, "", "", "", "", "", "", "", "", "");

  /** A development no analyst has judged. */
  public static DevelopmentView of(Development d, KnowledgeSet knowledge) {
    return of(d, knowledge, Optional.empty());
  }

  public static DevelopmentView of(Development d, KnowledgeSet knowledge, Optional<Correction> judgement) {
    Claim claim = d.claim();
    String event = knowledge.events().stream().filter(e -> e.id().equals(claim.event())).findFirst()
        .map(e -> e.label()).orElse(claim.event().replace('_', ' '));
    return new DevelopmentView(d.id(), TIME.format(d.detectedAt()), d.verdict().name().toLowerCase(Locale.ROOT),
        d.severity(), knowledge.nameOf(claim.subject()), event, d.headline(), claim.sentence(),
        d.evidence().sourceId(), d.evidence().title(), httpOnly(d.evidence().url()),
        judgement.map(DevelopmentView::describe).orElse(""),
        claim.quantity() == null ? "" : FiguresPage.href(d.claimKey()));
  }

  /** "judged wrong (wrong figure) by Ana, 2026-12-07 10:02 UTC", or "judged right by …". */
  static String describe(Correction c) {
    return "judged " + c.decision().label() + (c.reason() == null ? "" : " (" + c.reason().label() + ")") + " by "
        + c.analyst() + ", " + TIME.format(c.correctedAt());
  }

  static String httpOnly(String url) {
    String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }
}
