package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.vedetta.app.analyze.Analysis;
import org.vedetta.app.analyze.ArticleSource;
import org.vedetta.app.analyze.Baseline;
import org.vedetta.matcher.Matcher;
import org.vedetta.model.Article;
import org.vedetta.model.Json;
import org.vedetta.model.Mention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta analyze FILE|URL}: the mentions, claims and verdicts the matcher would produce for one
 * article against the baseline knowledge set, without changing anything.
 */
@Command(name = "analyze", description = "Show what the matcher reads in one article (text, HTML, .eml or URL).")
final class AnalyzeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|URL", description = "A plain-text, HTML or .eml file, or an http(s) URL.")
  String target;

  @Option(names = {"-k", "--knowledge"}, defaultValue = "config/knowledge",
      description = "Knowledge set directory (default: ${DEFAULT-VALUE}).")
  Path knowledge;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--allow-private", description = "Allow fetching from loopback and private addresses.")
  boolean allowPrivate;

  @Option(names = "--published", paramLabel = "YYYY-MM-DD",
      description = "Read the article as published on this day (default: as the page says, else today).")
  java.time.LocalDate published;

  @Option(names = "--language", paramLabel = "xx",
      description = "Read the article as written in this ISO 639-1 language (default: as the page says, else "
          + "as detected).")
  String language;

  @Override
  public Integer call() throws Exception {
    Matcher matcher = Baseline.matcher(knowledge);
    Article article = ArticleSource.read(target, allowPrivate, Instant.now());
    if (published != null || language != null) {
      article = new Article(article.schema(), article.id(), article.sourceId(), article.url(), article.title(),
          article.text(), language != null ? language : article.language(),
          published != null ? published.atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : article.publishedAt(),
          article.fetchedAt(), article.author());
    }
    Analysis analysis = Analysis.of(article, matcher.analyze(article));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writeString(analysis));
    } else {
      print(analysis, out);
    }
    out.flush();
    return 0;
  }

  private static void print(Analysis a, PrintWriter out) {
    out.printf("%s%n  %s%n  published %s, language %s, %,d characters%n%n", a.article().title(), a.article().url(),
        a.article().publishedAt() == null ? "unknown" : a.article().publishedAt(),
        a.article().language() == null ? "unknown" : a.article().language(), a.article().characters());
    out.printf("Mentions (%d)%n", a.mentions().size());
    for (Mention m : a.mentions()) {
      out.printf("  %-32s %-12s %s \"%s\"%n", m.entityId(), m.kind().name().toLowerCase(java.util.Locale.ROOT),
          (m.inTitle() ? "title " : "text ") + m.start() + "-" + m.end(), m.surface());
    }
    out.printf("%nClaims (%d)%n", a.claims().size());
    for (Analysis.ClaimVerdict c : a.claims()) {
      out.printf("  %-9s %s %s%s%s%s%s%n", c.verdict().toUpperCase(java.util.Locale.ROOT), c.subject(), c.event(),
          c.treaty() == null ? "" : " " + c.treaty(), c.quantity() == null ? "" : ": " + c.quantity().describe(),
          c.planned() ? " (planned)" : "", c.date() == null ? "" : " (" + c.date() + ")");
      out.printf("            why: %s%s%n", c.reason(), c.known() == null ? "" : "; known: " + c.known());
      out.printf("            \"%s\"%n", c.sentence());
    }
  }
}
