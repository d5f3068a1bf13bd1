package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.model.Claim;

/**
 * Durations, dates, ordinals, ages and sums are never read as soldiers ("3 weeks", "on 3 November", "the 11th
 * Corps", "24-year-old", "5 billion dollars"), in each of the seven languages, while the sentence's real count is
 * still read.
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
      en | On 3 November, North Korea sent about 17,000 soldiers to Russia, Seoul said.                   | 3  | 17000
      en | The 11th Corps said North Korea had sent about 17,000 soldiers to Russia.                       | 11 | 17000
      it | Il 3 novembre la Corea del Nord ha inviato in Russia circa 17.000 soldati.                      | 3  | 17000
      it | La Russia ha pagato 5 miliardi di dollari per i 17.000 soldati nordcoreani inviati.              | 5  | 17000
      fr | Un soldat nord-coréen de 24 ans a dit que 17 000 soldats nord-coréens avaient été envoyés en Russie. | 24 | 17000
      fr | Le 3 novembre, la Corée du Nord a envoyé quelque 17 000 soldats en Russie.                      | 3  | 17000
      fr | La Russie a payé 5 milliards de dollars pour les 17 000 soldats nord-coréens envoyés.           | 5  | 17000
      de | Ein 24-jähriger Soldat sagte, Nordkorea habe 17.000 Soldaten nach Russland geschickt.            | 24 | 17000
      de | Am 3. November hat Nordkorea rund 17.000 Soldaten nach Russland entsandt.                        | 3  | 17000
      de | Russland zahlte 5 Milliarden Dollar für die 17.000 nordkoreanischen Soldaten, die entsandt wurden. | 5  | 17000
      es | Un soldado norcoreano de 24 años dijo que Corea del Norte envió 17.000 soldados a Rusia.          | 24 | 17000
      es | El 3 de noviembre, Corea del Norte envió unos 17.000 soldados a Rusia.                           | 3  | 17000
      es | Rusia pagó 5 mil millones de dólares por los 17.000 soldados norcoreanos enviados.               | 5  | 17000
      ru | 24-летний солдат рассказал, что КНДР направила в Россию 17 000 военных.                          | 24 | 17000
      ru | 3 ноября КНДР направила в Россию около 17 000 военных.                                           | 3  | 17000
      ru | Россия заплатила 5 миллиардов долларов за 17 000 военных, которых направила КНДР.                | 5  | 17000
      uk | 24-річний солдат розповів, що КНДР направила до Росії 17 000 військових.                         | 24 | 17000
      uk | 3 листопада КНДР направила до Росії близько 17 000 військових.                                   | 3  | 17000
      uk | Росія заплатила 5 мільярдів доларів за 17 000 військових, яких направила КНДР.                   | 5  | 17000
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
