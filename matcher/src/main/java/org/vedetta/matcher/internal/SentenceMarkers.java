package org.vedetta.matcher.internal;

import java.util.List;

/**
 * What the knowledge set's marker words say about the places of one sentence: a claim is a plan when a planned
 * word stands shortly before its trigger or figure, or right after ("will send", "plans to deploy", "6,000
 * soldiers will be sent", "направит"); it is denied when a negator stands right before ("will not sign", "не
 * направила"); the whole sentence is habitual or historical background when it holds a background word ("for
 * decades"), and a claim is when the past perfect stands right before its trigger ("had deployed"), unless a
 * reporting verb stands before it: reported speech keeps the report's tense ("stated on Sunday that they had
 * killed three soldiers"), and the claim's date, if any, still tells how far back it lies.
 */
final class SentenceMarkers {

  /** Words a planned word may stand before a claim's trigger or figure, and after it. */
  private static final int PLANNED_BEFORE = 10;
  private static final int PLANNED_AFTER = 5;
  /** Words a negator may stand before a claim's trigger, and before a figure. */
  private static final int NEGATED_BEFORE = 3;
  private static final int FIGURE_NEGATED_BEFORE = 6;
  /** Words the past perfect (or a word calling the event recent) may stand before a claim's trigger. */
  private static final int RECALLED_BEFORE = 2;
  /** Words a reporting verb may stand before the past perfect it backshifts. */
  private static final int REPORTED_BEFORE = 12;
  /** Words a count word ("the number of") may stand before the figure it stands for. */
  private static final int COUNT_BEFORE = 20;

  private final Tokens tokens;
  private final List<int[]> planned;
  private final List<int[]> negators;
  private final List<int[]> recalled;
  private final List<int[]> pastPerfect;
  private final List<int[]> reporting;
  private final List<int[]> parts;
  private final List<int[]> measures;
  private final List<int[]> counts;
  private final boolean background;
  private final boolean agreementSet;

  SentenceMarkers(Tokens tokens, List<int[]> planned, List<int[]> negators, List<int[]> recalled,
      List<int[]> pastPerfect, List<int[]> reporting, List<int[]> parts, List<int[]> measures, List<int[]> counts,
      boolean background, boolean agreementSet) {
    this.tokens = tokens;
    this.planned = planned;
    this.negators = negators;
    this.recalled = recalled;
    this.pastPerfect = pastPerfect;
    this.reporting = reporting;
    this.parts = parts;
    this.measures = measures;
    this.counts = counts;
    this.background = background;
    this.agreementSet = agreementSet;
  }

  /** Whether the sentence names a set of agreements ("the agreements signed"), not one treaty. */
  boolean agreementSet() {
    return agreementSet;
  }

  /** Whether the whole sentence is habitual or historical background. */
  boolean background() {
    return background;
  }

  /** Whether what the sentence states at {@code span} is background: the sentence is, or the span is recalled. */
  boolean backgroundAt(int[] span) {
    return background || before(recalled, span, RECALLED_BEFORE) || pastPerfect.stream()
        .filter(w -> before(List.of(w), span, RECALLED_BEFORE))
        .anyMatch(w -> !before(reporting, w, REPORTED_BEFORE));
  }

  /** Whether what the sentence states at {@code span} is planned. */
  boolean plannedAt(int[] span) {
    return near(planned, span, PLANNED_BEFORE, PLANNED_AFTER);
  }

  /** Whether what the sentence states at the trigger {@code span} is denied. */
  boolean negatedAt(int[] span) {
    return before(negators, span, NEGATED_BEFORE);
  }

  /** Whether the figure at {@code span} is denied or only supposed ("could send up to 30,000 more"). */
  boolean figureNegatedAt(int[] span) {
    return before(negators, span, FIGURE_NEGATED_BEFORE);
  }

  /** Whether the word right after the figure ending at folded offset {@code end} makes it a measure ("3 weeks"). */
  boolean measureAfter(int end) {
    int next = tokens.at(end - 1) + 1;
    return measures.stream().anyMatch(w -> tokens.at(w[0]) == next);
  }

  /**
   * The words standing for the figure at {@code figure} ("the number of"): the last such words at most
   * {@value #COUNT_BEFORE} words before it, or {@code null}.
   */
  int[] countBefore(int[] figure) {
    int first = tokens.at(figure[0]);
    int[] last = null;
    for (int[] w : counts) {
      int word = tokens.at(w[1] - 1);
      if (word < first && word >= first - COUNT_BEFORE) {
        last = w;
      }
    }
    return last;
  }

  /** The places of the words introducing parts ("including"). */
  List<int[]> parts() {
    return parts;
  }

  /** Whether a word introducing parts ("including") stands between the folded offsets {@code from} and {@code to}. */
  boolean partsBetween(int from, int to) {
    return parts.stream().anyMatch(w -> w[0] >= from && w[1] <= to);
  }

  /** Whether one of {@code words} stands at most {@code before} words before the span, not inside it. */
  private boolean before(List<int[]> words, int[] span, int before) {
    int first = tokens.at(span[0]);
    for (int[] w : words) {
      int word = tokens.at(w[0]);
      if (word < first && word >= first - before) {
        return true;
      }
    }
    return false;
  }

  private boolean near(List<int[]> words, int[] span, int before, int after) {
    if (words.isEmpty()) {
      return false;
    }
    int first = tokens.at(span[0]);
    int last = Math.max(first, tokens.at(span[1] - 1));
    for (int[] w : words) {
      int word = tokens.at(w[0]);
      if (word >= first - before && word <= last + after) {
        return true;
      }
    }
    return false;
  }
}
