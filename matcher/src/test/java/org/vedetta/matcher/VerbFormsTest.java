package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * A verb form in a word list of events.yml is listed with its siblings of the same paradigm: "прибыли" as well as
 * "прибыл", "ha visitado" as well as "visitó", "reunida" as well as "reunido". A text's subject decides gender and
 * number ("Минобороны подтвердило", "las tropas enviadas"), and a form left out is a claim missed.
 */
class VerbFormsTest {

  /** The lists that hold verbs: each event's triggers, statements, acknowledgements, role words; plan words. */
  private static final Set<String> VERB_LISTS =
      Set.of("triggers", "statements", "acknowledges", "words", "planned", "negators", "negations");

  /** Words that end like a participle or a past tense and are not one. */
  private static final Set<String> NOT_VERBS = Set.of("visita", "ospita", "ospite", "valuta", "perdite", "pérdida", "pérdidas",
      "oleada", "oleadas", "musée", "ніколи");

  /** Forms left out on purpose: a noun as well, more often than the verb ("l'inviato speciale", "il mandato"). */
  private static final Set<String> LEFT_OUT = Set.of("inviato", "mandato", "mandata", "mandate");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "ru ; (.{3,}[аеёиоуыэюя])(л|ла|ло|ли) ; л,ла,ло,ли",
      "ru ; (.{3,}[аеёиоуыэюя])(лся|лась|лось|лись) ; лся,лась,лось,лись",
      "uk ; (.{3,}[аиуя])(в|ла|ло|ли) ; в,ла,ло,ли",
      "uk ; (.{3,}[аиуя])(вся|лася|лося|лися) ; вся,лася,лося,лися",
      "it ; (.{3,}[aiu]t)(o|a|i|e) ; o,a,i,e",
      "es ; (.{3,}[ai]d)(o|a|os|as) ; o,a,os,as",
      "fr ; (.{3,}é)(|e|s|es) ; ,e,s,es"})
  void everyVerbFormIsListedWithItsSiblings(String language, String paradigm, String endings) throws IOException {
    Pattern form = Pattern.compile(paradigm);
    List<String> missing = new ArrayList<>();
    for (List<String> list : verbLists(language)) {
      List<String> words = list.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
      List<String> stems = words.stream().filter(w -> w.endsWith("*")).map(w -> w.substring(0, w.length() - 1))
          .toList();
      for (String word : words) {
        Matcher m = form.matcher(word);
        if (word.contains(" ") || NOT_VERBS.contains(word) || !m.matches()) {
          continue;
        }
        for (String ending : endings.split(",", -1)) {
          String sibling = m.group(1) + ending;
          if (!words.contains(sibling) && !LEFT_OUT.contains(sibling)
              && stems.stream().noneMatch(sibling::startsWith)) {
            missing.add(word + " → " + sibling);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** Every list of one language under the keys of {@link #VERB_LISTS}, anywhere in events.yml. */
  private static List<List<String>> verbLists(String language) throws IOException {
    try (Reader in = Files.newBufferedReader(Knowledge.DIR.resolve("events.yml"))) {
      List<List<String>> lists = new ArrayList<>();
      collect(new Yaml().load(in), false, language, lists);
      return lists;
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, boolean verbs, String language, List<List<String>> lists) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if (verbs && key.equals(language) && value instanceof List<?> list) {
          lists.add(list.stream().map(String::valueOf).toList());
        } else {
          collect(value, verbs || VERB_LISTS.contains(String.valueOf(key)), language, lists);
        }
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, verbs, language, lists));
    }
  }
}
