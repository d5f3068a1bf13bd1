package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Article;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;

/** The whole poller against a local site and an in-memory H2 database. */
class IngestTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");
  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final String base = site.baseUrl();
  private final DataSource database = Fixtures.h2();
  private final RecordingSink sink = new RecordingSink();
  private final List<Ingest> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Ingest::close);
    site.close();
  }

  private Ingest ingest(SourceSettings... sources) {
    Ingest ingest = Ingest.builder()
        .sources(List.of(sources))
        .sink(sink)
        .dataSource(database)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        // Every test site is 127.0.0.1: no politeness pause between its requests.
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();
    started.add(ingest);
    return ingest;
  }

  private SourceSettings rss(String id, String path) {
    return SourceSettings.rss(id, base + path).withAllowPrivate(true);
  }

  private static PollResult result(String id, int items, int published, int failed) {
    return new PollResult(id, items, published, failed, Duration.ZERO, null);
  }

  @Test
  void publishesEachFeedItemOnceAndNothingOnTheNextPoll() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    Ingest ingest = ingest(rss("desk", "/feed.xml").withLanguage("ru"));

    PollResult first = ingest.pollNow("desk");
    PollResult second = ingest.pollNow("desk");

    assertThat(first).isEqualTo(result("desk", 3, 3, 0));
    assertThat(second).isEqualTo(result("desk", 3, 0, 0));
    assertThat(sink.articles()).containsExactly(
        Article.of("desk", base + "/news/minsk-moscow-treaty", "Minsk & Moscow sign \u201cUnion\u201d treaty",
            "Belarus and Russia signed the treaty on Monday.\n\nIt enters into force next year.", "en",
            Instant.parse("2025-03-03T09:30:00Z"), NOW),
        Article.of("desk", base + "/news/troops-north", "Troops arrive in the north",
            "About 1,200 soldiers arrived by rail on Tuesday.\n\nOfficials did not confirm the number.", "en",
            Instant.parse("2025-03-04T07:00:00Z"), NOW),
        Article.of("desk", base + "/news/leaders-meet", "Leaders meet in Pyongyang",
            "The two leaders met for three hours.", "en", null, NOW));
    assertThat(sink.ids()).containsExactly(
        Article.idFor(base + "/news/minsk-moscow-treaty"),
        Article.idFor(base + "/news/troops-north"),
        Article.idFor(base + "/news/leaders-meet"));
    assertThat(site.hits("/news/*")).isZero();
    assertThat(ingest.lastResults()).containsExactly(entry("desk", second));
  }

  @Test
  void readsAtom() {
    site.route("/atom.xml", Response.ok("application/atom+xml", Fixtures.text("atom.xml", base)));

    ingest(rss("italia", "/atom.xml")).pollNow("italia");

    assertThat(sink.titles()).containsExactly("Accordo firmato oggi a Minsk", "Solo aggiornato");
    assertThat(sink.articles().get(0).language()).isEqualTo("it");
    assertThat(sink.articles().get(0).text()).isEqualTo("Il trattato è stato firmato.\n\nEntrerà in vigore a giugno.");
  }

  @Test
  void fullTextReadsEachLinkedPageOnce() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    site.route("/news/minsk-moscow-treaty", Response.ok(HTML, Fixtures.text("article.html", base)));
    site.route("/news/troops-north", Response.ok(HTML,
        "<html><body><article><p>Page text about the troops.</p></article></body></html>"));
    site.route("/news/leaders-meet", Response.ok(HTML, """
        <html lang="ko"><head><link rel="canonical" href="/news/leaders-meet?utm_source=x"></head>
        <body><div><p>The leaders met in Pyongyang on Thursday.</p></div></body></html>"""));
    Ingest ingest = ingest(rss("desk", "/feed.xml").withFullText(true));

    PollResult first = ingest.pollNow("desk");
    PollResult second = ingest.pollNow("desk");

    assertThat(first).isEqualTo(result("desk", 3, 3, 0));
    assertThat(second).isEqualTo(result("desk", 3, 0, 0));
    assertThat(sink.articles()).containsExactly(
        Article.of("desk", base + "/news/minsk-moscow-treaty", "Minsk and Moscow sign the Union treaty",
            "Belarus and Russia signed the Union treaty in Minsk on Monday, officials said.\n\n"
                + "The treaty enters into force on 1 January 2026, after ratification by both parliaments.\n\n"
                + "Critics called the deal a step towards annexation.",
            "en", Instant.parse("2025-03-03T09:30:00Z"), NOW),
        // The page has no title or date: the feed item's fill in; no <html lang>: the feed's language.
        Article.of("desk", base + "/news/troops-north", "Troops arrive in the north", "Page text about the troops.",
            "en", Instant.parse("2025-03-04T07:00:00Z"), NOW),
        Article.of("desk", base + "/news/leaders-meet", "Leaders meet in Pyongyang",
            "The leaders met in Pyongyang on Thursday.", "ko", null, NOW));
    assertThat(site.hits("/news/minsk-moscow-treaty")).isEqualTo(1);
    assertThat(site.hits("/news/troops-north")).isEqualTo(1);
    assertThat(site.hits("/news/leaders-meet")).isEqualTo(1);
    assertThat(site.requests("/news/minsk-moscow-treaty").get(0).path())
        .isEqualTo("/news/minsk-moscow-treaty?utm_source=rss&utm_medium=feed");
  }

  @Test
  void theAuthorAPageNamesIsPublishedWithItsArticle() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    site.route("/news/*", Response.ok(HTML, """
        <html><head><meta name="author" content="Jane Roe"></head>
        <body><article><p>The leaders met in Pyongyang on Thursday, officials said.</p></article></body></html>"""));

    ingest(rss("desk", "/feed.xml").withFullText(true)).pollNow("desk");

    assertThat(sink.articles()).hasSize(3).allSatisfy(a -> assertThat(a.author()).isEqualTo("Jane Roe"));
  }

  @Test
  void aFeedThatNeededMendingIsReadAndSaysSoOnTheSourcesHealth() {
    site.route("/feed.xml", Response.ok(RSS, """
        <rss version="2.0"><channel><title>Desk</title><link>%1$s/</link><description>d</description>
        <item><title>Troops arrive</title><link>%1$s/a</link><dc:creator>Ann Roe</dc:creator>
        <description>North Korean troops arrived in Kursk.</description></item></channel></rss>""".formatted(base)));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));

    PollResult result = ingest.pollNow("desk");

    assertThat(result.published()).isEqualTo(1);
    assertThat(result.warning()).isEqualTo("read after mending: undeclared namespace prefixes dc");
    assertThat(ingest.health().get("desk").warning()).isEqualTo(result.warning());
  }

  @Test
  void theFirstPollAfterARestartIsConditionalToo() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)).withHeader("ETag", "\"v1\"")
        .withHeader("Last-Modified", "Fri, 07 Mar 2025 11:00:00 GMT"));
    Ingest before = ingest(rss("desk", "/feed.xml"));
    before.pollNow("desk");
    before.close();

    site.route("/feed.xml", Response.ok(RSS, "not even XML, so a parse would fail").withHeader("ETag", "\"v1\""));
    PollResult first = ingest(rss("desk", "/feed.xml")).pollNow("desk");

    assertThat(first).isEqualTo(result("desk", 0, 0, 0));
    assertThat(site.requests("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(site.requests("/feed.xml").get(1).header("If-Modified-Since")).isEqualTo("Fri, 07 Mar 2025 11:00:00 GMT");
  }

  @Test
  void anUnchangedFeedAnswers304AndIsNotParsed() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)).withHeader("ETag", "\"v1\""));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));

    ingest.pollNow("desk");
    site.route("/feed.xml", Response.ok(RSS, "not even XML, so a parse would fail").withHeader("ETag", "\"v1\""));
    PollResult second = ingest.pollNow("desk");

    assertThat(second).isEqualTo(result("desk", 0, 0, 0));
    assertThat(sink.articles()).hasSize(3);
    assertThat(site.hits("/feed.xml")).isEqualTo(2);
    assertThat(site.requests("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void aNewItemInAChangedFeedIsTheOnlyOnePublished() {
    String feed = Fixtures.text("rss.xml", base);
    site.route("/feed.xml", Response.ok(RSS, feed).withHeader("ETag", "\"v1\""));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));
    ingest.pollNow("desk");

    String newItem = """
        <item><title>Sanctions extended</title><link>/news/sanctions</link><guid>s-1</guid>
        <description>The sanctions were extended.</description></item>
        """;
    site.route("/feed.xml", Response.ok(RSS, feed.replaceFirst("<item>", newItem + "<item>"))
        .withHeader("ETag", "\"v2\""));
    PollResult second = ingest.pollNow("desk");

    assertThat(second).isEqualTo(result("desk", 4, 1, 0));
    assertThat(sink.titles()).hasSize(4).endsWith("Sanctions extended");
  }

  @Test
  void aPrivateAddressIsRefusedWithoutAllowPrivateBeforeAnyPoll() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));

    assertThatThrownBy(() -> ingest(SourceSettings.rss("local", base + "/feed.xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sources[0].url: 127.0.0.1 is a loopback address; set allow_private: true to fetch it");
    assertThat(site.hits("/feed.xml")).isZero();
    assertThat(sink.articles()).isEmpty();
  }

  @Test
  void aMalformedFeedFailsThatSourceOnly() {
    site.route("/broken.xml", Response.ok(RSS, Fixtures.text("malformed.xml", base)));
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    Ingest ingest = ingest(rss("broken", "/broken.xml"), rss("desk", "/feed.xml"));

    PollResult broken = ingest.pollNow("broken");
    PollResult fine = ingest.pollNow("desk");

    assertThat(broken.succeeded()).isFalse();
    assertThat(broken.error()).startsWith("source 'broken': " + base + "/broken.xml: not a valid RSS or Atom feed: ");
    assertThat(broken.published()).isZero();
    assertThat(fine).isEqualTo(result("desk", 3, 3, 0));
  }

  @Test
  void aFeedWithADoctypeIsRefused() {
    site.route("/xxe.xml", Response.ok(RSS, Fixtures.text("xxe.xml", base)));

    PollResult result = ingest(rss("xxe", "/xxe.xml")).pollNow("xxe");

    assertThat(result.error()).contains("source 'xxe'", "DOCTYPE");
    assertThat(sink.articles()).isEmpty();
  }

  @Test
  void anHttpErrorIsAPollErrorNamingTheSource() {
    site.route("/feed.xml", Response.status(503));

    PollResult result = ingest(rss("desk", "/feed.xml")).pollNow("desk");

    assertThat(result.error()).isEqualTo("source 'desk': " + base + "/feed.xml: HTTP 503 (will retry)");
  }

  @Test
  void aSinkFailureLeavesTheItemForTheNextPoll() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)).withHeader("ETag", "\"v1\""));
    String troops = Article.idFor(base + "/news/troops-north");
    sink.refuseWhile(article -> article.id().equals(troops));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));

    PollResult first = ingest.pollNow("desk");
    sink.refuseWhile(article -> false);
    PollResult second = ingest.pollNow("desk");
    PollResult third = ingest.pollNow("desk");

    assertThat(first.published()).isEqualTo(1);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(first.error()).startsWith("source 'desk': publishing article " + troops)
        .contains("will retry next poll", "broker unavailable");
    // The feed is fetched in full again (no If-None-Match), so the unchanged feed cannot hide the item.
    assertThat(site.requests("/feed.xml").get(1).header("If-None-Match")).isNull();
    assertThat(second).isEqualTo(result("desk", 3, 2, 0));
    assertThat(third).isEqualTo(result("desk", 0, 0, 0));
    assertThat(sink.titles()).containsExactly(
        "Minsk & Moscow sign \u201cUnion\u201d treaty", "Troops arrive in the north", "Leaders meet in Pyongyang");
  }

  @Test
  void aFailingPageIsRetriedOnTheNextPoll() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)).withHeader("ETag", "\"v1\""));
    site.route("/news/*", Response.ok(HTML, "<article><p>Page.</p></article>"));
    site.route("/news/troops-north", Response.status(502));
    Ingest ingest = ingest(rss("desk", "/feed.xml").withFullText(true));

    PollResult first = ingest.pollNow("desk");
    site.route("/news/troops-north", Response.ok(HTML, "<article><p>Troops page.</p></article>"));
    PollResult second = ingest.pollNow("desk");

    assertThat(first).usingRecursiveComparison().ignoringFields("itemError").isEqualTo(result("desk", 3, 2, 1));
    assertThat(first.itemError()).endsWith("/news/troops-north: HTTP 502 (will retry)");
    assertThat(second).isEqualTo(result("desk", 3, 1, 0));
    assertThat(site.hits("/news/troops-north")).isEqualTo(2);
    assertThat(site.hits("/news/leaders-meet")).isEqualTo(1);
  }

  @Test
  void aRestartOnTheSameDatabasePublishesNothingAgain() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    SourceSettings source = rss("desk", "/feed.xml").withFullText(true);
    site.route("/news/*", Response.ok(HTML, "<article><p>Page.</p></article>"));
    ingest(source).pollNow("desk");
    started.get(0).close();

    PollResult afterRestart = ingest(source).pollNow("desk");

    assertThat(afterRestart).isEqualTo(result("desk", 3, 0, 0));
    assertThat(sink.articles()).hasSize(3);
    assertThat(site.hits("/news/*")).isEqualTo(3);
  }

  @Test
  void theSameArticleFromTwoSourcesIsPublishedOnce() {
    String feed = Fixtures.text("rss.xml", base);
    site.route("/a.xml", Response.ok(RSS, feed));
    site.route("/b.xml", Response.ok(RSS, feed));
    Ingest ingest = ingest(rss("a", "/a.xml"), rss("b", "/b.xml"));

    ingest.pollNow("a");
    PollResult b = ingest.pollNow("b");

    assertThat(b).isEqualTo(result("b", 3, 0, 0));
    assertThat(sink.articles()).extracting(Article::sourceId).containsOnly("a");
  }

  @Test
  void aListingPagePublishesEachLinkedArticle() {
    site.route("/world/", Response.ok(HTML, Fixtures.text("listing.html", base)));
    site.route("/news/a", Response.ok(HTML, "<html lang=\"en\"><head><title>A | Desk</title></head><body>"
        + "<h1>Story A</h1><div class=\"body\"><p>Text of A.</p></div><div class=\"more\"><p>More.</p></div>"
        + "</body></html>"));
    site.route("/news/b", Response.ok(HTML, "<html><body><h1>Story B</h1><div class=\"body\"><p>Text of B.</p></div>"
        + "</body></html>"));
    SourceSettings listing = SourceSettings.html("listing", base + "/world/")
        .withLinkSelector("li.story h2 a")
        .withBodySelector("div.body")
        .withLanguage("de")
        .withAllowPrivate(true);
    Ingest ingest = ingest(listing);

    PollResult first = ingest.pollNow("listing");
    PollResult second = ingest.pollNow("listing");

    // Three links: /news/a twice (once with a tracking parameter: one canonical URL, one item, read once),
    // /news/b; mailto is ignored.
    assertThat(first).isEqualTo(result("listing", 3, 2, 0));
    assertThat(second).isEqualTo(result("listing", 3, 0, 0));
    assertThat(sink.articles()).containsExactly(
        Article.of("listing", base + "/news/a", "Story A", "Text of A.", "en", null, NOW),
        Article.of("listing", base + "/news/b", "Story B", "Text of B.", "de", null, NOW));
    assertThat(site.hits("/news/a")).isEqualTo(1);
    assertThat(site.hits("/news/b")).isEqualTo(1);
  }

  @Test
  void aListingWhoseSelectorFindsNothingIsAnError() {
    site.route("/world/", Response.ok(HTML, Fixtures.text("listing.html", base)));
    SourceSettings listing = SourceSettings.html("listing", base + "/world/")
        .withLinkSelector("div.headline a")
        .withAllowPrivate(true);

    PollResult result = ingest(listing).pollNow("listing");

    assertThat(result.error()).isEqualTo("source 'listing': " + base
        + "/world/: link_selector 'div.headline a' selects no http(s) link on the page");
  }

  @Test
  void aSinglePageSourceIsOneArticle() {
    site.route("/story", Response.ok(HTML, Fixtures.text("article.html", base)));
    SourceSettings page = SourceSettings.html("page", base + "/story").withAllowPrivate(true);
    Ingest ingest = ingest(page);

    PollResult first = ingest.pollNow("page");
    PollResult second = ingest.pollNow("page");

    assertThat(first).isEqualTo(result("page", 1, 1, 0));
    assertThat(second).isEqualTo(result("page", 1, 0, 0));
    assertThat(sink.ids()).containsExactly(Article.idFor(base + "/news/minsk-moscow-treaty"));
    assertThat(site.hits("/story")).isEqualTo(2);
  }

  @Test
  void startPollsEverySourceOnItsOwnSchedule() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    site.route("/atom.xml", Response.ok("application/atom+xml", Fixtures.text("atom.xml", base)));
    site.route("/broken.xml", Response.ok(RSS, Fixtures.text("malformed.xml", base)));
    Ingest ingest = ingest(rss("desk", "/feed.xml"), rss("italia", "/atom.xml"), rss("broken", "/broken.xml"));

    ingest.start();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(sink.articles()).hasSize(5);
      assertThat(ingest.lastResults()).containsOnlyKeys("desk", "italia", "broken");
    });
    assertThat(sink.articles()).extracting(Article::sourceId).containsOnly("desk", "italia");
    assertThat(ingest.lastResults().get("broken").error()).contains("source 'broken'");
    ingest.close();
    assertThat(site.hits("/feed.xml")).isEqualTo(1);
    assertThatThrownBy(ingest::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sharesItsDatabaseWithOtherModulesTables() throws Exception {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table notifier_queue (id varchar(64) primary key)");
    }
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));

    assertThat(ingest(rss("desk", "/feed.xml")).pollNow("desk").published()).isEqualTo(3);
  }

  @Test
  void invalidSourcesAreRefusedAtBuild() {
    assertThatThrownBy(() -> Ingest.builder()
        .sources(List.of(
            SourceSettings.rss("a", "ftp://x.example/feed"),
            SourceSettings.rss("a", "https://y.example/")))
        .sink(sink)
        .dataSource(database)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid sources: sources[0].url: invalid value 'ftp://x.example/feed': must be an absolute "
            + "http or https URL; sources[1].id: duplicate id 'a', already used by sources[0]");
  }

  @Test
  void pollNowNamesAnUnknownSource() {
    Ingest ingest = ingest(rss("desk", "/feed.xml"));

    assertThatThrownBy(() -> ingest.pollNow("nope")).hasMessage("no source 'nope'; sources are [desk]");
  }
}
