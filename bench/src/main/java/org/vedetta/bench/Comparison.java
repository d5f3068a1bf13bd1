package org.vedetta.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vedetta.matcher.Mentions;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/**
 * Vedetta against the Lucene monitor on one knowledge set: builds both (timed, with their heap), checks what
 * each finds on every document, then times passes over the corpus, interleaving the engines so that neither
 * gets a quieter machine.
 */
final class Comparison {

  /** One-off cost of building an engine. */
  record Build(long nanos, long heapBytes) {}

  /**
   * The figures for one knowledge set.
   *
   * @param aliases distinct folded aliases in Vedetta's automaton
   * @param queries monitor queries (one per entity and distinct analyzed alias)
   * @param single  Lucene, one {@code match(Document)} call per document
   * @param batched Lucene, {@code match(Document[])} calls of {@link Options#batch()} documents
   */
  record Result(String name, int aliases, int queries, Build automaton, Build monitor, Throughput vedetta,
      Throughput single, Throughput batched, Agreement agreement) {

    boolean batchFaster() {
      return batched.medianNanos() < single.medianNanos();
    }

    /** The faster of Lucene's two ways. */
    Throughput lucene() {
      return batchFaster() ? batched : single;
    }

    /** Vedetta's throughput over Lucene's (faster way). */
    double ratio() {
      return vedetta.docsPerSecond() / lucene().docsPerSecond();
    }
  }

  private Comparison() {}

  static Result run(String name, KnowledgeSet knowledge, Corpus corpus, Options options, PrintStream out)
      throws IOException {
    out.printf(Locale.ROOT, "%n== %s ==%n", name);
    long heap = Heap.usedAfterGc();
    long t0 = System.nanoTime();
    Mentions mentions = new Mentions(knowledge);
    Build automaton = new Build(System.nanoTime() - t0, Heap.usedAfterGc() - heap);
    VedettaEngine vedetta = new VedettaEngine(mentions);

    heap = Heap.usedAfterGc();
    t0 = System.nanoTime();
    try (MonitorEngine monitor = new MonitorEngine(knowledge, new FoldingAnalyzer(options.tokenizing()))) {
      Build monitorBuild = new Build(System.nanoTime() - t0, Heap.usedAfterGc() - heap);
      out.printf(Locale.ROOT, "aliases: %,d in Vedetta's automaton, %,d monitor queries%n", mentions.aliases(),
          monitor.queries());
      out.printf(Locale.ROOT, "corpus: %,d documents, %.1f MB (UTF-8)%n", corpus.size(), corpus.megabytes());
      out.printf(Locale.ROOT, "build: automaton %s, heap %s; monitor %s, heap %s%n", millis(automaton.nanos()),
          mb(automaton.heapBytes()), millis(monitorBuild.nanos()), mb(monitorBuild.heapBytes()));

      List<Engine> engines = List.of(vedetta, monitor.single(), monitor.batched(options.batch()));
      List<String> names = List.of("Vedetta", "Lucene monitor, 1 doc/call",
          "Lucene monitor, " + options.batch() + " docs/call");
      List<List<Set<String>>> found = new ArrayList<>();
      for (Engine e : engines) {
        found.add(e.match(corpus.docs()));
      }
      if (!found.get(1).equals(found.get(2))) {
        throw new IllegalStateException("the monitor's single and batch matching disagree");
      }
      Agreement agreement = Agreement.of(found.get(0), found.get(1), 5);
      printAgreement(out, agreement, corpus, vedetta, monitor);
      long candidates = monitor.candidates(corpus.docs());
      out.printf(Locale.ROOT, "monitor: %.1f candidate queries verified per document, %.2f entities matched%n",
          (double) candidates / corpus.size(), (double) pairs(found.get(1)) / corpus.size());

      long[] expected = found.stream().mapToLong(Comparison::pairs).toArray();
      long[][] nanos = new long[engines.size()][options.rounds()];
      out.printf(Locale.ROOT, "timing: %d warm-up and %d measured passes per engine…%n", options.warmup(),
          options.rounds());
      for (int pass = 0; pass < options.warmup() + options.rounds(); pass++) {
        for (int e = 0; e < engines.size(); e++) {
          long start = System.nanoTime();
          List<Set<String>> result = engines.get(e).match(corpus.docs());
          long elapsed = System.nanoTime() - start;
          if (pairs(result) != expected[e]) {
            throw new IllegalStateException(names.get(e) + " found " + pairs(result) + " pairs, before "
                + expected[e]);
          }
          if (pass >= options.warmup()) {
            nanos[e][pass - options.warmup()] = elapsed;
          }
        }
      }
      Result r = new Result(name, mentions.aliases(), monitor.queries(), automaton, monitorBuild,
          new Throughput(corpus.size(), corpus.bytes(), nanos[0]),
          new Throughput(corpus.size(), corpus.bytes(), nanos[1]),
          new Throughput(corpus.size(), corpus.bytes(), nanos[2]), agreement);
      out.printf(Locale.ROOT, "%-30s %12s %8s %24s%n", "", "docs/s", "MB/s", "min..max docs/s");
      List<Throughput> all = List.of(r.vedetta(), r.single(), r.batched());
      for (int e = 0; e < engines.size(); e++) {
        Throughput t = all.get(e);
        out.printf(Locale.ROOT, "%-30s %,12.0f %8.2f %,11.0f..%,-12.0f%n", names.get(e), t.docsPerSecond(),
            t.megabytesPerSecond(), t.minDocsPerSecond(), t.maxDocsPerSecond());
      }
      out.printf(Locale.ROOT, "Vedetta / Lucene (%s, the faster): %.2fx%n",
          r.batchFaster() ? "batches of " + options.batch() : "one document per call", r.ratio());
      return r;
    }
  }

  private static void printAgreement(PrintStream out, Agreement a, Corpus corpus, VedettaEngine vedetta,
      MonitorEngine monitor) throws IOException {
    out.printf(Locale.ROOT, "agreement: same entity set in %,d of %,d documents (%.2f%%)%n", a.equalDocs(),
        a.docs(), 100 * a.equalShare());
    out.printf(Locale.ROOT, "  (document, entity) pairs: Vedetta %,d, Lucene %,d; only Vedetta %,d, only Lucene "
        + "%,d%n", a.vedettaPairs(), a.lucenePairs(), a.onlyVedetta(), a.onlyLucene());
    if (a.byEntity().isEmpty()) {
      return;
    }
    out.print("  most disagreements (only Vedetta/only Lucene):");
    a.byEntity().entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
            .thenComparing(Map.Entry::getKey))
        .limit(8).forEach(e -> out.printf(Locale.ROOT, " %s %d/%d", e.getKey(), e.getValue()[0], e.getValue()[1]));
    out.println();
    for (Agreement.Disagreement d : a.disagreements()) {
      String doc = corpus.docs().get(d.doc());
      out.printf(Locale.ROOT, "  doc %d \"%s\":%n", d.doc(), doc.substring(0, doc.indexOf('\n')));
      for (String id : d.onlyVedetta().stream().sorted().toList()) {
        vedetta.explain(doc, id).stream().limit(2)
            .forEach(s -> out.printf(Locale.ROOT, "    only Vedetta  %s: %s%n", id, s));
      }
      for (String id : d.onlyLucene().stream().sorted().toList()) {
        monitor.explain(doc, id).stream().limit(2)
            .forEach(s -> out.printf(Locale.ROOT, "    only Lucene   %s: %s%n", id, s));
      }
    }
  }

  private static long pairs(List<Set<String>> found) {
    return found.stream().mapToLong(Set::size).sum();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
