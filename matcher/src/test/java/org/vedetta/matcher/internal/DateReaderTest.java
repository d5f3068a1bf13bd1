package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateReaderTest {

  private static final LocalDate PUBLISHED = LocalDate.of(2025, 10, 28);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      L'annuncio, fatto il 28 aprile, è arrivato                 | 2025-04-28 | DAY
      firmato il 19 giugno 2024 a Pyongyang                      | 2024-06-19 | DAY
      signed on June 19, 2024                                    | 2024-06-19 | DAY
      Filmati emersi nell'ottobre 2024 mostrano                  | 2024-10-01 | MONTH
      in June 2024 the two leaders                               | 2024-06-01 | MONTH
      un trattato firmato nel 2024                               | 2024-01-01 | YEAR
      l'accordo firmato lo scorso anno                           | 2024-01-01 | YEAR
      the treaty signed last year                                | 2024-01-01 | YEAR
      il ministro ha confermato oggi                             | 2025-10-28 | DAY
      secondo valutazioni di settembre                           | 2025-09-01 | MONTH
      a dicembre                                                 | 2024-12-01 | MONTH
      last month                                                 | 2025-09-01 | MONTH
      signé le 19 juin 2024                                      | 2024-06-19 | DAY
      am 19. Juni 2024 unterzeichnet                             | 2024-06-19 | DAY
      firmado el 19 de junio de 2024                             | 2024-06-19 | DAY
      подписан 19 июня 2024 года                                 | 2024-06-19 | DAY
      підписаний 19 червня 2024 року                             | 2024-06-19 | DAY
      l'an dernier                                               | 2024-01-01 | YEAR
      im vergangenen Jahr                                        | 2024-01-01 | YEAR
      в прошлом году                                             | 2024-01-01 | YEAR
      Moscú, 5 sep (EFE).- Efectivos norcoreanos                 | 2025-09-05 | DAY
      WP noted that the plane arrived on Oct. 26                 | 2025-10-26 | DAY
      в конце 2017 года ООН ужесточила санкции                   | 2017-01-01 | YEAR
      à la fin 2017, puis début 2018                             | 2017-01-01 | YEAR
      Ende 2017 verschärfte die UNO                              | 2017-01-01 | YEAR
      Як повідомили джерела, делегація прибула в п'ятницю        | 2025-10-24 | DAY
      Lo ha ricordato il ministro, citando l'accordo dell'anno scorso | 2024-01-01 | YEAR
      Le 3 divisioni, schierate il 12 marzo 2025                 | 2025-03-12 | DAY
      Con 12.000 soldati, presenti dal 2024                      | 2024-01-01 | YEAR
      Санкции, введенные в июле                                  | 2025-07-01 | MONTH
      запроваджені у липні санкції ЄС                            | 2025-07-01 | MONTH
      в конце сентября делегация прибыла                         | 2025-09-01 | MONTH
      наприкінці вересня делегація прибула                       | 2025-09-01 | MONTH
      Anfang September reiste die Delegation                     | 2025-09-01 | MONTH
      signed in mid-September                                    | 2025-09-01 | MONTH
      firmado a principios de septiembre                         | 2025-09-01 | MONTH
      Entre 2005 y 2013, Venezuela compró a Rusia armamento      | 2005-01-01 | YEAR
      between 2005 and 2013 Venezuela bought Russian jets        | 2005-01-01 | YEAR
      zwischen 2005 und 2013 kaufte Venezuela                    | 2005-01-01 | YEAR
      """)
  void readsAbsoluteAndRelativeDates(String sentence, LocalDate date, DateReader.Precision precision) {
    assertThat(DateReader.read(FoldedText.fold(sentence), PUBLISHED)).get()
        .returns(date, DateReader.StatedDate::date).returns(precision, DateReader.StatedDate::precision);
  }
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Путін відвідає Індію 6 грудня                              | 2025-12-06 | 2025-12-06
      Le système arriverait dans son pays en décembre            | 2025-12-01 | 2025-12-31
      They will meet on Friday                                   | 2025-10-31 | 2025-10-31
      The summit will take place on 5 December 2024              | 2024-12-05 | 2024-12-05
      Talks will continue in October                             | 2025-10-01 | 2025-10-31
      “Орєшнік” поставлять на бойове чергування у Білорусі у грудні | 2025-12-01 | 2025-12-31
      Переговоры пройдут в декабре                               | 2025-12-01 | 2025-12-31
      """)
  void aPlanNamingADayOrMonthAloneMeansTheNextOne(String sentence, LocalDate first, LocalDate last) {
    DateReader.StatedDate date = DateReader.read(FoldedText.fold(sentence), PUBLISHED).orElseThrow()
        .ahead(PUBLISHED);
    assertThat(date.date()).isEqualTo(first);
    assertThat(date.lastDay()).isEqualTo(last);
  }


  @Test
  void aRangeOfFiguresIsNoRangeOfYears() {
    assertThat(DateReader.read(FoldedText.fold("entre 2000 y 3000 soldados norcoreanos"), PUBLISHED)).isEmpty();
  }

  @Test
  void theDayOfADateIsKnownAsSuch() {
    String folded = FoldedText.fold("Moscú, 5 sep (EFE).- Efectivos norcoreanos, 600 soldados");
    assertThat(DateReader.isDayOfDate(folded, folded.indexOf('5'), folded.indexOf('5') + 1)).isTrue();
    assertThat(DateReader.isDayOfDate(folded, folded.indexOf("600"), folded.indexOf("600") + 3)).isFalse();
  }

  @Test
  void aDayWrittenAsAnOrdinalEndsNoSentenceButAnyOtherNumberMay() {
    assertThat(Sentences.split("Pjöngjang hatte es am 28. April 2025 bestätigt. Danach kam mehr.")).hasSize(2);
    assertThat(Sentences.split("The plane arrived on October 26. The day before, Moscow approved it.")).hasSize(2);
  }
}
