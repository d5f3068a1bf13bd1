package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.matcher.knowledge.Entity;

/**
 * An adjective naming a state is listed in every form its language declines it to: a text says "in russischem
 * Besitz" or "у білоруській армії" as often as the forms an analyst thinks of first, and a form left out is a
 * mention missed (and the claim it would have carried).
 */
class DemonymFormsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "de | isch | ,e,en,er,es,em",
      "ru | ск   | ий,ая,ое,ие,ого,ому,им,ом,ой,ую,их,ими",
      "uk | ськ  | ий,а,е,і,ого,ому,им,ій,у,их,ими"})
  void everyAdjectiveOfAStateIsListedInAllItsForms(String language, String suffix, String endings) {
    List<String> forms = List.of(endings.split(",", -1));
    String alternatives = String.join("|", forms.stream().sorted((a, b) -> b.length() - a.length()).toList());
    Pattern adjective = Pattern.compile("(.*" + suffix + ")(" + alternatives + ")");
    List<String> missing = new ArrayList<>();
    for (Entity e : Knowledge.SET.entities()) {
      List<String> names = e.names().getOrDefault(language, List.of());
      Set<String> listed = new LinkedHashSet<>();
      names.forEach(n -> listed.add(n.toLowerCase(Locale.ROOT)));
      Set<String> stems = new LinkedHashSet<>();
      for (String name : listed) {
        Matcher m = adjective.matcher(name);
        // A city whose name ends like an adjective ("Минск", "Дамаск") declines as a noun.
        boolean city = !forms.contains("") && listed.contains(m.matches() ? m.group(1) : name);
        if (!name.contains(" ") && m.matches() && !city) {
          stems.add(m.group(1));
        }
      }
      for (String stem : stems) {
        forms.stream().map(ending -> stem + ending).filter(form -> !listed.contains(form))
            .forEach(form -> missing.add(e.id() + ": " + form));
      }
    }
    assertThat(missing).isEmpty();
  }
}
