package org.vedetta.matcher.eval;

/**
 * Counts of one comparison of predicted against expected items.
 *
 * @param truePositives  predicted and expected
 * @param falsePositives predicted, not expected
 * @param falseNegatives expected, not predicted
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {

  public static final Score ZERO = new Score(0, 0, 0);

  public Score plus(Score other) {
    return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives);
  }

  /** 1.0 when nothing was predicted. */
  public double precision() {
    int predicted = truePositives + falsePositives;
    return predicted == 0 ? 1.0 : (double) truePositives / predicted;
  }

  /** 1.0 when nothing was expected. */
  public double recall() {
    int expected = truePositives + falseNegatives;
    return expected == 0 ? 1.0 : (double) truePositives / expected;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
