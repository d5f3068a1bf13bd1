package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.model.Mention;

/**
 * Ambiguous names count only in their sense, and names that are a lower-case word elsewhere only written with a
 * capital: the rules are data in entities.yml, checked here on sentences.
 */
class ContextRulesTest {

  private static final Mentions MENTIONS = new Mentions(Knowledge.SET);

  private static List<String> ids(String text) {
    return MENTIONS.find(text).stream().map(Mention::entityId).toList();
  }

  @ParameterizedTest(name = "{1} not in: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      The governor of Georgia signed the budget in Atlanta on Tuesday.              | georgia
      Cuba beat Mexico 2-1 in the Gold Cup, with a late goal from the captain.        | cuba
      Tourists love Cuba for its beaches and its old cars.                            | cuba
      Serbia beat Italy in the Davis Cup final as Djokovic won both his matches.      | serbia
      Il serbo Djokovic ha vinto il torneo di Roma in tre set.                         | serbia
      El plátano maduro se vende a dos euros el kilo.                                 | nicolas_maduro
      Las sanciones contra Rusia irán dirigidas contra productos de doble uso.        | iran
      Il governo di Mosca ha scelto una china pericolosa, disse il ministro.           | china
      Una mosca è entrata nella sala durante il vertice di Roma.                        | russia
      Kim won the women's final in Seoul on Sunday.                                   | kim_jong_un
      """)
  void anAmbiguousNameOutOfContextIsNotAMention(String sentence, String entity) {
    assertThat(ids(sentence)).doesNotContain(entity);
  }

  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      Russian troops remain in Georgia's breakaway regions near Tbilisi.              | georgia
      Cuba and Russia signed a military cooperation plan in Havana.                   | cuba
      Serbia's government refused to join EU sanctions against Russia.                | serbia
      Maduro thanked Russia for its support to the government in Caracas.             | nicolas_maduro
      Irán entregará drones a Rusia, según la inteligencia estadounidense.            | iran
      La Cina e Mosca hanno firmato un accordo, mentre la China Daily tace.            | china
      """)
  void theSameNameInContextIsAMention(String sentence, String entity) {
    assertThat(ids(sentence)).contains(entity);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Kim Jong Un opened the plant. Later, Kim thanked the soldiers who fought in Kursk.   | kim_jong_un | 2
      Im Juni traf Putin Kim Jong Un. Im Rahmen des Paktes entsandte Kim Soldaten.       | kim_jong_un | 2
      Кім Чен Ин відкрив завод. Пізніше Кім подякував солдатам.                           | kim_jong_un | 2
      Kim thanked the soldiers. Kim Jong Un had opened the plant the day before.           | kim_jong_un | 1
      Xi Jinping arrived in Moscow on Monday. Xi and Putin then signed a declaration.      | xi_jinping  | 2
      Louis XI ruled France. Xi Jinping visited Paris.                                     | xi_jinping  | 1
      """)
  void aShortNameIsTheEntityOnceTheTextHasNamedItInFull(String text, String entity, int mentions) {
    assertThat(ids(text)).filteredOn(entity::equals).hasSize(mentions);
  }
}
