package org.vedetta.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.eval.LabelledArticle;
import org.vedetta.matcher.eval.RealCorpus;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;

/**
 * How many articles one core analyses per second: mentions, claims and novelty against the baseline (with the
 * learned facts in an in-memory H2 database, as analysis reads them), on the real-news corpus's articles, which are
 * news as it is written. Every article is analysed once per round on one thread; the rounds after the warm-up are
 * timed.
 *
 * <pre>{@code mvn -B -q -pl bench compile exec:java@analysis -Dexec.args="--rounds 20"}</pre>
 */
public final class AnalysisBenchmark {

  private static final String USAGE = "usage: AnalysisBenchmark [--knowledge DIR] [--warmup N] [--rounds N]";

  private AnalysisBenchmark() {}

  public static void main(String[] args) throws Exception {
    Arguments a = Arguments.parseOrExit(s -> Arguments.parse(Set.of("--knowledge", "--warmup", "--rounds"), s),
        USAGE, args);
    Path knowledgeDir = KnowledgeDirectory.find(a.value("--knowledge") == null ? null : Path.of(a.value("--knowledge")));
    int warmup = a.number("--warmup", 5, 0, 1_000);
    int rounds = a.number("--rounds", 20, 1, 10_000);
    a.check();

    KnowledgeSet knowledge = KnowledgeSet.load(knowledgeDir, knowledgeDir.toString());
    MemoryDatabase db = MemoryDatabase.open(false);
    Matcher matcher = Matcher.builder().knowledge(knowledge).dataSource(db.dataSource()).build();
    List<Article> articles = new ArrayList<>();
    for (LabelledArticle l : RealCorpus.load(knowledgeDir.resolve("eval").resolve("real")).labelled(
        RealCorpus.Part.ALL)) {
      articles.add(Article.of("bench", "https://bench.vedetta.invalid/" + l.id(), l.title(), l.text(), l.language(),
          l.published().atTime(8, 0).toInstant(ZoneOffset.UTC), l.published().atTime(9, 0).toInstant(ZoneOffset.UTC)));
    }
    long characters = articles.stream().mapToLong(x -> x.text().length() + x.title().length()).sum();
    System.out.printf("%d articles, %,d characters (%,d per article)%n", articles.size(), characters,
        characters / articles.size());

    int claims = 0;
    for (int i = 0; i < warmup; i++) {
      for (Article article : articles) {
        claims += matcher.analyze(article).assessments().size();
      }
    }
    double[] perSecond = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (Article article : articles) {
        claims += matcher.analyze(article).assessments().size();
      }
      perSecond[r] = articles.size() / ((System.nanoTime() - start) / 1e9);
    }
    java.util.Arrays.sort(perSecond);
    double median = perSecond[rounds / 2];
    System.out.printf("full analysis on one thread: median %.0f articles/s (%.1f MB/s of text), range %.0f–%.0f "
        + "over %d rounds; %d claims read%n", median, median * characters / articles.size() / 1e6,
        perSecond[0], perSecond[rounds - 1], rounds, claims / (warmup + rounds));
  }
}
