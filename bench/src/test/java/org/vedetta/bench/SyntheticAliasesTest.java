package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SyntheticAliasesTest {

  @Test
  void picksOnlyNgramsBothEnginesMatchAlike() {
    List<String> docs = new ArrayList<>(List.of(
        "Common Market rules. The common market.",
        "the common market grows; open door policy",
        "open door, policy",
        "Rußland, so daß wir",
        "dass wir Russland",
        "dass wir"));
    for (int i = docs.size(); i < 200; i++) {
      docs.add("filler words " + i); // too frequent: in more than 1% of the documents
    }

    List<String> picked = SyntheticAliases.pick(docs, Stream.of("The", "Open"), 10);

    // Not "the common" or "open door" (words of real aliases), not "door policy" (also written "door, policy"),
    // not "dass wir" (Lucene folds "daß wir" to it too), not "filler words" (too frequent).
    assertThat(picked).containsExactly("common market");
  }

  @Test
  void wordsAreRunsOfLettersAndDigitsWithTheirSingleSpaces() {
    SyntheticAliases.Words w = SyntheticAliases.words(SyntheticAliases.fold("L'Avana,  Cuba e Mosca"));

    assertThat(w.words()).containsExactly("l", "avana", "cuba", "e", "mosca");
    assertThat(w.spaced(1, 3)).isFalse();
    assertThat(w.spaced(2, 5)).isTrue();
  }
}
