package org.vedetta.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores main-text extraction against pages with reference texts: each {@code NAME.html} in a folder with a sibling
 * {@code NAME.expected.txt} holding the article's main text as a person would mark it. Pages are read as ingest
 * reads them ({@link Pages#read}: no body selector, no hints). Tokens are the lower-cased words (runs of letters
 * and digits); precision, recall and F1 count tokens as a multiset, per page, then macro-averaged over the pages.
 * {@code vedetta score-extraction DIR} prints them.
 */
public final class ExtractionScore {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

  /** The score of one page. */
  public record PageScore(String name, double precision, double recall, double f1) {}

  /** The scores of every page and their macro averages. */
  public record Result(List<PageScore> pages, double precision, double recall, double f1) {}

  private ExtractionScore() {}

  /** Extracts every labelled page of {@code dir} as ingest does and scores it. */
  public static Result score(Path dir) throws IOException {
    List<Path> expected;
    try (Stream<Path> files = Files.list(dir)) {
      expected = files.filter(f -> f.getFileName().toString().endsWith(".expected.txt")).sorted().toList();
    }
    if (expected.isEmpty()) {
      throw new IOException("no *.expected.txt in " + dir.toAbsolutePath());
    }
    List<PageScore> pages = new ArrayList<>();
    for (Path label : expected) {
      String name = label.getFileName().toString().replace(".expected.txt", "");
      Path html = label.resolveSibling(name + ".html");
      String extracted = Pages.read(Files.readAllBytes(html), "text/html",
          URI.create("https://corpus.example/" + name + ".html"), null).text();
      pages.add(score(name, extracted, Files.readString(label, StandardCharsets.UTF_8)));
    }
    double p = pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
    double r = pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
    double f = pages.stream().mapToDouble(PageScore::f1).average().orElse(0);
    return new Result(pages, p, r, f);
  }

  /** Token-level precision, recall and F1 of {@code extracted} against {@code expected}. */
  public static PageScore score(String name, String extracted, String expected) {
    Map<String, Integer> got = tokens(extracted);
    Map<String, Integer> want = tokens(expected);
    int common = 0;
    for (Map.Entry<String, Integer> e : got.entrySet()) {
      common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
    }
    int gotSize = got.values().stream().mapToInt(Integer::intValue).sum();
    int wantSize = want.values().stream().mapToInt(Integer::intValue).sum();
    double precision = gotSize == 0 ? 0 : (double) common / gotSize;
    double recall = wantSize == 0 ? 0 : (double) common / wantSize;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new PageScore(name, precision, recall, f1);
  }

  private static Map<String, Integer> tokens(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  /** One line per page, then the macro averages. */
  public static void print(Result result, PrintWriter out) {
    out.printf("%-28s %9s %9s %9s%n", "page", "precision", "recall", "F1");
    for (PageScore p : result.pages()) {
      out.printf("%-28s %9.3f %9.3f %9.3f%n", p.name(), p.precision(), p.recall(), p.f1());
    }
    out.printf("%-28s %9.3f %9.3f %9.3f%n", "macro average (" + result.pages().size() + " pages)",
        result.precision(), result.recall(), result.f1());
  }
}
