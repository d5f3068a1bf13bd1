package org.vedetta.app.analyze;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.vedetta.matcher.Assessment;
import org.vedetta.matcher.MatchResult;
import org.vedetta.model.Article;
import org.vedetta.model.Mention;
import org.vedetta.model.Quantity;

/**
 * What {@code vedetta analyze} reports: the article, its mentions and its claims with their verdicts. Its JSON
 * form is the {@code --json} output.
 */
public record Analysis(ArticleInfo article, List<Mention> mentions, List<ClaimVerdict> claims) {

  /** The article analysed. */
  public record ArticleInfo(String url, String title, String language, Instant publishedAt, int characters) {}

  /** A claim and its verdict. */
  public record ClaimVerdict(String event, String subject, String counterparty, String treaty, Quantity quantity,
      LocalDate date, boolean planned, String verdict, String reason, String known, List<String> comparedFacts,
      String sentence, int start, int end) {}

  public static Analysis of(Article article, MatchResult result) {
    List<Mention> mentions = result.tagged().map(t -> t.mentions()).orElse(List.of());
    List<ClaimVerdict> claims = result.assessments().stream().map(Analysis::claim).toList();
    return new Analysis(new ArticleInfo(article.url(), article.title(), article.language(), article.publishedAt(),
        article.text().length()), mentions, claims);
  }

  private static ClaimVerdict claim(Assessment a) {
    var c = a.claim();
    return new ClaimVerdict(c.event(), c.subject(), c.counterparty(), c.treaty(), c.quantity(), c.date(), c.planned(),
        a.verdict().name().toLowerCase(java.util.Locale.ROOT), a.reason(), a.known(), a.comparedFacts(),
        c.sentence(), c.start(), c.end());
  }
}
