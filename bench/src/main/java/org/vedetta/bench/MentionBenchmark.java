package org.vedetta.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.vedetta.matcher.Mentions;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;

/**
 * Compares the throughput of Vedetta's mention finding ({@link Mentions}) with Apache Lucene's monitor on the
 * Europarl corpus, for the real knowledge set and for one scaled to {@link Options#aliases()} aliases, and
 * reports whether both found the same entities. See {@code bench/README.md}.
 */
public final class MentionBenchmark {

  private MentionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Options options = Arguments.parseOrExit(Options::parse, Options.USAGE, args);
    run(options, System.out);
  }

  /** Runs both comparisons, printing as it goes; returns the real set's result, then the scaled one's. */
  static List<Comparison.Result> run(Options options, PrintStream out) throws IOException {
    Path dir = options.knowledgeDir();
    KnowledgeSet real = KnowledgeSet.load(dir, dir.toString());
    Corpus corpus = Corpus.europarl(options.docs());
    out.printf(Locale.ROOT, "Vedetta mention finding vs Lucene monitor %s; Java %s, %d cores%n",
        luceneVersion(), Runtime.version(), Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "knowledge: %s; corpus: %s, %,d documents%n", dir, Corpus.RESOURCE, corpus.size());
    Comparison.Result first = Comparison.run("real knowledge set", real, corpus, options, out);

    int wanted = options.aliases() - first.aliases();
    long t0 = System.nanoTime();
    List<String> synthetic = SyntheticAliases.pick(corpus.docs(), Stream.concat(
        real.entities().stream().flatMap(Entity::aliases), real.treaties().stream().flatMap(Treaty::aliases)),
        Math.max(0, wanted));
    out.printf(Locale.ROOT, "%nscaled set: %,d synthetic aliases drawn from the corpus in %,.0f ms, e.g. %s%n",
        synthetic.size(), (System.nanoTime() - t0) / 1e6, synthetic.subList(0, Math.min(6, synthetic.size())));
    KnowledgeSet scaled = SyntheticAliases.extend(dir, synthetic);
    Comparison.Result second = Comparison.run("scaled knowledge set", scaled, corpus, options, out);

    out.printf(Locale.ROOT, "%n== summary ==%n%-22s %8s %12s %12s %8s %10s%n", "knowledge set", "aliases",
        "Vedetta d/s", "Lucene d/s", "ratio", "agreement");
    for (Comparison.Result r : List.of(first, second)) {
      out.printf(Locale.ROOT, "%-22s %,8d %,12.0f %,12.0f %7.2fx %9.2f%%%n", r.name(), r.aliases(),
          r.vedetta().docsPerSecond(), r.lucene().docsPerSecond(), r.ratio(), 100 * r.agreement().equalShare());
    }
    return List.of(first, second);
  }

  private static String luceneVersion() {
    return org.apache.lucene.util.Version.LATEST.toString();
  }
}
