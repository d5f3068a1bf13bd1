package org.vedetta.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a benchmark run, from the command line.
 *
 * @param knowledge  the knowledge directory; {@code null} to look for {@code config/knowledge} (see
 *                   {@link #knowledgeDir()})
 * @param docs       documents of the corpus to use, from the start; 0 for all 17,597
 * @param aliases    distinct aliases of the scaled knowledge set (real plus synthetic); default 10,000
 * @param warmup     unmeasured passes over the corpus per engine and knowledge set; default 2
 * @param rounds     measured passes per engine and knowledge set, the median reported; default 5
 * @param batch      documents per {@code Monitor.match(Document[], …)} call in batch mode; default 16
 * @param tokenizing Lucene's tokenizer; default letter-or-digit words
 */
record Options(Path knowledge, int docs, int aliases, int warmup, int rounds, int batch,
    FoldingAnalyzer.Tokenizing tokenizing) {

  static final String USAGE = """
      Usage: MentionBenchmark [--knowledge DIR] [--docs N] [--aliases N] [--warmup N] [--rounds N] [--batch N]
                              [--tokenizer words|standard]
        --knowledge DIR  knowledge set directory (default: config/knowledge of the checkout)
        --docs N         use the first N corpus documents (default 0 = all 17,597)
        --aliases N      distinct aliases of the scaled knowledge set (default 10000)
        --warmup N       unmeasured passes per engine (default 2)
        --rounds N       measured passes per engine, median reported (default 5)
        --batch N        documents per Monitor.match(Document[]) call in batch mode (default 16)
        --tokenizer T    Lucene tokenizer: words = letter-or-digit runs like Vedetta (default),
                         standard = StandardTokenizer (UAX#29)""";

  static Options defaults() {
    return new Options(null, 0, 10_000, 2, 5, 16, FoldingAnalyzer.Tokenizing.WORDS);
  }

  /** @throws IllegalArgumentException naming every bad argument */
  static Options parse(String... args) {
    Options o = defaults();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        problems.add(name + ": missing value");
        break;
      }
      String value = args[++i];
      try {
        o = switch (name) {
          case "--knowledge" -> new Options(Path.of(value), o.docs, o.aliases, o.warmup, o.rounds, o.batch,
              o.tokenizing);
          case "--docs" -> new Options(o.knowledge, atLeast(name, value, 0), o.aliases, o.warmup, o.rounds,
              o.batch, o.tokenizing);
          case "--aliases" -> new Options(o.knowledge, o.docs, atLeast(name, value, 1), o.warmup, o.rounds,
              o.batch, o.tokenizing);
          case "--warmup" -> new Options(o.knowledge, o.docs, o.aliases, atLeast(name, value, 0), o.rounds,
              o.batch, o.tokenizing);
          case "--rounds" -> new Options(o.knowledge, o.docs, o.aliases, o.warmup, atLeast(name, value, 1),
              o.batch, o.tokenizing);
          case "--batch" -> new Options(o.knowledge, o.docs, o.aliases, o.warmup, o.rounds,
              atLeast(name, value, 1), o.tokenizing);
          case "--tokenizer" -> new Options(o.knowledge, o.docs, o.aliases, o.warmup, o.rounds, o.batch,
              tokenizing(value));
          default -> throw new IllegalArgumentException(name + ": unknown option");
        };
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return o;
  }

  /**
   * {@link #knowledge} if given, else the first of {@code $vedetta.bench.dir/../config/knowledge} (set by the
   * exec plugin), {@code ../config/knowledge} and {@code config/knowledge} that holds {@code entities.yml}.
   */
  Path knowledgeDir() {
    return KnowledgeDirectory.find(knowledge);
  }


  private static int atLeast(String name, String value, int min) {
    int n;
    try {
      n = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
    }
    if (n < min) {
      throw new IllegalArgumentException(name + ": " + n + " must be at least " + min);
    }
    return n;
  }

  private static FoldingAnalyzer.Tokenizing tokenizing(String value) {
    return switch (value) {
      case "words" -> FoldingAnalyzer.Tokenizing.WORDS;
      case "standard" -> FoldingAnalyzer.Tokenizing.STANDARD;
      default -> throw new IllegalArgumentException("--tokenizer: '" + value + "' must be words or standard");
    };
  }
}
