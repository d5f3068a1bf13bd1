package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.Fixtures;

/** The Italian bundle says everything the English one says, and every message is a valid pattern. */
class DigestBundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = DigestBundlesTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void italianHasExactlyTheKeysOfEnglish() throws IOException {
    Properties english = load("digest.properties");
    Properties italian = load("digest_it.properties");
    assertThat(english).isNotEmpty();
    assertThat(italian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
  }

  @Test
  void everyMessageIsAValidPatternWithTheSameArgumentsInBothLanguages() throws IOException {
    Properties english = load("digest.properties");
    Properties italian = load("digest_it.properties");
    for (String key : english.stringPropertyNames()) {
      if (key.startsWith("date.")) {
        continue; // DateTimeFormatter patterns
      }
      MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ENGLISH);
      MessageFormat it = new MessageFormat(italian.getProperty(key, ""), Locale.ITALIAN);
      assertThat(it.getFormatsByArgumentIndex()).as(key).hasSameSizeAs(en.getFormatsByArgumentIndex());
    }
  }

  @Test
  void theWordingReadsTheBundleOfItsLanguage() {
    assertThat(new Wording("it", (id, language) -> id).message("count.developments", 2)).isEqualTo("2 novità");
    assertThat(new Wording("en", (id, language) -> id).message("count.developments", 1))
        .isEqualTo("1 new development");
    assertThat(new Wording("it", (id, language) -> id).message("footer.unsubscribe"))
        .isEqualTo("Annulla l'iscrizione");
  }

  @Test
  void headlinesLeaveTheFocusStateUnnamedAndNameAnyOtherCounterparty() {
    Development arms = Developments.belarusArms();
    Claim c = arms.claim();
    Claim fromChina = new Claim(c.subject(), c.event(), "china", null, null, c.date(), c.sentence(), c.start(),
        c.end(), null, c.highlights(), null);
    Development china = new Development(arms.schema(), arms.id(), arms.claimKey(), arms.verdict(), arms.severity(),
        arms.headline(), fromChina, arms.evidence(), arms.comparedFacts(), arms.known(), arms.knownFacts(),
        arms.detectedAt());
    Wording wording = new Wording("en", Fixtures.NAMES, "russia");
    assertThat(wording.headline(arms)).isEqualTo("Belarus — arms supply");
    assertThat(wording.headline(china)).isEqualTo("Belarus — arms supply (China)");
    assertThat(new Wording("en", Fixtures.NAMES).headline(arms)).isEqualTo("Belarus — arms supply (Russia)");
  }
}
