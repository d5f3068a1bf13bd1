package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.model.Json;

/** The console's JSON API against the running pipeline: what a script or a dashboard does with watchlists. */
class ConsoleApiIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  @Test
  void watchlistsAreListedCheckedSavedPreviewedAndDeletedOverTheApi() throws Exception {
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort())) {
      base = demo.console();
      Path configDir = demo.configDir();

      JsonNode listing = json(send("GET", "/api/watchlists", null, null));
      assertThat(listing.get("watchlists").get(0).get("id").asText()).isEqualTo("russia-allies");
      String version = listing.get("version").asText();

      String draft = """
          {"id": "dprk", "title": "North Korea", "entities": ["north_korea", "atlantis"], "min_severity": 7}""";
      assertThat(send("PUT", "/api/watchlists/dprk", draft, null).statusCode()).as("no token").isEqualTo(403);
      HttpResponse<String> refused = send("PUT", "/api/watchlists/dprk", draft, TestConfigs.TOKEN);
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(Json.mapper().readTree(refused.body()).get("issues").toString())
          .contains("{\"field\":\"entities[1]\",\"message\":\"unknown entity 'atlantis'\"}")
          .contains("{\"field\":\"min_severity\",\"message\":\"must be between 1 and 5\"}");
      assertThat(send("PUT", "/api/watchlists/dprk", "{\"id\": \"dprk\", \"colour\": \"red\"}", TestConfigs.TOKEN)
          .body()).as("an unknown field").contains("not a watchlist", "colour");

      String valid = """
          {"id": "dprk", "title": "North Korea", "entities": ["north_korea"], "events": ["casualties"]}""";
      JsonNode preview = json(send("POST", "/api/watchlists/preview?days=7", valid, null));
      assertThat(preview.get("preview").get("matched").asLong()).isEqualTo(1);
      assertThat(preview.get("preview").get("alerts").get(0).get("headline").asText())
          .isEqualTo("North Korea — casualties: about 4,000 soldiers killed");
      assertThat(preview.get("issues")).isEmpty();

      HttpResponse<String> saved = send("PUT", "/api/watchlists/dprk", valid, TestConfigs.TOKEN);
      assertThat(saved.statusCode()).isEqualTo(200);
      assertThat(VedettaConfig.load(configDir).watchlists()).extracting(w -> w.id())
          .containsExactly("russia-allies", "dprk");
      assertThat(Files.readString(configDir.resolve("watchlists.yml.bak"))).doesNotContain("dprk");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(json(send("GET", "/api/developments?watchlist=dprk", null, null))).hasSize(1));

      HttpResponse<String> stale = send("DELETE", "/api/watchlists/dprk", null, TestConfigs.TOKEN, version);
      assertThat(stale.statusCode()).as("based on the listing before the save").isEqualTo(409);
      assertThat(stale.body()).contains("changed since");
      HttpResponse<String> followed = send("DELETE", "/api/watchlists/russia-allies", null, TestConfigs.TOKEN);
      assertThat(followed.statusCode()).isEqualTo(409);
      assertThat(followed.body()).contains("'russia-allies' is followed by analyst@example.org");
      assertThat(send("DELETE", "/api/watchlists/dprk", null, TestConfigs.TOKEN).statusCode()).isEqualTo(204);

      // A file broken by hand: the API says where, and changes nothing.
      Path file = configDir.resolve("watchlists.yml");
      Files.writeString(file, Files.readString(file).replace("title:", "titel:"));
      HttpResponse<String> broken = send("GET", "/api/watchlists", null, null);
      assertThat(broken.statusCode()).isEqualTo(409);
      assertThat(broken.body()).contains("watchlists.yml:", "titel", "unknown field");
      assertThat(send("GET", "/watchlists", null, null).body()).contains("cannot edit watchlists until this is fixed");
      Files.writeString(file, Files.readString(file).replace("titel:", "title:"));
      assertThat(VedettaConfig.load(configDir).watchlists()).extracting(w -> w.id()).containsExactly("russia-allies");
    }
  }

  @Test
  void knowledgeEditsArePreviewedCheckedAndSavedOverTheApi() throws Exception {
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort())) {
      base = demo.console();
      Path configDir = demo.configDir();

      // A fact that would make the demo's 15,000 troops known: the preview says so; a wrong one is refused
      // with the loader's own words, file and line.
      String fact = """
          {"fact": {"id": "kp_15k", "subject": "north_korea", "event": "troop_deployment", "counterparty": "russia",
           "quantity": {"low": 15000, "high": 15000, "qualifier": "about", "unit": "soldiers", "role": "total"},
           "as_of": "2026-11", "status": "estimated", "source": "https://news.example/nis"}}""";
      JsonNode preview = json(send("POST", "/api/knowledge/facts/preview?days=30", fact, null));
      assertThat(preview.get("preview").get("changed").asLong()).isEqualTo(1);
      assertThat(preview.get("preview").get("shown").get(0).get("verdicts_changed").get(0).asText())
          .isEqualTo("North Korea · troop deployment: about 15,000 soldiers (total): changed → known");
      HttpResponse<String> unknown = send("POST", "/api/knowledge/facts/preview",
          fact.replace("\"north_korea\"", "\"atlantis\""), null);
      assertThat(unknown.statusCode()).isEqualTo(422);
      assertThat(unknown.body()).contains("facts.yml:", "unknown entity 'atlantis'");

      assertThat(send("POST", "/api/knowledge/facts", fact, null).statusCode()).as("no token").isEqualTo(403);
      HttpResponse<String> saved = send("POST", "/api/knowledge/facts", fact, TestConfigs.TOKEN);
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      assertThat(VedettaConfig.load(configDir).knowledge().facts()).anySatisfy(f -> assertThat(f.id())
          .isEqualTo("kp_15k"));
      assertThat(Files.readString(configDir.resolve("knowledge/facts.yml.bak"))).doesNotContain("kp_15k");

      String alias = """
          {"entity": "cuba", "language": "it", "alias": "Isola Grande", "ambiguous": true, "context_words": []}""";
      HttpResponse<String> noContext = send("POST", "/api/knowledge/aliases", alias, TestConfigs.TOKEN);
      assertThat(noContext.statusCode()).isEqualTo(422);
      assertThat(noContext.body()).contains("an ambiguous alias needs at least one context word");
      HttpResponse<String> aliasSaved = send("POST", "/api/knowledge/aliases",
          alias.replace("[]", "[\"Avana\", \"zucchero\"]"), TestConfigs.TOKEN);
      assertThat(aliasSaved.statusCode()).as(aliasSaved.body()).isEqualTo(200);
      assertThat(VedettaConfig.load(configDir).knowledge().entity("cuba").orElseThrow().context().requires())
          .contains("zucchero");
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    return send(method, path, body, token, null);
  }

  private HttpResponse<String> send(String method, String path, String body, String token, String ifMatch)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
