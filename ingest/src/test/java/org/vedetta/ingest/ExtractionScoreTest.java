package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vedetta.ingest.internal.TestCorpus;

/** Main-text extraction on the labelled corpus must not fall below the figures it reaches. */
class ExtractionScoreTest {

  /** Macro-averaged token F1 reached on the labelled corpus; a change that lowers it fails here. */
  static final double MIN_MACRO_F1 = 0.99;
  /** No single page may fall below this. */
  static final double MIN_PAGE_F1 = 0.90;

  @Test
  void extractionKeepsItsScoreOnTheLabelledCorpus() throws Exception {
    ExtractionScore.Result result = ExtractionScore.score(TestCorpus.pages());

    assertThat(result.pages()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(result.f1()).as("macro F1").isGreaterThanOrEqualTo(MIN_MACRO_F1);
    assertThat(result.pages()).allSatisfy(page -> assertThat(page.f1()).as(page.name()).isGreaterThanOrEqualTo(MIN_PAGE_F1));
  }

  @Test
  void tokensAreLowerCasedWordsCountedAsAMultiset() {
    ExtractionScore.PageScore score = ExtractionScore.score("t", "The treaty, the TREATY! Extra words", "the treaty the treaty");

    assertThat(score.precision()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(score.recall()).isEqualTo(1.0);
    assertThat(score.f1()).isCloseTo(2 * (4.0 / 6) / (4.0 / 6 + 1), within(1e-9));
    assertThat(ExtractionScore.score("t", "", "words").f1()).isZero();
  }
}
