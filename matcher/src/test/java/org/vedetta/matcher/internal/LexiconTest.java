package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private static List<String> found(WordList list, String folded) {
    return list.find(folded).stream().map(at -> folded.substring(at[0], at[1])).toList();
  }

  @Test
  void findsWordsStemsAndPhrasesAsWholeWordsInOrder() {
    WordList troops = WordList.of(Map.of("en", List.of("troops", "soldier*", "armed forces"),
        "it", List.of("soldat*")));
    String sentence = FoldedText.fold("Armed forces: 6,000 soldiers, the soldati and troops, not troopships");

    assertThat(found(troops, sentence)).containsExactly("armed forces", "soldiers", "soldati", "troops");
    assertThat(troops.occursIn(FoldedText.fold("Troopships and forces armed"))).isFalse();
  }

  @Test
  void listsOfOneLexiconKeepTheirOwnWordsWhenTheyShareSome() {
    Lexicon lexicon = new Lexicon();
    WordList triggers = lexicon.add(Map.of("en", List.of("sent", "deploy*", "sent troops")));
    WordList units = lexicon.add(Map.of("en", List.of("troops", "deploy*")));
    WordList none = lexicon.add(Map.of("en", List.of("  ")));
    String sentence = FoldedText.fold("Kim sent troops and deployed more troops");

    assertThat(found(triggers, sentence)).containsExactly("sent", "sent troops", "deployed");
    assertThat(found(units, sentence)).containsExactly("troops", "deployed", "troops");
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.occursIn(sentence)).isFalse();
    // The same sentence again, and another one: read afresh, not from the last sentence kept.
    assertThat(found(triggers, sentence)).containsExactly("sent", "sent troops", "deployed");
    assertThat(found(units, FoldedText.fold("no soldiers here"))).isEmpty();
  }

  @Test
  void aWordMatchingAListTwiceCountsOnce() {
    WordList list = WordList.of(Map.of("en", List.of("russia", "rus*", "russ*"), "de", List.of("russia")));

    assertThat(found(list, "russia and russland")).containsExactly("russia", "russland");
  }

  @Test
  void listsAddedAfterASentenceWasReadAreFoundInIt() {
    Lexicon lexicon = new Lexicon();
    WordList first = lexicon.add(Map.of("en", List.of("kim")));
    String sentence = "kim met putin";
    assertThat(first.occursIn(sentence)).isTrue();

    WordList second = lexicon.add(Map.of("en", List.of("putin")));

    assertThat(found(second, sentence)).containsExactly("putin");
  }

  @Test
  void aStemMayHoldAnApostropheOrAHyphen() {
    WordList premier = WordList.of(Map.of("uk", List.of("прем'єр*", "відеозв'яз*", "прем'єр-міністр*"),
        "ru", List.of("пресс-конференц*")));
    String sentence = FoldedText.fold("Прем’єра не було: прем'єрка, премʼєр-міністра і відеозв'язок, прем єр, прем' "
        + "на пресс‑конференции, пресс конференция");

    assertThat(found(premier, sentence))
        .containsExactly("прем'єра", "прем'єрка", "прем'єр-міністра", "відеозв'язок", "пресс-конференции");
  }
}
