package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.HostileText;

/**
 * Pages written to exhaust the matcher (generated here, not stored) are read within bounds: a run-on megabyte of
 * figures with no sentence break states a bounded number of claims, each with a bounded excerpt of evidence, and
 * the next article is read as usual. Their cost is measured in {@code bench/} (HostileInputBenchmark).
 */
class HostileInputTest {

  private final Matcher matcher = Knowledge.matcher();

  @Test
  void aMegabyteOfRunOnFiguresStatesBoundedClaimsWithBoundedEvidence() {
    String text = HostileText.runOnFigures(1_000_000);

    MatchResult result = matcher.match(Knowledge.article("hostile", "https://example.org/run-on", "Corea del Nord",
        text, "it", "2026-11-20T08:00:00Z"));

    assertThat(result.assessments()).isNotEmpty().hasSizeLessThanOrEqualTo(100);
    assertThat(result.assessments())
        .allSatisfy(a -> assertThat(a.claim().sentence().length()).isLessThanOrEqualTo(1_500));
    assertThat(result.tagged()).hasValueSatisfying(t -> assertThat(t.mentions()).hasSizeLessThanOrEqualTo(1_000 + 10));

    MatchResult next = matcher.match(Knowledge.article("wire", "https://example.org/next", "",
        "Pyongyang has sent 3,000 more North Korean soldiers to Russia, Seoul said on Friday.", "en",
        "2026-11-21T08:00:00Z"));
    assertThat(next.developments()).singleElement()
        .satisfies(d -> assertThat(d.claim().quantity().low()).isEqualTo(3000));
  }

  @Test
  void aMegabyteHeadlineIsReadUpToItsFirstThousandCharacters() {
    String headline = HostileText.runOnFigures(1_000_000);

    MatchResult result = matcher.match(Knowledge.article("hostile", "https://example.org/headline", headline,
        "Pyongyang has sent 3,000 more North Korean soldiers to Russia, Seoul said on Friday.", "en",
        "2026-11-20T08:00:00Z"));

    assertThat(result.tagged()).hasValueSatisfying(t -> assertThat(t.mentions())
        .filteredOn(m -> m.inTitle()).allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(1_000)));
    assertThat(result.developments()).singleElement()
        .satisfies(d -> assertThat(d.claim().quantity().low()).isEqualTo(3000));
  }
}
