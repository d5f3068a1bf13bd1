package org.vedetta.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentValuesTest {

  private static final Map<String, String> ENV = Map.of("KAFKA", "k1:9092,k2:9092", "EMPTY", "");

  @Test
  void aSetVariableIsItsValueAndAnUnsetOneItsDefault() {
    String text = """
        kafka:
          bootstrap_servers: ${KAFKA:-kafka:9092}
        database:
          url: ${DATABASE_URL:-jdbc:postgresql://postgres:5432/vedetta}
          password: ${EMPTY:-vedetta}
        """;
    assertThat(EnvironmentValues.substitute(text, "application.yml", ENV::get)).isEqualTo("""
        kafka:
          bootstrap_servers: k1:9092,k2:9092
        database:
          url: jdbc:postgresql://postgres:5432/vedetta
          password: vedetta
        """);
  }

  @Test
  void anUnsetVariableWithoutDefaultIsAProblemOnItsLine() {
    assertThatThrownBy(() -> EnvironmentValues.substitute("""
        data_dir: var
        http:
          token: ${CONSOLE_TOKEN}
        """, "config/application.yml", ENV::get))
        .isInstanceOf(SettingsException.class)
        .extracting(e -> ((SettingsException) e).problems()).asList()
        .extracting("file", "line")
        .containsExactly(tuple("config/application.yml", 3));
    assertThatThrownBy(() -> EnvironmentValues.substitute("token: ${CONSOLE_TOKEN}", "a.yml", ENV::get))
        .hasMessageContaining("environment variable CONSOLE_TOKEN is not set");
  }

  @Test
  void textWithoutReferencesIsUnchangedAndADoubleDollarIsLiteral() {
    String text = "from: \"Vedetta <v@example.org>\"  # costs $5\npattern: $${KAFKA}\n";
    assertThat(EnvironmentValues.substitute(text, "a.yml", ENV::get))
        .isEqualTo("from: \"Vedetta <v@example.org>\"  # costs $5\npattern: ${KAFKA}\n");
  }
}
