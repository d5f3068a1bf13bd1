package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.cli.Vedetta;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;
import picocli.CommandLine;

class ConfigTest {

  @TempDir
  Path dir;

  @Test
  void theShippedConfigurationsAreValid() {
    VedettaConfig service = VedettaConfig.load(TestConfigs.CONFIG);
    VedettaConfig demo = VedettaConfig.load(TestConfigs.DEMO);

    assertThat(service.app().kafka().embedded()).isTrue();
    assertThat(service.sources()).isNotEmpty();
    assertThat(demo.app().demo()).isNotNull();
    assertThat(demo.knowledge().entities()).hasSizeGreaterThan(30);
  }

  @Test
  void everyProblemIsReportedWithFileLineAndField() throws IOException {
    copyConfig();
    Files.writeString(dir.resolve("subscribers.yml"), """
        subscribers:
          - email: not-an-address
            watchlists: [russia-allies, nowhere]
            digest_cron: "every morning"
        """);
    Files.writeString(dir.resolve("watchlists.yml"), """
        watchlists:
          - id: russia-allies
            title: Allies
            entities: [north_korea, atlantis]
            events: [troop_deployments]
        """);

    assertThatThrownBy(() -> VedettaConfig.load(dir)).isInstanceOfSatisfying(SettingsException.class, e -> {
      assertThat(e.problems()).extracting(Problem::file).allMatch(f -> f.endsWith(".yml"));
      assertThat(e.problems()).anySatisfy(p -> {
        assertThat(p.file()).endsWith("watchlists.yml");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.field()).isEqualTo("watchlists[0].entities[1]");
        assertThat(p.message()).contains("atlantis");
      });
      assertThat(e.problems()).anySatisfy(p -> {
        assertThat(p.field()).isEqualTo("watchlists[0].events[0]");
        assertThat(p.message()).isEqualTo("unknown event type 'troop_deployments'");
        assertThat(p.line()).isEqualTo(5);
      });
      assertThat(e.problems()).anySatisfy(p -> {
        assertThat(p.file()).endsWith("subscribers.yml");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("subscribers[0].email");
      });
      assertThat(e.problems()).anySatisfy(p -> {
        assertThat(p.field()).isEqualTo("subscribers[0].digest_cron");
        assertThat(p.line()).isEqualTo(4);
      });
    });
  }

  @Test
  void theDatabaseConnectionTimeoutIsReadAndChecked() throws IOException {
    copyConfig();
    String app = Files.readString(dir.resolve("application.yml"));
    Files.writeString(dir.resolve("application.yml"), app.replace("database: {}",
        "database: {url: \"jdbc:postgresql://db:5432/vedetta\", connection_timeout: 5s}"));
    assertThat(VedettaConfig.load(dir).app().database().connectionTimeout()).isEqualTo(Duration.ofSeconds(5));

    Files.writeString(dir.resolve("application.yml"), app.replace("database: {}",
        "database: {connection_timeout: 10ms}"));
    assertThatThrownBy(() -> VedettaConfig.load(dir)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("application.yml").hasMessageContaining("database.connection_timeout")
        .hasMessageContaining("at least 250ms");
  }

  @Test
  void checkConfigPrintsTheProblemsAndFails() throws IOException {
    copyConfig();
    Files.writeString(dir.resolve("sources.yml"), """
        sources:
          - id: feed
            type: rss
            url: http://127.0.0.1:1/feed.xml
            pol_interval: 5m
        """);
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Vedetta()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));

    int exit = cli.execute("check-config", "--config", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("sources.yml:5: sources[0].pol_interval: unknown field");
  }

  @Test
  void checkConfigAcceptsTheShippedConfiguration() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Vedetta()).setOut(new PrintWriter(out));

    assertThat(cli.execute("check-config", "--config", TestConfigs.CONFIG.toString())).isZero();
    assertThat(out.toString()).contains("is valid").contains("sources");
  }

  private void copyConfig() throws IOException {
    try (Stream<Path> files = Files.list(TestConfigs.DEMO)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(dir.resolve("application.yml"),
        Files.readString(dir.resolve("application.yml")).replace("knowledge_dir: ../knowledge",
            "knowledge_dir: " + TestConfigs.CONFIG.resolve("knowledge").toAbsolutePath()));
  }
}
