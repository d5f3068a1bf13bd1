package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTest {

  /** The score of {@code pattern} around the only figure of {@code sentence}, or -1. */
  private static int score(String pattern, String sentence) {
    return score(pattern, sentence, List.of());
  }

  /** As {@link #score(String, String)}, with {@code freeWords} (folded) passed over freely by gaps. */
  private static int score(String pattern, String sentence, List<String> freeWords) {
    String folded = FoldedText.fold(sentence);
    List<NumberReader.Figure> figures = NumberReader.read(folded);
    Tokens tokens = Tokens.of(folded);
    boolean[] figureWord = new boolean[tokens.size()];
    for (NumberReader.Figure f : figures) {
      for (int t = tokens.at(f.start()); t < tokens.size() && tokens.start(t) < f.end(); t++) {
        figureWord[t] = true;
      }
    }
    NumberReader.Figure f = figures.get(0);
    int first = tokens.at(f.start());
    boolean[] free = new boolean[tokens.size()];
    for (int t = 0; t < tokens.size(); t++) {
      free[t] = freeWords.contains(folded.substring(tokens.start(t), tokens.end(t)));
    }
    return Phrase.compile(pattern).score(tokens, first, Math.max(first, tokens.at(f.end() - 1)), figureWord, free);
  }

  @Test
  void matchesWordsAroundTheFigure() {
    assertThat(score("{n} more", "Kim will send 6,000 more soldiers")).isGreaterThanOrEqualTo(0);
    assertThat(score("another {n}", "Pyongyang sent another 3,000 troops")).isGreaterThanOrEqualTo(0);
    assertThat(score("{n} more", "6,000 soldiers, more or less")).isEqualTo(-1);
  }

  @Test
  void aGapStandsForUpToThreeWordsAndNeverCrossesAFigure() {
    assertThat(score("{n} … killed", "300 North Korean soldiers killed")).isGreaterThanOrEqualTo(0);
    assertThat(score("{n} … killed", "300 North Korean soldiers were then killed")).isEqualTo(-1);
    assertThat(score("{n} … wounded", "300 killed and 2,700 wounded")).isEqualTo(-1);
  }

  @Test
  void aGapPassesOverTheNamesAndUnitsFreely() {
    List<String> free = List.of("north", "korean", "soldiers");
    assertThat(score("{n} … killed or wounded", "3,000 North Korean soldiers have been killed or wounded", free))
        .isGreaterThanOrEqualTo(0)
        .isEqualTo(score("{n} … killed or wounded", "3,000 have been killed or wounded"));
    assertThat(score("{n} … killed", "300 North Korean soldiers were then very sadly killed", free)).isEqualTo(-1);
  }

  @Test
  void onEqualTermsTheWordsAfterTheFigureWin() {
    String sentence = "Many died and 4,000 were wounded";
    assertThat(score("{n} … wounded", sentence)).isLessThan(score("died … {n}", sentence));
  }

  @Test
  void stemsAndAccentsAreFolded() {
    assertThat(score("{n} … bless*", "1 000 soldats nord-coréens blessés")).isGreaterThanOrEqualTo(0);
    assertThat(score("{n} … погиб*", "около 600 военных КНДР погибли")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void tighterAndLongerPhrasesScoreBetter() {
    String sentence = "1,100 North Korean soldiers killed or wounded";
    int losses = score("{n} … killed or wounded", sentence);
    int killed = score("{n} … killed", sentence);
    assertThat(losses).isGreaterThanOrEqualTo(0).isLessThan(killed);
    assertThat(score("{n} soldiers", "300 soldiers")).isLessThan(score("{n} … soldiers", "300 brave soldiers"));
  }

  @Test
  void aPatternHoldsTheFigureOnceAndSomethingElse() {
    assertThatThrownBy(() -> Phrase.compile("more soldiers")).hasMessageContaining("{n}");
    assertThatThrownBy(() -> Phrase.compile("{n} and {n}")).hasMessageContaining("twice");
    assertThatThrownBy(() -> Phrase.compile("{n}")).hasMessageContaining("nothing but");
  }
}
