package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      it | Il parlamento bielorusso ha ratificato oggi il trattato con la Russia sulle garanzie di sicurezza, firmato a Minsk lo scorso dicembre dai due presidenti.
      en | The Belarusian parliament on Wednesday ratified the treaty with Russia on security guarantees, which the two presidents signed in Minsk in December.
      fr | Le parlement biélorusse a ratifié mercredi le traité avec la Russie sur les garanties de sécurité, signé à Minsk en décembre par les deux présidents.
      de | Das belarussische Parlament hat am Mittwoch den Vertrag mit Russland über Sicherheitsgarantien ratifiziert, den die beiden Präsidenten im Dezember unterzeichnet hatten.
      es | El parlamento bielorruso ratificó el miércoles el tratado con Rusia sobre garantías de seguridad, firmado en Minsk en diciembre por los dos presidentes.
      ru | Парламент Белоруссии в среду ратифицировал договор с Россией о гарантиях безопасности, который президенты двух стран подписали в Минске в декабре.
      uk | Парламент Білорусі в середу ратифікував договір з Росією про гарантії безпеки, який президенти двох країн підписали в Мінську в грудні.
      """)
  void detectsTheLanguagesOfVedettasSourcesOnAParagraph(String expected, String paragraph) {
    assertThat(Languages.detect(paragraph)).isEqualTo(expected);
  }

  @Test
  void saysNothingOnTooLittleText() {
    assertThat(Languages.detect("Minsk, 2025")).isNull();
    assertThat(Languages.detect("")).isNull();
    assertThat(Languages.detect(null)).isNull();
  }

  @Test
  void readsLanguageTags() {
    assertThat(Languages.code("it_IT")).isEqualTo("it");
    assertThat(Languages.code("EN-gb")).isEqualTo("en");
    assertThat(Languages.code("english")).isNull();
    assertThat(Languages.first(null, " ", "ru_RU", "en")).isEqualTo("ru");
  }
}
