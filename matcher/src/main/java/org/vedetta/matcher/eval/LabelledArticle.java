package org.vedetta.matcher.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * One article of an evaluation corpus and what its annotators read in it, in the form every corpus is scored in.
 *
 * @param id        unique across the corpus, e.g. {@code ru-007}
 * @param language  ISO 639-1 code
 * @param published publication date; relative dates and verdicts are read against it
 * @param title     headline, or empty
 * @param text      the article's text as published (its opening part)
 * @param onTopic   whether the article is about an ally's dealings with Russia; developments on an off-topic
 *                  article are always wrong
 * @param mentions  ids of every tracked entity and treaty named in title and text
 * @param claims    every claim of the text, with its verdict against the baseline
 */
public record LabelledArticle(String id, String language, LocalDate published, String title, String text,
    boolean onTopic, List<String> mentions, List<ExpectedClaim> claims) {

  public LabelledArticle {
    title = title == null ? "" : title;
    mentions = List.copyOf(mentions);
    claims = List.copyOf(claims);
  }

  /**
   * A claim an annotator reads in one sentence.
   *
   * @param sentence the sentence (or clause) as written in the text, or {@code null} when the corpus does not
   *                 say (the invented set); a development must be read from this sentence
   * @param subject  entity id of who acts
   * @param event    event type id
   * @param treaty   treaty id for treaty steps of tracked treaties, else {@code null}
   * @param low      the figure's low end, when one is stated ({@code null} for "up to N")
   * @param high     the figure's high end ({@code null} for "at least N")
   * @param role     what the figure counts ({@code total}, {@code increment}, {@code killed}, ...), or {@code null}
   * @param planned  whether the sentence states a plan or an announcement rather than a done thing
   * @param ownNews  whether it is the article's own news rather than background
   * @param verdict  new, changed, confirmed or known
   */
  public record ExpectedClaim(String sentence, String subject, String event, String treaty, Long low, Long high,
      String role, boolean planned, boolean ownNews, String verdict) {

    public boolean isDevelopment() {
      return !"known".equals(verdict);
    }

    public boolean hasFigure() {
      return low != null || high != null;
    }
  }
}
