package org.vedetta.app.analyze;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.vedetta.matcher.eval.RealCorpus;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Quantity;
import org.vedetta.settings.YamlSettings;

/**
 * Analysts' corrections as labelled cases of the real-news corpus ({@code articles/<lang>.yml} and
 * {@code labels/<lang>.yml}, the shapes {@link RealCorpus} reads), so the corpus grows from use. Each case is the
 * article as ingest read it (or, when it is no longer on the topic, its evidence sentence) with the one claim the
 * judgement settles: right, the claim with its verdict; wrong as not news or a duplicate, the claim as known;
 * wrong as to figure, event or country, no claim for it and a note saying what the matcher read. The other
 * claims and the mentions are not labelled: an annotator completes each case before it joins the corpus.
 */
public final class CorrectionCases {

  /** The cases of one language. */
  public record Cases(String language, List<RealCorpus.Published> articles, List<RealCorpus.Labels> labels) {}

  private CorrectionCases() {}

  /**
   * One case per correction, grouped by language.
   *
   * @param articles the article of a development's evidence, when it is still to be had
   */
  public static List<Cases> of(Collection<Correction> corrections, Function<String, Optional<Article>> articles) {
    Map<String, Cases> byLanguage = new TreeMap<>();
    for (Correction c : corrections) {
      Development d = c.development();
      Optional<Article> article = articles.apply(d.evidence().articleId());
      String language = article.map(Article::language).filter(l -> l != null && !l.isBlank()).orElse("und");
      Cases cases = byLanguage.computeIfAbsent(language, l -> new Cases(l, new ArrayList<>(), new ArrayList<>()));
      cases.articles().add(published(c, article));
      cases.labels().add(labels(c, article.isPresent()));
    }
    return List.copyOf(byLanguage.values());
  }

  /** The case id of a correction's development. */
  public static String idOf(Development d) {
    return "case-" + d.id();
  }

  /**
   * Writes the cases into {@code dir}'s {@code articles/} and {@code labels/}, keeping the cases already there (a
   * case written before is replaced by the new one of the same development).
   *
   * @return how many cases the directory holds now
   */
  public static int write(List<Cases> all, Path dir) throws IOException {
    int total = 0;
    for (Cases cases : all) {
      Path articlesFile = dir.resolve("articles").resolve(cases.language() + ".yml");
      Path labelsFile = dir.resolve("labels").resolve(cases.language() + ".yml");
      Map<String, RealCorpus.Published> articles = new LinkedHashMap<>();
      Map<String, RealCorpus.Labels> labels = new LinkedHashMap<>();
      if (Files.exists(articlesFile)) {
        YamlSettings.read(articlesFile, articlesFile.toString(), RealCorpus.ArticlesFile.class).articles()
            .forEach(a -> articles.put(a.id(), a));
      }
      if (Files.exists(labelsFile)) {
        YamlSettings.read(labelsFile, labelsFile.toString(), RealCorpus.LabelsFile.class).labels()
            .forEach(l -> labels.put(l.id(), l));
      }
      cases.articles().forEach(a -> articles.put(a.id(), a));
      cases.labels().forEach(l -> labels.put(l.id(), l));
      Files.createDirectories(articlesFile.getParent());
      Files.createDirectories(labelsFile.getParent());
      Files.writeString(articlesFile, "# Articles of analysts' corrections (vedetta corrections export).\n"
          + YamlSettings.write(new RealCorpus.ArticlesFile(List.copyOf(articles.values()))));
      Files.writeString(labelsFile, "# Labels from analysts' corrections: only the judged claim; complete each case"
          + " (mentions, other claims) before it joins the corpus.\n"
          + YamlSettings.write(new RealCorpus.LabelsFile(List.copyOf(labels.values()))));
      total += articles.size();
    }
    return total;
  }

  private static RealCorpus.Published published(Correction c, Optional<Article> article) {
    Development d = c.development();
    Instant at = d.evidence().publishedAt() != null ? d.evidence().publishedAt() : d.detectedAt();
    return new RealCorpus.Published(idOf(d), d.evidence().url(), d.evidence().sourceId(),
        LocalDate.ofInstant(at, ZoneOffset.UTC), d.evidence().publishedAt() != null ? "article" : "detection",
        article.map(Article::language).orElse("und"), d.evidence().title(),
        article.map(Article::text).orElse(d.claim().sentence()),
        "correction " + c.id() + " by " + c.analyst());
  }

  private static RealCorpus.Labels labels(Correction c, boolean wholeText) {
    Development d = c.development();
    Claim claim = d.claim();
    String judged = "judged " + c.decision().label() + (c.reason() == null ? "" : " (" + c.reason().label() + ")")
        + " by " + c.analyst() + (c.note() == null ? "" : ": " + c.note());
    String text = wholeText ? "" : " The text is the evidence sentence only: the article was no longer on the topic.";
    List<RealCorpus.Claim> claims = new ArrayList<>();
    String note;
    if (c.decision() == Correction.Decision.RIGHT || c.reason() == Correction.Reason.NOT_NEWS
        || c.reason() == Correction.Reason.DUPLICATE) {
      boolean right = c.decision() == Correction.Decision.RIGHT;
      claims.add(claim(claim, c.reason() != Correction.Reason.NOT_NEWS,
          right ? d.verdict().name().toLowerCase(Locale.ROOT) : "known"));
      note = "The matcher alerted '" + d.headline() + "', " + judged + "." + text;
    } else {
      note = "The matcher read '" + d.headline() + "' from '" + claim.sentence() + "', " + judged
          + ": label what the sentence says, if anything." + text;
    }
    return new RealCorpus.Labels(idOf(d), true, List.of(), claims, note);
  }

  private static RealCorpus.Claim claim(Claim claim, boolean ownNews, String verdict) {
    Quantity q = claim.quantity();
    return new RealCorpus.Claim(claim.sentence(), claim.subject(), claim.event(), claim.treaty(),
        q == null ? null : q.low(), q == null ? null : q.high(), q == null ? null : q.role(), claim.planned(),
        ownNews, verdict, claim.date() == null ? null : claim.date().toString(), null);
  }
}
