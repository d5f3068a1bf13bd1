package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vedetta.model.Qualifier;

class NumberReaderTest {

  private static NumberReader.Figure only(String sentence) {
    List<NumberReader.Figure> figures = NumberReader.read(FoldedText.fold(sentence));
    assertThat(figures).as("figures in: %s", sentence).hasSize(1);
    return figures.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      circa 1.500 soldati sono stati inviati                      | 1500  | 1500  | ABOUT
      aveva schierato tra i 10.000 e i 12.000 soldati in Russia   | 10000 | 12000 | ABOUT
      between 10,000 and 12,000 troops                            | 10000 | 12000 | ABOUT
      10,000–12,000 troops                                        | 10000 | 12000 | ABOUT
      some 10,000 troops                                          | 10000 | 10000 | ABOUT
      10,000 troops                                               | 10000 | 10000 | EXACT
      diecimila soldati                                           | 10000 | 10000 | EXACT
      ten thousand soldiers                                       | 10000 | 10000 | EXACT
      quindici mila soldati                                       | 15000 | 15000 | EXACT
      15 mila soldati                                             | 15000 | 15000 | EXACT
      oltre 3.000 soldati                                         | 3000  | 1000000000000000000 | AT_LEAST
      от 10 до 12 тысяч военных                                   | 10000 | 12000 | ABOUT
      1 500 soldats                                               | 1500  | 1500  | EXACT
      migliaia di soldati                                         | 1000  | 9999  | VAGUE
      thousands of troops                                         | 1000  | 9999  | VAGUE
      entre 10 000 et 12 000 soldats                              | 10000 | 12000 | ABOUT
      zwischen 10.000 und 12.000 Soldaten                         | 10000 | 12000 | ABOUT
      entre 10.000 y 12.000 soldados                              | 10000 | 12000 | ABOUT
      від 10 до 12 тисяч військових                               | 10000 | 12000 | ABOUT
      environ 15 000 soldats                                      | 15000 | 15000 | ABOUT
      etwa 15.000 Soldaten                                        | 15000 | 15000 | ABOUT
      unos 15.000 soldados                                        | 15000 | 15000 | ABOUT
      около 15 тысяч военных                                      | 15000 | 15000 | ABOUT
      zehntausend Soldaten                                        | 10000 | 10000 | EXACT
      dix mille soldats                                           | 10000 | 10000 | EXACT
      diez mil soldados                                           | 10000 | 10000 | EXACT
      десять тысяч солдат                                         | 10000 | 10000 | EXACT
      des milliers de soldats                                     | 1000  | 9999  | VAGUE
      Tausende Soldaten                                           | 1000  | 9999  | VAGUE
      щонайменше 600 солдатів                                     | 600   | 1000000000000000000 | AT_LEAST
      майже 2 тисячі військових                                   | 2000  | 2000  | ABOUT
      environ six cents militaires nord-coréens                   | 600   | 600   | ABOUT
      deux cents soldats                                          | 200   | 200   | EXACT
      circa seicento soldati                                      | 600   | 600   | ABOUT
      unos seiscientos soldados                                   | 600   | 600   | ABOUT
      capturado a dos soldados norcoreanos                        | 2     | 2     | EXACT
      Twenty-six Indian nationals were killed                     | 26    | 26    | EXACT
      seis soldados muertos                                       | 6     | 6     | EXACT
      около шестисот                                              | 600   | 600   | ABOUT
      sechshundert Soldaten                                       | 600   | 600   | EXACT
      близько шістсот військових                                  | 600   | 600   | ABOUT
      число убитых и раненых превысило 3 тысячи                   | 3000  | 1000000000000000000 | AT_LEAST
      il numero dei soldati uccisi ha già superato i 3.000        | 3000  | 1000000000000000000 | AT_LEAST
      el total de militares no excederá los 9.000 efectivos       | 0     | 9000  | UP_TO
      не более 9 тысяч военнослужащих                             | 0     | 9000  | UP_TO
      не більше 9 тисяч військових                                | 0     | 9000  | UP_TO
      no more than 9,000 troops                                   | 0     | 9000  | UP_TO
      pas plus de 9 000 soldats                                   | 0     | 9000  | UP_TO
      nicht mehr als 9.000 Soldaten                               | 0     | 9000  | UP_TO
      non più di 9.000 soldati                                    | 0     | 9000  | UP_TO
      entre janvier et février, 1 000 à 3 000 soldats            | 1000  | 3000  | ABOUT
      i morti sono vicini ai 2.000                                | 2000  | 2000  | ABOUT
      nine soldiers                                               | 9     | 9     | EXACT
      девяти бойцам                                               | 9     | 9     | EXACT
      около шести тысяч военнослужащих                            | 6000  | 6000  | ABOUT
      направит тысячу саперов                                     | 1000  | 1000  | EXACT
      около тысячи солдат                                         | 1000  | 1000  | ABOUT
      кількість поранених може сягнути до тисячі                  | 0     | 1000  | UP_TO
      Дев'ятеро з них загинули                                    | 9     | 9     | EXACT
      погибли пятеро военных                                      | 5     | 5     | EXACT
      alrededor de un millar ya llegó                             | 1000  | 1000  | ABOUT
      superaría los 15.000 militares                              | 15000 | 1000000000000000000 | AT_LEAST
      """)
  void readsFiguresAsEachLanguageWritesThem(String sentence, long low, long high, Qualifier qualifier) {
    NumberReader.Figure f = only(sentence);
    assertThat(f.low()).isEqualTo(low);
    assertThat(f.high()).isGreaterThanOrEqualTo(high);
    assertThat(f.high()).isLessThanOrEqualTo(Math.max(high, Long.MAX_VALUE / 4));
    assertThat(f.qualifier()).isEqualTo(qualifier);
  }

  @Test
  void readsPercentagesWithUpTo() {
    NumberReader.Figure f = only("la Corea del Nord fornisca fino al 40% delle munizioni russe");
    assertThat(f.percent()).isTrue();
    assertThat(f.qualifier()).isEqualTo(Qualifier.UP_TO);
    assertThat(f.high()).isEqualTo(40);
  }

  @ParameterizedTest
  @ValueSource(strings = {"гарантировать 100-процентную безопасность", "eine 50-prozentige Beteiligung",
      "une hausse de 12 pour cent", "un aumento del 12 por ciento", "зросли на 12 відсотків"})
  void aShareJoinedOrSpelledInAnyLanguageIsAPercentage(String text) {
    assertThat(only(text).percent()).isTrue();
  }

  @Test
  void datesAndOrdinalsAreNotFigures() {
    assertThat(NumberReader.read(FoldedText.fold("L'annuncio, fatto il 28 aprile, e l'80° anniversario"))).isEmpty();
  }

  @Test
  void modelDesignationsAreNotFigures() {
    assertThat(NumberReader.read(FoldedText.fold("прибыла очередная партия истребителей Су-30СМ2 и систем С-400")))
        .isEmpty();
    assertThat(NumberReader.read(FoldedText.fold("MiG-29 fighters and S-400 systems"))).isEmpty();
  }

  @Test
  void ranksAndScoresAreNotFigures() {
    assertThat(NumberReader.read(FoldedText.fold("the 528th Regiment and the 23ª Cumbre"))).isEmpty();
    assertThat(NumberReader.read(FoldedText.fold("des membres du 528ᵉ régiment du génie"))).isEmpty();
    assertThat(NumberReader.read(FoldedText.fold("Qatar a été battu par le Kirghizistan (3-1)"))).isEmpty();
  }

  @Test
  void spelledNumbersAreMarkedAsSuch() {
    assertThat(only("nine North Korean engineers").spelled()).isTrue();
    assertThat(only("9 North Korean engineers").spelled()).isFalse();
  }

  @Test
  void yearsAreMarkedAsSuch() {
    List<NumberReader.Figure> figures = NumberReader.read(FoldedText.fold("nel 2024 con la firma, nell'ottobre 2024"));
    assertThat(figures).isNotEmpty().allMatch(NumberReader.Figure::yearLike);
  }

  @Test
  void decimalsWithMultipliers() {
    assertThat(only("2.5 million shells").low()).isEqualTo(2_500_000);
    assertThat(only("1,5 milioni di proiettili").low()).isEqualTo(1_500_000);
  }
}
