package org.vedetta.matcher.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How far two independent labellings of the same articles agree, per kind of label: whether an article is on
 * topic and its mentions (per article), which claims each sentence makes (a claim of one labelling agrees with
 * one of the other when subject, event and treaty are the same and their sentences overlap), and, for the claims
 * both read, their figure, role, plan, own-news flag and verdict. Categorical labels are given with Cohen's
 * kappa; sets with the F1 of one labelling against the other.
 */
public final class Agreement {

  /** Agreement on one kind of label: {@code agreed} of {@code compared}, and kappa where it applies. */
  public record Measure(String label, int compared, int agreed, double kappa) {
    public double observed() {
      return compared == 0 ? 1.0 : (double) agreed / compared;
    }
  }

  /**
   * The outcome.
   *
   * @param articles   articles labelled by both
   * @param mentionsF1 F1 of the mention sets of one labelling against the other's, over every article
   * @param claimsF1   F1 of the claims, paired as described above
   * @param pairedClaims claims both labellings read
   * @param measures   one line per kind of label
   */
  public record Report(int articles, double mentionsF1, double claimsF1, int pairedClaims, List<Measure> measures) {}

  private Agreement() {}

  public static Report compare(List<LabelledArticle> first, List<LabelledArticle> second) {
    Map<String, LabelledArticle> other = new HashMap<>();
    second.forEach(a -> other.put(a.id(), a));
    List<String[]> onTopic = new ArrayList<>();
    int mentionsBoth = 0;
    int mentionsTotal = 0;
    int claimsFirst = 0;
    int claimsSecond = 0;
    List<LabelledArticle.ExpectedClaim[]> pairs = new ArrayList<>();
    int articles = 0;
    for (LabelledArticle a : first) {
      LabelledArticle b = other.get(a.id());
      if (b == null) {
        continue;
      }
      articles++;
      onTopic.add(new String[] {String.valueOf(a.onTopic()), String.valueOf(b.onTopic())});
      Set<String> common = new HashSet<>(a.mentions());
      common.retainAll(new HashSet<>(b.mentions()));
      mentionsBoth += common.size();
      mentionsTotal += new HashSet<>(a.mentions()).size() + new HashSet<>(b.mentions()).size();
      claimsFirst += a.claims().size();
      claimsSecond += b.claims().size();
      pairs.addAll(pair(a.claims(), b.claims(), a.text()));
    }
    List<Measure> measures = new ArrayList<>();
    measures.add(kappa("on topic", onTopic));
    measures.add(kappa("figure (of paired claims with one)", values(pairs.stream()
        .filter(p -> p[0].hasFigure() || p[1].hasFigure()).toList(), c -> c.low() + "-" + c.high())));
    measures.add(kappa("role (of paired claims with a figure)", values(pairs.stream()
        .filter(p -> p[0].hasFigure() && p[1].hasFigure()).toList(), c -> String.valueOf(c.role()))));
    measures.add(kappa("planned", values(pairs, c -> String.valueOf(c.planned()))));
    measures.add(kappa("own news", values(pairs, c -> String.valueOf(c.ownNews()))));
    measures.add(kappa("verdict", values(pairs, LabelledArticle.ExpectedClaim::verdict)));
    measures.add(kappa("development or not", values(pairs, c -> String.valueOf(c.isDevelopment()))));
    return new Report(articles, mentionsTotal == 0 ? 1.0 : 2.0 * mentionsBoth / mentionsTotal,
        claimsFirst + claimsSecond == 0 ? 1.0 : 2.0 * pairs.size() / (claimsFirst + claimsSecond), pairs.size(),
        measures);
  }

  /** Claims of one article paired across labellings: same subject, event and treaty, overlapping sentences. */
  static List<LabelledArticle.ExpectedClaim[]> pair(List<LabelledArticle.ExpectedClaim> first,
      List<LabelledArticle.ExpectedClaim> second, String text) {
    List<LabelledArticle.ExpectedClaim[]> pairs = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    for (LabelledArticle.ExpectedClaim a : first) {
      int best = -1;
      for (int i = 0; i < second.size(); i++) {
        LabelledArticle.ExpectedClaim b = second.get(i);
        if (taken.contains(i) || !a.subject().equals(b.subject()) || !a.event().equals(b.event())
            || !Objects.equals(a.treaty(), b.treaty()) || !overlap(a.sentence(), b.sentence(), text)) {
          continue;
        }
        // Of several candidates, the one with the same role and figure.
        if (best < 0 || Objects.equals(a.role(), b.role()) && Objects.equals(a.low(), b.low())) {
          best = i;
        }
      }
      if (best >= 0) {
        taken.add(best);
        pairs.add(new LabelledArticle.ExpectedClaim[] {a, second.get(best)});
      }
    }
    return pairs;
  }

  private static boolean overlap(String s, String t, String text) {
    if (s == null || t == null) {
      return true;
    }
    int a = text.indexOf(s);
    int b = text.indexOf(t);
    return a >= 0 && b >= 0 && a < b + t.length() && b < a + s.length();
  }

  private static List<String[]> values(List<LabelledArticle.ExpectedClaim[]> pairs,
      Function<LabelledArticle.ExpectedClaim, String> label) {
    return pairs.stream().map(p -> new String[] {label.apply(p[0]), label.apply(p[1])}).toList();
  }

  /** Cohen's kappa of paired categorical values. */
  static Measure kappa(String label, List<String[]> values) {
    int n = values.size();
    if (n == 0) {
      return new Measure(label, 0, 0, 1.0);
    }
    int agreed = 0;
    Map<String, Integer> first = new LinkedHashMap<>();
    Map<String, Integer> second = new LinkedHashMap<>();
    for (String[] v : values) {
      if (v[0].equals(v[1])) {
        agreed++;
      }
      first.merge(v[0], 1, Integer::sum);
      second.merge(v[1], 1, Integer::sum);
    }
    double observed = (double) agreed / n;
    double expected = 0;
    for (Map.Entry<String, Integer> e : first.entrySet()) {
      expected += (double) e.getValue() / n * second.getOrDefault(e.getKey(), 0) / n;
    }
    double kappa = expected == 1 ? 1.0 : (observed - expected) / (1 - expected);
    return new Measure(label, n, agreed, kappa);
  }
}
