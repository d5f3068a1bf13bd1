package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole preview harness on 2,000 developments and 2,000 articles, with the real embedded broker: no
 * timing asserted. The harness itself fails unless every preview matched exactly the developments generated
 * for its draft, the live feed kept exactly the newest developments written and handed none of them to its
 * listener, and it handed on every new development once; this test checks the figures it returns as well.
 */
class PreviewBenchmarkIT {

  @Test
  void previewsMatchExactlyTheGeneratedDevelopmentsAndTheFeedHandsOnEachNewOneOnce() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    PreviewBenchmark.Outcome outcome = PreviewBenchmark.run(PreviewBenchmark.Options.parse("--developments", "2000",
        "--articles", "2000", "--live", "300", "--paced", "30", "--rate", "300", "--runs", "1"),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(outcome.narrowExpected()).as("developments generated for north_korea's troops and casualties")
        .isPositive().isLessThan(2000);
    assertThat(outcome.narrowMatched()).isEqualTo(outcome.narrowExpected());
    assertThat(outcome.narrowArticlesMentioning()).isEqualTo(outcome.narrowArticlesExpected()).isPositive();
    assertThat(outcome.broadMatched()).isEqualTo(2000);
    assertThat(outcome.developmentsRead()).isEqualTo(2000);
    assertThat(outcome.articlesRead()).isEqualTo(2000);
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.recentKept()).isEqualTo(500);
    assertThat(outcome.historyHandedOn()).as("history read to catch up, handed to the listener as new").isZero();
    assertThat(outcome.burst().sent()).isEqualTo(300);
    assertThat(outcome.burst().delivered()).isEqualTo(300);
    assertThat(outcome.burst().repeats()).isZero();
    assertThat(outcome.paced().delivered()).isEqualTo(30);
    assertThat(outcome.paced().repeats()).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("== preview", "== where a topic read's time goes", "== cost against the records in the window",
            "== live view", "burst: 300 sent as fast as possible: each delivered once");
  }
}
