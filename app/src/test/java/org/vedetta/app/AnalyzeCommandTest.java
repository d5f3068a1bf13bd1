package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.cli.Vedetta;
import org.vedetta.model.Json;
import org.vedetta.testsupport.LocalHttpServer;
import picocli.CommandLine;

class AnalyzeCommandTest {

  private static final Path FRESH = TestConfigs.DEMO.resolve("site/articles/nuove-stime-soldati-nordcoreani-russia.html");
  private static final String KNOWLEDGE = TestConfigs.CONFIG.resolve("knowledge").toString();

  @TempDir
  Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Vedetta()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  @Test
  void jsonListsMentionsWithOffsetsAndClaimsWithVerdicts() throws Exception {
    JsonNode result = Json.mapper().readTree(run("analyze", "--json", "-k", KNOWLEDGE, FRESH.toString()));

    List<String> verdicts = new ArrayList<>();
    result.get("claims").forEach(c -> verdicts.add(c.get("event").asText() + ":" + c.get("verdict").asText()));
    assertThat(verdicts).contains("troop_deployment:changed", "casualties:changed", "troop_deployment:known");
    JsonNode first = result.get("claims").get(0);
    assertThat(first.get("quantity").get("low").asLong()).isEqualTo(15_000);
    assertThat(first.get("sentence").asText()).contains("15.000 soldati nordcoreani");
    assertThat(result.get("mentions")).anySatisfy(m -> {
      assertThat(m.get("entity_id").asText()).isEqualTo("north_korea");
      assertThat(m.get("end").asInt()).isGreaterThan(m.get("start").asInt());
    });
  }

  @Test
  void readsPlainTextAndMail() throws Exception {
    Path text = Files.writeString(dir.resolve("note.txt"),
        "Kiev says about 4,000 North Korean soldiers have been killed since they were deployed to Russia.");
    assertThat(run("analyze", "-k", KNOWLEDGE, text.toString()))
        .contains("CHANGED").contains("casualties").contains("4,000");

    Path eml = Files.writeString(dir.resolve("tip.eml"), """
        From: desk@example.org
        To: analyst@example.org
        Subject: Minsk
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Content-Type: text/plain; charset=UTF-8

        Lukashenko met Putin in Minsk on Monday.
        """);
    assertThat(run("analyze", "-k", KNOWLEDGE, eml.toString())).contains("Minsk").contains("belarus");
  }

  @Test
  void fetchesAUrlLikeIngest() throws Exception {
    try (LocalHttpServer server = LocalHttpServer.start()) {
      server.route("/a.html", LocalHttpServer.Response.ok("text/html; charset=utf-8", Files.readString(FRESH)));
      String out = run("analyze", "--allow-private", "-k", KNOWLEDGE, server.baseUrl() + "/a.html");
      assertThat(out).contains("Corea del Nord, più soldati").contains("CHANGED");
    }
  }
}
