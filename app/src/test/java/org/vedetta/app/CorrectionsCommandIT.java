package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.pipeline.Service;
import org.vedetta.matcher.eval.RealCorpus;
import org.vedetta.model.Json;
import org.vedetta.settings.YamlSettings;

/**
 * {@code vedetta corrections list|export} beside a running service: two developments judged in the console (one
 * right, one wrong as to its figure) are listed, and exported as labelled cases of the real-news corpus that the
 * corpus's own reader reads: the article's whole text, the right claim with its verdict, the wrong one as a note.
 */
class CorrectionsCommandIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir
  Path dir;

  @Test
  void listsJudgementsAndExportsThemAsLabelledCases() throws Exception {
    Path cases = dir.resolve("cases");
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort())) {
      Service service = demo.service();
      Path config = demo.configDir();
      List<JsonNode> developments = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        developments.clear();
        Json.mapper().readTree(get(service, "/api/developments")).forEach(developments::add);
        return developments.size() == 3;
      });
      JsonNode troops = developments.stream().filter(d -> d.get("headline").asText().contains("15,000"))
          .findFirst().orElseThrow();
      JsonNode treaty = developments.stream().filter(d -> d.get("headline").asText().contains("Venezuela"))
          .findFirst().orElseThrow();
      assertThat(judge(service, troops.get("id").asText(), "{\"decision\": \"wrong\", \"reason\": \"wrong_figure\","
          + " \"note\": \"counts the spring contingent twice\", \"analyst\": \"Ana\"}")).isEqualTo(201);
      assertThat(judge(service, treaty.get("id").asText(), "{\"decision\": \"right\", \"analyst\": \"Bo\"}"))
          .isEqualTo(201);

      CliRun list = CliRun.of("corrections", "list", "-c", config.toString());
      assertThat(list.code()).as(list.err()).isZero();
      assertThat(list.out()).contains("Ana", "wrong", "wrong_figure", troops.get("id").asText(), "15,000")
          .contains("Bo", "right", treaty.get("id").asText())
          .contains("2 development(s) judged, 1 wrong");

      CliRun export = CliRun.of("corrections", "export", "-c", config.toString(), "--out", cases.toString());
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(export.out()).contains("2 case(s) exported", "(0 with the evidence sentence only");
      assertThat(CliRun.of("corrections", "export", "-c", config.toString(), "--out", cases.toString()).out())
          .as("exported again").contains("2 case(s) there in all");
    }

    // One file per language: the troops article is Italian, the treaty's English.
    List<RealCorpus.Published> articles = new ArrayList<>();
    List<RealCorpus.Labels> labels = new ArrayList<>();
    for (String language : List.of("it", "en")) {
      articles.addAll(YamlSettings.read(cases.resolve("articles/" + language + ".yml"), language,
          RealCorpus.ArticlesFile.class).articles());
      labels.addAll(YamlSettings.read(cases.resolve("labels/" + language + ".yml"), language,
          RealCorpus.LabelsFile.class).labels());
    }
    assertThat(articles).hasSize(2).extracting(RealCorpus.Published::language).containsExactlyInAnyOrder("it", "en");
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.url()).startsWith("http://127.0.0.1:");
      assertThat(a.outlet()).isEqualTo("osservatorio-est");
      assertThat(a.foundWith()).startsWith("correction ");
    });
    RealCorpus.Labels right = labels.stream().filter(l -> l.note().contains("judged right by Bo")).findFirst()
        .orElseThrow();
    assertThat(right.claims()).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo("venezuela");
      assertThat(c.event()).isEqualTo("treaty_ratified");
      assertThat(c.verdict()).isEqualTo("new");
      assertThat(c.ownNews()).isTrue();
    });
    RealCorpus.Labels wrong = labels.stream().filter(l -> l.note().contains("judged wrong (wrong figure) by Ana"))
        .findFirst().orElseThrow();
    assertThat(wrong.claims()).isEmpty();
    assertThat(wrong.note()).contains("counts the spring contingent twice", "15.000 soldati");
    RealCorpus.Published wrongArticle = articles.stream().filter(a -> a.id().equals(wrong.id())).findFirst()
        .orElseThrow();
    assertThat(wrongArticle.text()).as("the article's whole text").contains("15.000 soldati")
        .hasSizeGreaterThan(500);
  }

  /** Judges a development through the console's API; the response's status. */
  static int judge(Service service, String developmentId, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + service.http().port() + "/api/developments/" + developmentId + "/correction"))
        .header("Authorization", "Bearer " + TestConfigs.TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), BodyHandlers.ofString()).statusCode();
  }

  private static String get(Service service, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + service.http().port() + path)).build(), BodyHandlers.ofString()).body();
  }
}
