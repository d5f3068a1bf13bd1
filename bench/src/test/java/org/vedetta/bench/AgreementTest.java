package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgreementTest {

  @Test
  void countsEqualDocumentsAndPairsFoundByOneSideOnly() {
    Agreement a = Agreement.of(
        List.of(Set.of("russia"), Set.of("cuba", "russia"), Set.of()),
        List.of(Set.of("russia"), Set.of("russia", "georgia"), Set.of("china")), 5);

    assertThat(a.equalDocs()).isEqualTo(1);
    assertThat(a.vedettaPairs()).isEqualTo(3);
    assertThat(a.lucenePairs()).isEqualTo(4);
    assertThat(a.onlyVedetta()).isEqualTo(1);
    assertThat(a.onlyLucene()).isEqualTo(2);
    assertThat(a.byEntity()).containsOnlyKeys("cuba", "georgia", "china");
    assertThat(a.disagreements()).extracting(Agreement.Disagreement::doc).containsExactly(1, 2);
  }
}
