package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.vedetta.ingest.internal.TestCorpus;

/**
 * Main text on real pages nobody here wrote or tuned on: the readability benchmark's frozen test part (see the
 * folder's README). The floors are the figures reached, so that no change makes extraction worse on real pages; the
 * target is higher (F1 0.96 at precision 0.95).
 */
class ReadabilityPagesTest {

  /**
   * Macro F1 reached on the committed test pages (0.949, precision 0.980; 0.925 before the lenient pass for layouts
   * named like boilerplate, 0.915 before copies and layout names were handled).
   */
  static final double MIN_MACRO_F1 = 0.945;
  static final double MIN_MACRO_PRECISION = 0.97;

  @Test
  void extractionKeepsItsScoreOnRealPages() throws Exception {
    ExtractionScore.Result result = ExtractionScore.score(TestCorpus.readability());

    assertThat(result.pages()).hasSize(41);
    assertThat(result.f1()).as("macro F1").isGreaterThanOrEqualTo(MIN_MACRO_F1);
    assertThat(result.precision()).as("macro precision").isGreaterThanOrEqualTo(MIN_MACRO_PRECISION);
  }

  @Test
  void metadataKeepsItsScoreOnRealPages() throws Exception {
    // Reached: title 26 of 40, author 12 of 17, language 17 of 17, date 7 of 7.
    assertThat(MetadataScore.score(TestCorpus.readability())).extracting(MetadataScore.Field::name,
        f -> f.share() >= switch (f.name()) {
          case "title" -> 0.65;
          case "author" -> 0.70;
          default -> 1.0;
        }).containsExactly(tuple("title", true), tuple("author", true), tuple("language", true), tuple("date", true));
  }
}
