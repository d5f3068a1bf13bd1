package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Identity and extraction through the whole poller: a feed that rewrites guids or reorders items does not
 * publish again, a listing without a selector finds its articles, dates and languages fill in.
 */
class IdentityTest {

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

  /** Three stories; {@code fetch} changes every guid and the cache-busting parameter of every link. */
  private String feed(int fetch, boolean reversed) {
    List<String> items = new ArrayList<>();
    String[][] stories = {
        {"minsk", "Minsk ratifies the security treaty", "<p>The parliament voted unanimously.</p>"},
        {"kursk", "More troops arrive in Kursk", "<p>About 3,000 soldiers arrived in February.</p>"},
        {"tehran", "Tehran approves the partnership treaty", "<p>200 deputies voted in favour.</p>"},
    };
    for (String[] story : stories) {
      items.add("<item><title>" + story[1] + "</title><link>" + base + "/news/" + story[0] + "?v=" + fetch
          + "</link><guid isPermaLink=\"false\">" + story[0] + "-" + fetch + "-" + (fetch * 7919) + "</guid>"
          + "<description><![CDATA[" + story[2] + "]]></description></item>");
    }
    if (reversed) {
      java.util.Collections.reverse(items);
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title><link>" + base + "/</link>"
        + "<description>d</description><language>en</language>" + String.join("", items) + "</channel></rss>";
  }

  @Test
  void aFeedThatRewritesGuidsAndLinksOnEveryFetchDoesNotPublishAgain() {
    site.route("/feed.xml", request -> Response.ok(RSS, feed(site.hits("/feed.xml"), false)));
    Ingest ingest = ingest(rss("churn", "/feed.xml"));

    PollResult first = ingest.pollNow("churn");
    PollResult second = ingest.pollNow("churn");
    PollResult third = ingest.pollNow("churn");

    assertThat(first).isEqualTo(result("churn", 3, 3, 0));
    assertThat(second).isEqualTo(result("churn", 3, 0, 0));
    assertThat(third).isEqualTo(result("churn", 3, 0, 0));
    assertThat(sink.articles()).extracting(Article::url).containsExactly(
        base + "/news/minsk?v=1", base + "/news/kursk?v=1", base + "/news/tehran?v=1");
  }

  @Test
  void guidChurnWithFullTextDoesNotReadThePagesAgain() {
    site.route("/feed.xml", request -> Response.ok(RSS, feed(site.hits("/feed.xml"), false)));
    site.route("/news/*", request -> Response.ok(HTML,
        "<html lang=\"en\"><body><article><p>The page of " + request.path().replaceAll("\\?.*", "")
            + ".</p></article></body></html>"));
    Ingest ingest = ingest(rss("churn", "/feed.xml").withFullText(true));

    PollResult first = ingest.pollNow("churn");
    PollResult second = ingest.pollNow("churn");

    assertThat(first).isEqualTo(result("churn", 3, 3, 0));
    assertThat(second).isEqualTo(result("churn", 3, 0, 0));
    assertThat(site.hits("/news/*")).isEqualTo(3);
  }

  @Test
  void aReorderedFeedPublishesNothing() {
    site.route("/feed.xml", Response.ok(RSS, feed(1, false)));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));
    ingest.pollNow("desk");

    site.route("/feed.xml", Response.ok(RSS, feed(1, true)));
    PollResult reordered = ingest.pollNow("desk");

    assertThat(reordered).isEqualTo(result("desk", 3, 0, 0));
    assertThat(sink.articles()).hasSize(3);
  }

  @Test
  void aChurnedFeedWithANewStoryPublishesOnlyTheNewStory() {
    site.route("/feed.xml", Response.ok(RSS, feed(1, false)));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));
    ingest.pollNow("desk");

    String newStory = "<item><title>Sanctions extended</title><link>" + base + "/news/sanctions?v=2</link>"
        + "<guid>sanctions-2</guid><description>The sanctions were extended.</description></item>";
    site.route("/feed.xml", Response.ok(RSS, feed(2, true).replaceFirst("<item>", newStory + "<item>")));
    PollResult second = ingest.pollNow("desk");

    assertThat(second).isEqualTo(result("desk", 4, 1, 0));
    assertThat(sink.titles()).last().isEqualTo("Sanctions extended");
  }

  @Test
  void theSameTextFromTwoSourcesIsPublishedByEach() {
    site.route("/a.xml", Response.ok(RSS, feed(1, false)));
    site.route("/b.xml", Response.ok(RSS, feed(2, false)));
    Ingest ingest = ingest(rss("a", "/a.xml"), rss("b", "/b.xml"));

    ingest.pollNow("a");
    PollResult b = ingest.pollNow("b");

    // Different URLs, same wire text: each outlet's copy is evidence for the matcher.
    assertThat(b).isEqualTo(result("b", 3, 3, 0));
  }

  @Test
  void aListingWithoutSelectorPublishesTheArticleLinksItFinds() {
    site.route("/world/", Response.ok(HTML, """
        <html><body>
          <nav><a href="/2025/03/07/menu-link-with-a-long-slug">Menu entry with many words in it</a></nav>
          <a href="/world/">World</a> <a href="/about">About us</a>
          <div class="story"><h2><a href="/2025/03/07/minsk-ratifies-treaty">Minsk ratifies the security treaty</a></h2></div>
          <div class="story"><h2><a href="/news/487512">More North Korean troops arrive in Kursk</a></h2></div>
          <div class="story"><a href="/news/487512"><img src="/i.jpg" alt=""></a></div>
          <footer><a href="/2025/03/07/privacy-policy-and-terms">Privacy policy and terms of use</a></footer>
        </body></html>"""));
    site.route("/2025/*", Response.ok(HTML, "<html lang=\"en\"><body><h1>Minsk</h1><p>Minsk ratified it.</p></body></html>"));
    site.route("/news/*", Response.ok(HTML, "<html lang=\"en\"><body><h1>Kursk</h1><p>Troops arrived.</p></body></html>"));
    SourceSettings listing = SourceSettings.html("front", base + "/world/").withListing(true).withAllowPrivate(true);

    PollResult result = ingest(listing).pollNow("front");

    assertThat(result).isEqualTo(result("front", 2, 2, 0));
    assertThat(sink.articles()).extracting(Article::url)
        .containsExactly(base + "/2025/03/07/minsk-ratifies-treaty", base + "/news/487512");
  }

  @Test
  void aListingWithoutArticleLinksIsAnErrorThatSaysWhatToDo() {
    site.route("/world/", Response.ok(HTML, "<html><body><a href=\"/world/\">World</a></body></html>"));
    SourceSettings listing = SourceSettings.html("front", base + "/world/").withListing(true).withAllowPrivate(true);

    PollResult result = ingest(listing).pollNow("front");

    assertThat(result.error()).isEqualTo("source 'front': " + base + "/world/: found no article links on the "
        + "listing page (same-site links with an article-like path and a headline); set link_selector");
  }

  @Test
  void aMissingItemDateFallsBackToThePageDateElseStaysNull() {
    site.route("/feed.xml", Response.ok(RSS, feed(1, false)));
    site.route("/news/minsk", Response.ok(HTML, "<html lang=\"en\"><head><meta property=\"article:published_time\" "
        + "content=\"2025-03-05T14:31:00+01:00\"></head><body><article><p>Dated page.</p></article></body></html>"));
    site.route("/news/*", Response.ok(HTML, "<html lang=\"en\"><body><article><p>Undated page.</p></article></body></html>"));

    ingest(rss("desk", "/feed.xml").withFullText(true)).pollNow("desk");

    assertThat(sink.articles()).extracting(Article::publishedAt)
        .containsExactly(Instant.parse("2025-03-05T13:31:00Z"), null, null);
  }

  @Test
  void aFeedItemWithoutLanguageHasItsLanguageDetected() {
    site.route("/feed.xml", Response.ok(RSS, """
        <rss version="2.0"><channel><title>Desk</title><link>http://a.example/</link><description>d</description>
        <item><title>Il parlamento ratifica il trattato</title><link>http://a.example/1</link>
        <description>Il parlamento bielorusso ha ratificato oggi il trattato con la Russia sulle garanzie di
        sicurezza, che entrerà in vigore dopo lo scambio degli strumenti di ratifica.</description></item>
        </channel></rss>"""));

    ingest(rss("desk", "/feed.xml")).pollNow("desk");

    assertThat(sink.articles()).extracting(Article::language).containsExactly("it");
  }
}
