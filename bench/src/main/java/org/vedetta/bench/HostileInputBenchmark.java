package org.vedetta.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.vedetta.ingest.Pages;
import org.vedetta.matcher.MatchResult;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;
import org.vedetta.testsupport.HostileText;

/**
 * What hostile input costs, and that it stays under its bound: a run-on megabyte of figures through the matcher
 * (mentions, claims, novelty) followed by an ordinary article, an article whose headline is that megabyte, the
 * megabyte with soft hyphens and zero-width spaces inside every name, a sloppy feed of 20,000 items, and a page
 * nested 100,000 deep through extraction.
 * Each case is timed on a warm JVM; the benchmark exits with status 1 when one takes longer than
 * {@code --bound-seconds} (default 5).
 *
 * <pre>{@code mvn -B -q -pl bench compile exec:java@hostile}</pre>
 */
public final class HostileInputBenchmark {

  private static final String USAGE = "usage: HostileInputBenchmark [--knowledge DIR] [--bound-seconds N]";

  private HostileInputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Arguments a = Arguments.parseOrExit(s -> Arguments.parse(Set.of("--knowledge", "--bound-seconds"), s), USAGE,
        args);
    Path knowledgeDir = KnowledgeDirectory.find(a.value("--knowledge") == null ? null : Path.of(a.value("--knowledge")));
    int bound = a.number("--bound-seconds", 5, 1, 3_600);
    a.check();

    KnowledgeSet knowledge = KnowledgeSet.load(knowledgeDir, knowledgeDir.toString());
    MemoryDatabase db = MemoryDatabase.open(false);
    Matcher matcher = Matcher.builder().knowledge(knowledge).dataSource(db.dataSource()).build();
    String runOn = HostileText.runOnFigures(1_000_000);
    byte[] nested = HostileText.nestedPage(100_000).getBytes(StandardCharsets.UTF_8);
    Article next = article("next", "Pyongyang has sent 3,000 more North Korean soldiers to Russia, Seoul said.", "en");

    // Warm-up: the same work once, untimed.
    matcher.analyze(article("warm", runOn, "it"));
    Pages.read(nested, "text/html", URI.create("https://bench.vedetta.invalid/warm"), "en");

    boolean within = true;
    long start = System.nanoTime();
    MatchResult hostile = matcher.match(article("run-on", runOn, "it"));
    double runOnSeconds = seconds(start);
    start = System.nanoTime();
    MatchResult after = matcher.match(next);
    double nextSeconds = seconds(start);
    System.out.printf("run-on article, %,d characters: %.2f s (%d claims, longest evidence %,d characters);"
        + " the next article: %.3f s, %d development(s)%n", runOn.length(), runOnSeconds,
        hostile.assessments().size(), hostile.assessments().stream().mapToInt(x -> x.claim().sentence().length())
            .max().orElse(0), nextSeconds, after.developments().size());
    within &= runOnSeconds + nextSeconds <= bound;

    start = System.nanoTime();
    MatchResult headline = matcher.match(Article.of("bench", "https://bench.vedetta.invalid/headline", runOn,
        next.text(), next.language(), next.publishedAt(), next.publishedAt()));
    double headlineSeconds = seconds(start);
    System.out.printf("article with a %,d-character headline: %.2f s (%d claims)%n", runOn.length(), headlineSeconds,
        headline.assessments().size());
    within &= headlineSeconds <= bound;

    String invisible = HostileText.invisibleCharacters(1_000_000);
    start = System.nanoTime();
    MatchResult hidden = matcher.match(article("invisible", invisible, "it"));
    double invisibleSeconds = seconds(start);
    System.out.printf("run-on article with soft hyphens and zero-width spaces in every name, %,d characters: %.2f s"
        + " (%d claims)%n", invisible.length(), invisibleSeconds, hidden.assessments().size());
    within &= invisibleSeconds <= bound;

    byte[] sloppy = HostileText.sloppyFeed(20_000).getBytes(StandardCharsets.UTF_8);
    start = System.nanoTime();
    Pages.Document feed = Pages.readDocument(sloppy, "application/rss+xml",
        URI.create("https://bench.vedetta.invalid/feed.xml"));
    double feedSeconds = seconds(start);
    System.out.printf("sloppy feed of 20,000 items, %,d bytes (no version, no channel, undeclared prefixes, entities,"
        + " stray ampersands, control characters): %.2f s (%d items)%n", sloppy.length, feedSeconds,
        ((Pages.Feed) feed).items().size());
    within &= feedSeconds <= bound;

    start = System.nanoTime();
    Pages.Page page = Pages.read(nested, "text/html", URI.create("https://bench.vedetta.invalid/nested"), "en");
    double nestedSeconds = seconds(start);
    System.out.printf("page nested 100,000 deep, %,d bytes: %.2f s (%,d characters of text)%n", nested.length,
        nestedSeconds, page.text().length());
    within &= nestedSeconds <= bound;

    System.out.println(within ? "within the bound of " + bound + " s" : "OVER the bound of " + bound + " s");
    System.exit(within ? 0 : 1);
  }

  private static Article article(String id, String text, String language) {
    Instant published = Instant.parse("2026-11-20T08:00:00Z");
    return Article.of("bench", "https://bench.vedetta.invalid/" + id, "Corea del Nord", text, language, published,
        published);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
