package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Service;
import org.vedetta.model.Article;
import org.vedetta.model.Json;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Topics;
import org.vedetta.notifier.Watchlist;

/**
 * The console in a real browser (headless Chromium) against the running pipeline: an analyst creates a watchlist,
 * sees a refused save point at the field, previews what it would have alerted, saves it, and watches a new
 * development arrive live. Screenshots of each step are in {@code target/screenshots/}.
 */
class ConsoleBrowserIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @RegisterExtension
  final Browser browser = new Browser();

  @TempDir
  Path dir;

  @Test
  void anAnalystCreatesPreviewsAndSavesAWatchlistThenSeesItsDevelopmentsArriveLive() throws Exception {
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort())) {
      String console = demo.console();
      Path configDir = demo.configDir();
      ChromeDriver web = browser.driver();

      web.get(console + "/watchlists");
      assertThat(browser.find("table.grid").getText()).contains("Russia's allies");
      browser.screenshot("console-watchlists");
      web.findElement(By.linkText("New watchlist")).click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));

      // A save without an id is refused, the form kept, and the problem shown at the field.
      type("title", "North Korean troops");
      tick("entities", "north_korea");
      tick("events", "troop_deployment");
      tick("events", "casualties");
      type("token", TestConfigs.TOKEN);
      browser.find("#save").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-problem")));
      assertThat(browser.find(".field-problem").getText()).isEqualTo("id: is required");
      assertThat(browser.find("input[name=title]").getAttribute("value")).isEqualTo("North Korean troops");
      assertThat(browser.find("input[name=entities][value=north_korea]").isSelected()).isTrue();
      browser.screenshot("console-watchlist-refused");

      // The preview replays the topics: the two North Korean developments, not Venezuela's.
      type("id", "dprk-troops");
      browser.find("#preview").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-result")));
      WebElement preview = browser.find("#preview-result");
      assertThat(preview.findElement(By.tagName("h2")).getText())
          .isEqualTo("Over the last 30 days this watchlist would have alerted 2 developments");
      assertThat(preview.getText()).contains("about 15,000 soldiers", "about 4,000 soldiers")
          .doesNotContain("Venezuela");
      browser.screenshot("console-watchlist-preview");

      type("token", TestConfigs.TOKEN);
      browser.find("#save").click();
      browser.waiting(30).until(ExpectedConditions.urlContains("saved="));
      assertThat(web.getCurrentUrl()).endsWith("/watchlists?saved=dprk-troops");
      assertThat(browser.find("table.grid").getText()).contains("North Korean troops");
      Watchlist saved = VedettaConfig.load(configDir).watchlists().stream()
          .filter(w -> w.id().equals("dprk-troops")).findFirst().orElseThrow();
      assertThat(saved.entities()).containsExactly("north_korea");
      assertThat(saved.events()).containsExactlyInAnyOrder("troop_deployment", "casualties");

      // Its developments, live: the two known ones, then a new casualty figure as soon as the source is polled.
      web.get(console + "/live?watchlist=dprk-troops");
      browser.waiting(30).until(d -> items().size() == 2);
      browser.waiting(30).until(ExpectedConditions.textToBe(By.id("status"),
          "Live: new developments appear at the top as they arrive."));
      publishNewArticle(demo.site());
      pollNow(console);
      browser.waiting(60).until(d -> items().size() == 3);
      WebElement newest = items().get(0);
      assertThat(newest.getText()).contains("CHANGED", "North Korea", "about 6,000 soldiers",
          "circa 6.000 soldati nordcoreani sono morti");
      assertThat(newest.findElement(By.cssSelector("a[data-field=url]")).getAttribute("href"))
          .isEqualTo(demo.newsUrl() + "/articles/nuove-perdite-nordcoreane.html");
      browser.screenshot("console-live");

      // The filter holds: Venezuela's development is on the page without a filter, not on this one.
      assertThat(browser.find("#developments").getText()).doesNotContain("Venezuela");
      web.get(console + "/live");
      browser.waiting(30).until(d -> items().size() == 4);
      assertThat(browser.find("#developments").getText()).contains("Venezuela");
    }
  }

  @Test
  void anAnalystMarksADevelopmentWrongOnItsPageAndItLeavesTheDigest() throws Exception {
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort())) {
      Service service = demo.service();
      String console = demo.console();
      ChromeDriver web = browser.driver();
      web.get(console + "/live");
      browser.waiting(30).until(d -> items().size() == 3);
      WebElement troops = items().stream().filter(i -> i.getText().contains("about 15,000 soldiers")).findFirst()
          .orElseThrow();
      troops.findElement(By.cssSelector("a[data-field=page]")).click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.name("analyst")));
      assertThat(browser.find("h1").getText()).contains("North Korea", "15,000");
      assertThat(browser.find("dl.facts").getText()).contains("not judged yet");

      // A wrong token changes nothing, and says so.
      new Select(browser.find("select[name=reason]")).selectByVisibleText("wrong figure");
      type("note", "the 15,000 include the 4,000 sent in spring");
      type("analyst", "Ana");
      type("token", "not-the-token");
      browser.find("button[type=submit]").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
      assertThat(browser.find(".problem").getText()).isEqualTo("Not saved: wrong or missing console token.");
      assertThat(service.notifier().pending(TestConfigs.SUBSCRIBER)).isEqualTo(3);

      new Select(browser.find("select[name=reason]")).selectByVisibleText("wrong figure");
      type("note", "the 15,000 include the 4,000 sent in spring");
      type("analyst", "Ana");
      type("token", TestConfigs.TOKEN);
      browser.find("button[type=submit]").click();
      browser.waiting(30).until(ExpectedConditions.urlContains("judged="));
      assertThat(browser.find(".notice").getText()).startsWith("Saved: judged wrong (wrong figure) by Ana, ");
      assertThat(browser.find("dl.facts").getText()).contains("“the 15,000 include the 4,000 sent in spring”");
      browser.screenshot("console-development");
      await().atMost(Duration.ofSeconds(30)).until(() -> service.notifier().pending(TestConfigs.SUBSCRIBER) == 2);

      // The figures of North Korean troops over time: the baseline's estimates and the judged development.
      browser.find("#figures-link").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("chart")));
      assertThat(browser.find("h1").getText()).isEqualTo("North Korea · troop deployment · Russia: figures over time");
      List<WebElement> rows = web.findElements(By.cssSelector("#figures tr"));
      assertThat(rows).hasSizeGreaterThan(2);
      assertThat(rows.get(rows.size() - 1).getText()).contains("about 15,000 soldiers", "changed",
          "judged wrong (wrong figure) by Ana");
      long vague = rows.stream().filter(r -> r.getText().contains("thousands of")).count();
      assertThat(web.findElements(By.cssSelector("#chart g.mark"))).as("a mark per figure but the vague ones")
          .hasSize(rows.size() - 1 - (int) vague);
      assertThat(web.findElements(By.cssSelector("#chart g.mark.wrong"))).hasSize(1);
      assertThat(web.findElements(By.cssSelector("#chart g.mark.wrong path"))).as("crossed out").hasSize(1);
      assertThat(web.findElement(By.cssSelector("#chart g.mark.wrong title")).getAttribute("textContent"))
          .contains("about 15,000 soldiers", "osservatorio-est", "judged wrong");
      browser.screenshot("console-figures");

      web.get(console + "/live");
      browser.waiting(30).until(d -> items().size() == 3);
      assertThat(items().stream().filter(i -> i.getText().contains("about 15,000 soldiers")).findFirst()
          .orElseThrow().findElement(By.cssSelector(".judgement")).getText())
          .startsWith("judged wrong (wrong figure) by Ana");
      web.get(console + "/knowledge");
      assertThat(browser.find("#figure-timelines").getText()).contains("North Korea · troop deployment · Russia",
          "North Korea · casualties · Russia");
    }
  }

  @Test
  void anAnalystAddsAnAliasAndABaselineFactWithAPreviewAndTheMatcherTakesThemUp() throws Exception {
    try (EditableDemo demo = EditableDemo.start(dir, SMTP.getSmtp().getPort());
        KafkaProducer<String, byte[]> producer = new KafkaClients(demo.service().bootstrapServers()).producer("test");
        TopicReader topics = new TopicReader(demo.service().bootstrapServers(), Topics.TAGGED)) {
      Path configDir = demo.configDir();
      publish(producer, "eremita-1", "Lo Stato eremita ha inviato in Russia altri soldati, secondo fonti di Seul.");
      String console = demo.console();
      ChromeDriver web = browser.driver();
      web.get(console + "/knowledge");
      browser.find("#edit-knowledge").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("alias-form")));

      // An alias: previewed over the articles read so far, refused without the token, saved with it.
      new Select(browser.find("#alias-form select[name=entity]")).selectByVisibleText("North Korea");
      new Select(browser.find("#alias-form select[name=language]")).selectByVisibleText("it");
      typeIn("#alias-form", "alias", "Stato eremita");
      browser.find("#alias-preview").click();
      browser.waiting(60).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-result")));
      assertThat(browser.find("#preview-result h2").getText()).matches(
          "Over the last 30 days, 1 of \\d+ articles would read differently");
      assertThat(browser.find("#preview-result").getText()).contains("+ North Korea");
      browser.screenshot("console-knowledge-edit");
      typeIn("#alias-form", "token", "not-the-token");
      browser.find("#alias-save").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-problem")));
      assertThat(browser.find("#alias-form .field-problem").getText())
          .isEqualTo("Not saved: wrong or missing console token.");
      typeIn("#alias-form", "token", TestConfigs.TOKEN);
      browser.find("#alias-save").click();
      browser.waiting(30).until(ExpectedConditions.urlContains("saved=entities.yml"));
      assertThat(browser.find(".notice").getText()).startsWith("Saved entities.yml");
      Path knowledge = configDir.resolve("knowledge");
      assertThat(Files.readString(knowledge.resolve("entities.yml"))).contains(", Stato eremita]");
      assertThat(knowledge.resolve("entities.yml.bak")).exists();

      // The running matcher takes the alias up within seconds: a new article naming only the Hermit Kingdom
      // (one more every second until then) mentions North Korea.
      int[] sent = {1};
      await("the new alias in use").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        publish(producer, "eremita-" + ++sent[0], "Lo Stato eremita ha ricevuto una delegazione del Cremlino.");
        return topics.poll().values(Topics.TAGGED, TaggedArticle.class).stream()
            .filter(t -> !t.articleId().equals("eremita-1"))
            .anyMatch(t -> t.mentions().stream().anyMatch(m -> m.entityId().equals("north_korea")));
      });

      // A baseline fact: with 15,000 known, the demo's 15,000 would no longer be a change.
      web.get(console + "/knowledge/edit");
      typeIn("#fact-form", "id", "kp_troops_15k_2026_11");
      new Select(browser.find("#fact-form select[name=subject]")).selectByVisibleText("North Korea");
      new Select(browser.find("#fact-form select[name=event]")).selectByValue("troop_deployment");
      typeIn("#fact-form", "low", "15000");
      typeIn("#fact-form", "high", "15000");
      typeIn("#fact-form", "unit", "soldiers");
      typeIn("#fact-form", "role", "total");
      typeIn("#fact-form", "as_of", "2026-11");
      new Select(browser.find("#fact-form select[name=status]")).selectByVisibleText("estimated");
      browser.find("#fact-preview").click();
      browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fact-form .field-problem")));
      assertThat(browser.find("#fact-form .field-problem").getText()).contains("source", "required");
      typeIn("#fact-form", "source", "https://news.example/nis-briefing");
      browser.find("#fact-preview").click();
      browser.waiting(60).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-result")));
      assertThat(browser.find("#preview-result").getText())
          .contains("North Korea · troop deployment: about 15,000 soldiers (total): changed → known");
      typeIn("#fact-form", "token", TestConfigs.TOKEN);
      browser.find("#fact-save").click();
      browser.waiting(30).until(ExpectedConditions.urlContains("saved=facts.yml"));
      assertThat(VedettaConfig.load(configDir).knowledge().facts())
          .anySatisfy(f -> assertThat(f.id()).isEqualTo("kp_troops_15k_2026_11"));
    }
  }

  private void typeIn(String form, String field, String text) {
    WebElement input = browser.find(form + " input[name=" + field + "]");
    input.clear();
    input.sendKeys(text);
  }

  private static void publish(KafkaProducer<String, byte[]> producer, String id, String text) throws Exception {
    Article article = new Article(Article.SCHEMA, id, "osservatorio-est", "https://news.example/" + id, "", text,
        "it", Instant.now(), Instant.now());
    producer.send(new ProducerRecord<>(Topics.ARTICLES, id, Json.write(article))).get();
  }

  private List<WebElement> items() {
    return browser.driver().findElements(By.cssSelector("#developments > li"));
  }

  private void type(String field, String text) {
    WebElement input = browser.find("input[name=" + field + "]");
    input.clear();
    input.sendKeys(text);
  }

  private void tick(String field, String value) {
    WebElement box = browser.find("input[name=" + field + "][value=" + value + "]");
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** The site publishes one more article: a new casualty figure for North Korea. */
  private static void publishNewArticle(Path site) throws Exception {
    Path fixtures = Path.of("src", "test", "resources", "console");
    String article = "nuove-perdite-nordcoreane.html";
    Files.copy(fixtures.resolve(article), site.resolve("articles").resolve(article));
    Path feed = site.resolve("feed.xml");
    String item = Files.readString(fixtures.resolve("feed-item.xml"), StandardCharsets.UTF_8);
    String xml = Files.readString(feed, StandardCharsets.UTF_8);
    int first = xml.indexOf("    <item>");
    Files.writeString(feed, xml.substring(0, first) + item + xml.substring(first), StandardCharsets.UTF_8);
  }

  /** What the sources page's "Poll now" button does, with the token as a header. */
  private static void pollNow(String console) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(console + "/sources/osservatorio-est/poll"))
        .header("Authorization", "Bearer " + TestConfigs.TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }
}
