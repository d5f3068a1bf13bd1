package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.model.Claim;

/**
 * Durations, ages and sums are never read as soldiers: a figure right before such a word ("3 weeks", "24-year-old",
 * "5 billion dollars") is no count, in every covered language, while the sentence's real count is still read.
 */
class MeasuresAreNoCountsTest {

  private final Matcher matcher = Knowledge.matcher();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Over the past 3 weeks, about 17,000 North Korean soldiers have arrived in Russia.             | 3  | 17000
      en | A 24-year-old North Korean soldier said that 17,000 North Korean soldiers were sent to Russia.  | 24 | 17000
      en | Russia paid 5 billion dollars for the 17,000 North Korean soldiers it deployed.                | 5  | 17000
      it | Nelle ultime 3 settimane circa 17.000 soldati nordcoreani sono arrivati in Russia.             | 3  | 17000
      it | Un soldato nordcoreano di 24 anni ha detto che 17.000 soldati nordcoreani sono stati inviati in Russia. | 24 | 17000
      fr | En 3 semaines, quelque 17 000 soldats nord-coréens ont été envoyés en Russie.                   | 3  | 17000
      de | In den vergangenen 3 Wochen hat Nordkorea rund 17.000 Soldaten nach Russland entsandt.          | 3  | 17000
      es | En las últimas 3 semanas, Corea del Norte ha enviado unos 17.000 soldados a Rusia.             | 3  | 17000
      ru | За последние 3 недели КНДР направила в Россию около 17 000 военных.                            | 3  | 17000
      uk | За останні 3 тижні КНДР направила до Росії близько 17 000 військових.                          | 3  | 17000
      """)
  void aMeasureIsNoCountButTheCountIsRead(String language, String sentence, long measure, long count) {
    String url = "https://example.org/" + Math.abs(sentence.hashCode());
    List<Claim> claims = matcher.analyze(Knowledge.article("wire", url, "", sentence, language, "2026-11-20T08:00:00Z"))
        .assessments().stream().map(Assessment::claim).toList();

    assertThat(claims).filteredOn(c -> c.quantity() != null).extracting(c -> c.quantity().low())
        .doesNotContain(measure)
        .contains(count);
  }
}
