package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.cli.Vedetta;
import org.vedetta.model.Json;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import picocli.CommandLine;

class ExtractCommandTest {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="it"><head><meta charset="utf-8">
      <title>Minsk ratifica il trattato - Desk</title>
      <meta property="og:title" content="Minsk ratifica il trattato">
      <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-03-05T14:31:00+01:00",
        "author": {"@type": "Person", "name": "Marco Ferraris"}}</script></head>
      <body>
        <div class="cookie-banner"><p>Usiamo i cookie per migliorare la tua esperienza su questo sito.</p></div>
        <nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav>
        <article><h1>Minsk ratifica il trattato</h1>
          <p>Il parlamento bielorusso ha ratificato oggi il trattato sulle garanzie di sicurezza.</p>
          <p><strong>Leggi anche:</strong> <a href="/altro">Un altro articolo sul trattato</a></p>
          <p>Il testo entrerà in vigore dopo lo scambio degli strumenti di ratifica.</p>
          <div class="share"><a href="#">Condividi</a></div>
        </article>
        <footer><p>© 2025 Desk. Tutti i diritti riservati.</p></footer>
      </body></html>
      """;

  private static final String FEED = """
      <?xml version="1.0" encoding="windows-1251"?>
      <rss version="2.0"><channel><title>Лента</title><link>https://lenta.example/</link><description>d</description>
      <language>ru</language>
      <item><title>Договор ратифицирован</title><link>/news/1?utm_source=rss</link><guid>lenta-1</guid>
      <pubDate>Wed, 12 Mar 2025 10:05:00 +0300</pubDate><description>Документ поддержали все депутаты.</description></item>
      <item><title>Шойгу прибыл в Пхеньян</title><link>/news/2</link><guid>lenta-2</guid></item>
      </channel></rss>
      """;

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
  void printsTitleAuthorDateLanguageAndMainTextOfAPageFile() throws Exception {
    Path page = Files.writeString(dir.resolve("article.html"), PAGE);

    String out = run("extract", page.toString());

    assertThat(out).contains("Title:      Minsk ratifica il trattato", "Author:     Marco Ferraris",
        "Published:  2025-03-05T13:31:00Z", "Language:   it",
        "Il parlamento bielorusso ha ratificato oggi il trattato sulle garanzie di sicurezza.\n\n"
            + "Il testo entrerà in vigore dopo lo scambio degli strumenti di ratifica.");
    assertThat(out).doesNotContain("cookie", "Leggi anche", "Condividi", "diritti", "Esteri");
  }

  @Test
  void printsTheItemsOfAFeedFileRecognisedByItsRootElement() throws Exception {
    Path feed = dir.resolve("lenta.txt");
    Files.write(feed, FEED.strip().getBytes(Charset.forName("windows-1251")));

    String out = run("extract", feed.toString());

    assertThat(out).contains("Feed:       Лента", "Items:      2", "1. Договор ратифицирован",
        "   link:    https://lenta.example/news/1?utm_source=rss", "   guid:    lenta-1",
        "   date:    2025-03-12T07:05:00Z", "   Документ поддержали все депутаты.", "2. Шойгу прибыл в Пхеньян",
        "   date:    unknown");
  }

  @Test
  void printsJsonForAPageAndAFeedServedOverHttp() throws Exception {
    try (LocalHttpServer site = LocalHttpServer.start()) {
      site.route("/article", Response.ok("text/html; charset=utf-8", PAGE));
      site.route("/feed", Response.ok("text/html", FEED.strip().getBytes(Charset.forName("windows-1251"))));

      JsonNode page = Json.mapper().readTree(run("extract", "--json", "--allow-private", site.baseUrl() + "/article"));
      JsonNode feed = Json.mapper().readTree(run("extract", "--json", "--allow-private", site.baseUrl() + "/feed"));

      assertThat(page.get("type").asText()).isEqualTo("page");
      assertThat(page.get("title").asText()).isEqualTo("Minsk ratifica il trattato");
      assertThat(page.get("author").asText()).isEqualTo("Marco Ferraris");
      assertThat(page.get("published_at").asText()).isEqualTo("2025-03-05T13:31:00Z");
      assertThat(page.get("language").asText()).isEqualTo("it");
      assertThat(page.get("text").asText()).startsWith("Il parlamento bielorusso").doesNotContain("Leggi anche");
      assertThat(feed.get("type").asText()).isEqualTo("feed");
      assertThat(feed.get("items")).hasSize(2);
      assertThat(feed.get("items").get(0).get("guid").asText()).isEqualTo("lenta-1");
      assertThat(feed.get("items").get(0).get("link").asText()).isEqualTo(site.baseUrl() + "/news/1?utm_source=rss");
      assertThat(feed.get("items").get(0).get("teaser").asText()).isEqualTo("Документ поддержали все депутаты.");
    }
  }

  @Test
  void aPrivateAddressIsRefusedWithoutTheFlagAndAMissingFileIsNamed() {
    try (LocalHttpServer site = LocalHttpServer.start()) {
      site.route("/article", Response.ok("text/html; charset=utf-8", PAGE));
      StringWriter err = new StringWriter();

      int refused = new CommandLine(new Vedetta()).setErr(new PrintWriter(err))
          .execute("extract", site.baseUrl() + "/article");
      int missing = new CommandLine(new Vedetta()).setErr(new PrintWriter(err))
          .execute("extract", dir.resolve("nope.html").toString());

      assertThat(refused).isEqualTo(1);
      assertThat(missing).isEqualTo(1);
      assertThat(err.toString()).contains("loopback", "no such file: ");
      assertThat(site.hits("/article")).isZero();
    }
  }

  @Test
  void scoreExtractionComparesEachPageWithItsReferenceText(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("desk.html"), PAGE);
    Files.writeString(dir.resolve("desk.expected.txt"), "Il parlamento bielorusso ha ratificato oggi il trattato"
        + " sulle garanzie di sicurezza.\n\nIl testo entrerà in vigore dopo lo scambio degli strumenti di ratifica.\n"
        + "\nUna frase che la pagina non ha.");

    String out = run("score-extraction", dir.toString());

    assertThat(out.lines()).hasSize(3);
    // Every extracted word is in the reference; 24 of its 31 words were extracted (the page lacks the last 7).
    assertThat(out.lines().skip(1).findFirst().orElseThrow()).matches("desk\\s+1\\.000\\s+0\\.774\\s+0\\.873");
    assertThat(out.lines().skip(2).findFirst().orElseThrow()).startsWith("macro average (1 pages)");
  }
}
