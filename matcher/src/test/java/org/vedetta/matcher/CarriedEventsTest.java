package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sanctions package is named once and its targets in the sentences after it ("Il vise ... des entités en Inde et
 * en Chine"): the words that carry the event on (events.yml, {@code carried_by}) make those sentences claims, but
 * only right after a sentence naming the sanctions, or up to two sentences later (a source line, a crosshead).
 */
class CarriedEventsTest {

  private final Matcher matcher = Knowledge.matcher();

  private List<String> sanctioned(String text, String language) {
    return matcher.match(Knowledge.article("wire", "https://example.org/" + text.hashCode(), "", text, language,
            "2026-11-23T08:00:00Z"))
        .assessments().stream().filter(a -> a.claim().event().equals("sanctions"))
        .map(a -> a.claim().subject()).distinct().sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      fr | Nous venons d'adopter notre 20e paquet de sanctions. Il vise des banques russes et des entités en Inde et en Chine.
      en | The EU adopted its 20th sanctions package on Monday. It targets Russian banks and companies in India and China.
      en | The EU adopted its 20th sanctions package on Monday. The move was reported by Reuters. The measures concern Russian banks and companies in India and China.
      en | The EU adopted its 20th sanctions package on Monday. This is reported by Reuters. Details. The measures concern Russian banks and companies in India and China.
      it | L'Unione europea ha approvato il 20° pacchetto di sanzioni. Colpisce banche russe e società in India e in Cina.
      ru | Евросоюз утвердил 20-й пакет санкций против России. В список включены российские банки и компании из Индии и Китая.
      fr | L'UE a adopté son 20e paquet de sanctions contre la Russie. Des entités en Inde et en Chine sont également visées.
      """)
  void theTargetsOfASanctionsPackageNamedTheSentenceBeforeAreSanctioned(String language, String text) {
    assertThat(sanctioned(text, language)).containsExactly("china", "india");
  }

  @Test
  void theTargetsOfAPackageTheLeadAnnouncesAreNewsDeepInTheText() {
    String text = """
        The European Union adopted new sanctions on Monday against 19 Chinese companies that supply Russia's army.

        The companies are based in mainland China and Hong Kong, the EU's journal says.

        The measures also cover firms in Turkey.

        The list also includes two companies in Kyrgyzstan and one in India.""";
    List<String> developments = matcher.match(Knowledge.article("wire", "https://example.org/eu-list", "", text,
            "en", "2026-11-23T08:00:00Z"))
        .developments().stream().filter(d -> d.claim().event().equals("sanctions"))
        .map(d -> d.claim().subject()).sorted().toList();

    assertThat(developments).containsExactly("china", "india", "kyrgyzstan");
  }

  @Test
  void withoutSanctionsJustBeforeTargetingWordsSanctionNobody() {
    assertThat(sanctioned("The EU adopted its 20th sanctions package on Monday. Prices rose in Brussels. Markets "
        + "fell in Paris. Oil slipped in London. The new rules concern companies in India and China.", "en")).isEmpty();
    assertThat(sanctioned("The new rules concern companies in India and China.", "en")).isEmpty();
  }

  @Test
  void aPackageAgainstRussiaThatWillIncludeAnAllysFirmsSanctionsTheAllyAsAPlan() {
    String text = "L'ultimo pacchetto di sanzioni dell'Unione Europea contro la Russia includerà quattro società, tra "
        + "cui una società commerciale cinese.";
    assertThat(sanctioned(text, "it")).containsExactly("china");
    assertThat(matcher.match(Knowledge.article("wire", "https://example.org/eu-next", "", text, "it",
            "2026-11-23T08:00:00Z")).assessments())
        .filteredOn(a -> a.claim().event().equals("sanctions"))
        .allSatisfy(a -> assertThat(a.claim().planned()).isTrue());
  }
}
