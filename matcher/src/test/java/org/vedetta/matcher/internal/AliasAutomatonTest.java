package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasAutomatonTest {

  private final AliasAutomaton<String> automaton = AliasAutomaton.build(Map.of(
      "corea del nord", List.of("kp"), "corea del sud", List.of("kr"), "corea", List.of("korea"),
      "nordcoreani", List.of("kp"), "russia", List.of("ru"), "russ", List.of("wrong"), "iran", List.of("ir")));

  private List<String> found(String text) {
    String folded = FoldedText.fold(text);
    return automaton.find(folded).stream().map(h -> folded.substring(h.start(), h.end()) + "=" + h.targets().get(0))
        .toList();
  }

  @Test
  void findsLongestWholeWordsLeftToRight() {
    assertThat(found("La Corea del Nord e la Corea del Sud; la Corea.")).containsExactly(
        "corea del nord=kp", "corea del sud=kr", "corea=korea");
  }

  @Test
  void ignoresCaseAccentsAndPartsOfWords() {
    assertThat(found("RUSSIA, Russian, Iranian, IRAN, nordcoreani, Nordcoreanì")).containsExactly(
        "russia=ru", "iran=ir", "nordcoreani=kp", "nordcoreani=kp");
  }

  @Test
  void foldedOffsetsMapBackToTheOriginal() {
    String original = "Lo scià dell’Iran e la Corea del Nord";
    FoldedText text = FoldedText.of(original);
    List<AliasAutomaton.Hit<String>> hits = automaton.find(text.folded());
    assertThat(hits).hasSize(2);
    AliasAutomaton.Hit<String> korea = hits.get(1);
    assertThat(original.substring(text.originalStart(korea.start()), text.originalEnd(korea.end())))
        .isEqualTo("Corea del Nord");
    AliasAutomaton.Hit<String> iran = hits.get(0);
    assertThat(original.substring(text.originalStart(iran.start()), text.originalEnd(iran.end()))).isEqualTo("Iran");
  }
}
