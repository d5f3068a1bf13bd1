package org.vedetta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/**
 * Aliases drawn from the corpus to scale a knowledge set up: word bigrams and trigrams, so that both engines
 * find real matches. Deterministic (no randomness: candidates are ranked by document frequency, then
 * alphabetically), and chosen so that Vedetta and Lucene must agree on them:
 * <ul>
 *   <li>words of three or more ASCII letters once folded, so Vedetta's accent stripping and Lucene's
 *       {@code ASCIIFoldingFilter} give the same word, and not the ASCII form of another word of the corpus
 *       ({@code dass}, which Lucene also finds as {@code daß});</li>
 *   <li>in every document holding the words in sequence they are also separated by single spaces somewhere
 *       (Vedetta's automaton matches {@code "word word"}, a Lucene phrase also matches across {@code ", "} or a
 *       line break);</li>
 *   <li>no word repeats inside an alias or appears in two aliases or in a real alias, so no two matches can
 *       overlap (Vedetta keeps the leftmost-longest of overlapping matches, Lucene every query that
 *       matches);</li>
 *   <li>found in at least {@value #MIN_DOCS} documents and at most {@value #MAX_DOC_PERCENT}% of them, like
 *       names rather than phrases such as "the european".</li>
 * </ul>
 * Bigrams and trigrams are taken in turn. Each alias becomes an entity of its own, {@code syn_00001} and up.
 */
final class SyntheticAliases {

  static final int MIN_DOCS = 2;
  static final int MAX_DOC_PERCENT = 1;
  private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");
  private static final Pattern ASCII_WORD = Pattern.compile("[a-z]{3,}");

  private SyntheticAliases() {}

  /** Up to {@code count} aliases from {@code docs}, none sharing a word with {@code reserved} aliases. */
  static List<String> pick(List<String> docs, Stream<String> reserved, int count) {
    Set<String> used = new HashSet<>();
    reserved.forEach(alias -> used.addAll(words(fold(alias)).words()));
    List<Words> folded = docs.stream().map(d -> words(fold(d))).toList();
    // A word such as "dass" also matches "daß" in Lucene (ASCIIFoldingFilter) but not in Vedetta.
    Set<String> foldedApart = new HashSet<>();
    for (Words w : folded) {
      for (String word : w.words()) {
        if (!isAscii(word)) {
          foldedApart.add(toAscii(word));
        }
      }
    }
    Map<String, int[]> df = new HashMap<>(); // n-gram -> {documents with it, documents with it space-separated}
    for (Words w : folded) {
      Set<String> any = new HashSet<>();
      Set<String> spaced = new HashSet<>();
      for (int i = 0; i < w.words().size(); i++) {
        for (int n = 2; n <= 3 && i + n <= w.words().size(); n++) {
          List<String> gram = w.words().subList(i, i + n);
          if (!gram.stream().allMatch(s -> ASCII_WORD.matcher(s).matches() && !foldedApart.contains(s))
              || new HashSet<>(gram).size() < n) {
            break;
          }
          String key = String.join(" ", gram);
          any.add(key);
          if (w.spaced(i, i + n)) {
            spaced.add(key);
          }
        }
      }
      for (String key : any) {
        int[] c = df.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (spaced.contains(key)) {
          c[1]++;
        }
      }
    }
    int maxDocs = Math.max(MIN_DOCS, docs.size() * MAX_DOC_PERCENT / 100);
    Comparator<Map.Entry<String, int[]>> rank = Comparator
        .<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey);
    List<List<String>> byLength = new ArrayList<>();
    for (int n = 2; n <= 3; n++) {
      int words = n;
      byLength.add(df.entrySet().stream()
          .filter(e -> e.getValue()[0] == e.getValue()[1] && e.getValue()[1] >= MIN_DOCS
              && e.getValue()[1] <= maxDocs && e.getKey().split(" ").length == words)
          .sorted(rank).map(Map.Entry::getKey).toList());
    }
    List<String> picked = new ArrayList<>();
    int[] next = new int[byLength.size()];
    boolean progress = true;
    while (progress && picked.size() < count) {
      progress = false;
      for (int l = 0; l < byLength.size() && picked.size() < count; l++) {
        List<String> candidates = byLength.get(l);
        while (next[l] < candidates.size()) {
          String candidate = candidates.get(next[l]++);
          List<String> words = List.of(candidate.split(" "));
          if (words.stream().noneMatch(used::contains)) {
            used.addAll(words);
            picked.add(candidate);
            progress = true;
            break;
          }
        }
      }
    }
    return picked;
  }

  /**
   * The knowledge set of {@code dir} plus one organisation per alias, ids {@code syn_00001} and up. The entities
   * are appended to a copy of {@code entities.yml} and the copy loaded as the service loads its knowledge, so
   * the benchmark depends on the file format rather than on the records' constructors.
   */
  static KnowledgeSet extend(Path dir, List<String> aliases) throws IOException {
    Path copy = Files.createTempDirectory("vedetta-bench-knowledge");
    try {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      Path entities = copy.resolve("entities.yml");
      List<String> topLevel = Files.readAllLines(entities, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#")).toList();
      if (!topLevel.equals(List.of("entities:"))) {
        throw new IllegalStateException(dir.resolve("entities.yml") + ": expected 'entities:' as the only "
            + "top-level key, to append synthetic entities to; found " + topLevel);
      }
      StringBuilder yaml = new StringBuilder("\n  # Synthetic aliases added by vedetta-bench.\n");
      for (int i = 0; i < aliases.size(); i++) {
        yaml.append(String.format(Locale.ROOT, "  - id: syn_%05d\n    kind: organisation\n    names:\n"
            + "      xx: [\"%s\"]\n", i + 1, aliases.get(i)));
      }
      Files.writeString(entities, yaml, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return KnowledgeSet.load(copy, dir + " + " + aliases.size() + " synthetic aliases");
    } finally {
      try (Stream<Path> files = Files.list(copy)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(copy);
    }
  }

  /** Lower case without accents: the same folding as Vedetta's for the ASCII words kept here. */
  static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  private static String toAscii(String word) {
    char[] in = word.toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n);
  }

  /** Words (runs of letters and digits) and whether each is followed by exactly one space. */
  record Words(List<String> words, boolean[] spaceAfter) {
    boolean spaced(int from, int to) {
      for (int i = from; i < to - 1; i++) {
        if (!spaceAfter[i]) {
          return false;
        }
      }
      return true;
    }
  }

  static Words words(String folded) {
    List<String> words = new ArrayList<>();
    List<Boolean> space = new ArrayList<>();
    int i = 0;
    int n = folded.length();
    while (i < n) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && Character.isLetterOrDigit(folded.charAt(j))) {
        j++;
      }
      words.add(folded.substring(i, j));
      space.add(j + 1 < n && folded.charAt(j) == ' ' && Character.isLetterOrDigit(folded.charAt(j + 1)));
      i = j;
    }
    boolean[] spaceAfter = new boolean[space.size()];
    for (int k = 0; k < spaceAfter.length; k++) {
      spaceAfter[k] = space.get(k);
    }
    return new Words(words, spaceAfter);
  }
}
