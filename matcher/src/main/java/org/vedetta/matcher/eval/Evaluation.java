package org.vedetta.matcher.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vedetta.matcher.Assessment;
import org.vedetta.matcher.MatchResult;
import org.vedetta.matcher.Matcher;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Mention;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;
import org.vedetta.settings.YamlSettings;

/**
 * Scores the matcher on a labelled set ({@code config/knowledge/eval/*.yml}): precision and recall of
 * mentions (entity ids per article), claims (subject, event, treaty and figure) and developments (the claims
 * whose verdict is not known), overall and per language. Each case is analysed on its own against the
 * baseline: nothing is learned between cases.
 */
public final class Evaluation {

  /**
   * The outcome.
   *
   * @param cases        cases scored
   * @param mentions     mention score
   * @param claims       claim score
   * @param developments development score
   * @param verdicts     of the developments found and expected, how many carry the expected verdict
   * @param byLanguage   the three scores per language (file name)
   * @param misses       one line per wrong or missed item, for people
   */
  public record Report(int cases, Score mentions, Score claims, Score developments, double verdicts,
      Map<String, List<Score>> byLanguage, List<String> misses) {}

  private record Key(String subject, String event, String treaty, Long low, Long high) {}

  private final Matcher matcher;

  /** {@code matcher} is used in analyse mode only. */
  public Evaluation(Matcher matcher) {
    this.matcher = matcher;
  }

  public Report run(Path setDir) {
    Map<String, List<Score>> byLanguage = new TreeMap<>();
    Score mentions = Score.ZERO;
    Score claims = Score.ZERO;
    Score developments = Score.ZERO;
    int verdictsRight = 0;
    int verdictsCompared = 0;
    int cases = 0;
    List<String> misses = new ArrayList<>();
    for (Path file : files(setDir)) {
      String language = file.getFileName().toString().replace(".yml", "");
      List<LabelledCase> set = YamlSettings.read(file, setDir.getFileName() + "/" + file.getFileName(),
          LabelledCase.CasesFile.class, (f, p) -> p.each("cases", f.cases())).cases();
      Score lm = Score.ZERO;
      Score lc = Score.ZERO;
      Score ld = Score.ZERO;
      for (LabelledCase c : set) {
        cases++;
        MatchResult result = matcher.analyze(Article.of("eval", "https://eval.vedetta.invalid/" + c.id(),
            c.title(), c.text(), language, c.published().atTime(8, 0).toInstant(ZoneOffset.UTC), Instant.EPOCH));
        Set<String> foundIds = new HashSet<>();
        result.tagged().ifPresent(t -> t.mentions().stream().map(Mention::entityId).forEach(foundIds::add));
        lm = lm.plus(compare(c.id() + " mention", foundIds, new HashSet<>(c.mentions()), misses));

        Set<Key> expectedClaims = new HashSet<>();
        Set<Key> expectedDevs = new HashSet<>();
        Map<Key, String> expectedVerdicts = new LinkedHashMap<>();
        for (LabelledCase.ExpectedClaim e : c.claims()) {
          expectedClaims.add(new Key(e.subject(), e.event(), e.treaty(), e.low(), e.high()));
          if (!e.verdict().equals("known")) {
            Key k = new Key(e.subject(), e.event(), e.treaty(), null, null);
            expectedDevs.add(k);
            expectedVerdicts.put(k, e.verdict());
          }
        }
        Set<Key> foundClaims = new HashSet<>();
        Set<Key> foundDevs = new HashSet<>();
        Map<Key, Verdict> foundVerdicts = new LinkedHashMap<>();
        for (Assessment a : result.assessments()) {
          Claim cl = a.claim();
          foundClaims.add(claimKey(cl, expectedClaims));
          if (a.verdict().isDevelopment()) {
            Key k = new Key(cl.subject(), cl.event(), cl.treaty(), null, null);
            foundDevs.add(k);
            foundVerdicts.put(k, a.verdict());
          }
        }
        lc = lc.plus(compare(c.id() + " claim", foundClaims, expectedClaims, misses));
        ld = ld.plus(compare(c.id() + " development", foundDevs, expectedDevs, misses));
        for (Map.Entry<Key, String> e : expectedVerdicts.entrySet()) {
          Verdict found = foundVerdicts.get(e.getKey());
          if (found != null) {
            verdictsCompared++;
            if (found.name().toLowerCase(Locale.ROOT).equals(e.getValue())) {
              verdictsRight++;
            } else {
              misses.add(c.id() + " verdict: " + e.getKey() + " expected " + e.getValue() + ", found " + found);
            }
          }
        }
      }
      byLanguage.put(language, List.of(lm, lc, ld));
      mentions = mentions.plus(lm);
      claims = claims.plus(lc);
      developments = developments.plus(ld);
    }
    return new Report(cases, mentions, claims, developments,
        verdictsCompared == 0 ? 1.0 : (double) verdictsRight / verdictsCompared, byLanguage, misses);
  }

  /** The predicted claim as a key; its figure is compared only where the expected claim of its kind has one. */
  private static Key claimKey(Claim c, Set<Key> expected) {
    boolean figureExpected = expected.stream().anyMatch(e -> e.subject().equals(c.subject())
        && e.event().equals(c.event()) && Objects.equals(e.treaty(), c.treaty()) && e.low() != null);
    // The set writes "more than N" as low only and "up to N" as high only.
    Quantity q = figureExpected ? c.quantity() : null;
    Long low = q == null || q.qualifier() == Qualifier.UP_TO ? null : q.low();
    Long high = q == null || q.qualifier() == Qualifier.AT_LEAST ? null : q.high();
    return new Key(c.subject(), c.event(), c.treaty(), low, high);
  }

  private static <T> Score compare(String what, Set<T> found, Set<T> expected, List<String> misses) {
    int tp = 0;
    for (T f : found) {
      if (expected.contains(f)) {
        tp++;
      } else {
        misses.add(what + " not expected: " + f);
      }
    }
    for (T e : expected) {
      if (!found.contains(e)) {
        misses.add(what + " missed: " + e);
      }
    }
    return new Score(tp, found.size() - tp, expected.size() - tp);
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the evaluation set in " + dir, e);
    }
  }
}
