package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Article;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;

/**
 * Hostile feeds polled through {@link Ingest#pollNow}: each is refused with an error naming the source and
 * the URL, resolves nothing outside the document, and leaves the other sources working.
 */
class FeedSafetyTest {

  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String CHANNEL = "<channel><title>t</title><link>http://news.example/</link>"
      + "<description>d</description><item><title>Harmless</title><link>http://news.example/1</link>"
      + "<description>&x;</description></item></channel>";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final String base = site.baseUrl();
  private final RecordingSink sink = new RecordingSink();
  private Ingest ingest;

  @BeforeEach
  void start() {
    site.route("/good.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    site.route("/laughs.xml", Response.ok(RSS, billionLaughs()));
    site.route("/xxe.xml", Response.ok(RSS, Fixtures.text("xxe.xml", base)));
    site.route("/dtd.xml", Response.ok(RSS, "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + base + "/evil.dtd\">"
        + "<rss version=\"2.0\">" + CHANNEL.replace("&x;", "d") + "</rss>"));
    site.route("/param.xml", Response.ok(RSS, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM \""
        + base + "/remote.dtd\"> %remote;]><rss version=\"2.0\">" + CHANNEL + "</rss>"));
    site.route("/xinclude.xml", Response.ok(RSS, "<?xml version=\"1.0\"?><rss version=\"2.0\" "
        + "xmlns:xi=\"http://www.w3.org/2001/XInclude\">" + CHANNEL.replace("&x;",
        "<xi:include href=\"" + base + "/included.txt\" parse=\"text\"/>Plain text.") + "</rss>"));
    site.route("/evil.dtd", Response.ok("application/xml-dtd", "<!ENTITY x \"resolved\">"));
    site.route("/remote.dtd", Response.ok("application/xml-dtd", "<!ENTITY x \"resolved\">"));
    site.route("/included.txt", Response.ok("text/plain", "INCLUDED SECRET"));
    ingest = Ingest.builder()
        .sources(List.of(rss("good"), rss("laughs"), rss("xxe"), rss("dtd"), rss("param"), rss("xinclude")))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .clock(Clock.fixed(Instant.parse("2025-03-07T12:00:00Z"), ZoneOffset.UTC))
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();
  }

  @AfterEach
  void stop() {
    ingest.close();
    site.close();
  }

  private SourceSettings rss(String id) {
    return SourceSettings.rss(id, base + "/" + id + ".xml").withAllowPrivate(true);
  }

  /** Ten levels of ten: a billion "lol"s, some 3 GB, from under a kilobyte. */
  private static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10));
      dtd.append("\">");
    }
    return "<?xml version=\"1.0\"?><!DOCTYPE rss [" + dtd + "<!ENTITY x \"&lol9;\">]><rss version=\"2.0\">"
        + CHANNEL + "</rss>";
  }

  private void assertRefused(String id) {
    PollResult result = ingest.pollNow(id);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.published()).isZero();
    assertThat(result.error())
        .startsWith("source '" + id + "': " + base + "/" + id + ".xml: not a valid RSS or Atom feed: ")
        .contains("DOCTYPE");
    assertThat(ingest.health().get(id).consecutiveFailures()).isEqualTo(1);
    assertThat(ingest.health().get(id).lastError()).isEqualTo(result.error());
    assertThat(ingest.pollNow("good").succeeded()).isTrue();
  }

  @Test
  void aBillionLaughsIsRefused() {
    assertRefused("laughs");
    assertThat(sink.articles()).extracting(Article::sourceId).containsOnly("good");
    assertThat(sink.articles()).hasSize(3);
  }

  @Test
  void anExternalEntityIsNotResolved() {
    assertRefused("xxe");
    assertThat(sink.articles()).extracting(Article::sourceId).containsOnly("good");
  }

  @Test
  void anExternalDtdIsNeverFetched() {
    PollResult result = ingest.pollNow("dtd");

    // A bare DOCTYPE naming an external DTD (as RSS 0.91 feeds carry) is dropped unread; the feed is read.
    assertThat(result.error()).isNull();
    assertThat(result.published()).isEqualTo(1);
    assertThat(site.hits("/evil.dtd")).isZero();
  }

  @Test
  void aParameterEntityIsNotFetched() {
    assertRefused("param");
    assertThat(site.hits("/remote.dtd")).isZero();
  }

  @Test
  void anXIncludeIsNotFollowed() {
    PollResult result = ingest.pollNow("xinclude");

    // Without a DOCTYPE the feed is valid XML; the include is an unknown element and is never fetched.
    assertThat(site.hits("/included.txt")).isZero();
    assertThat(sink.articles()).extracting(Article::text).noneMatch(text -> text.contains("INCLUDED SECRET"));
    assertThat(result.error()).isNull();
  }

  @Test
  void everyHostileFeedFailsAloneAndTheOthersGoOn() {
    for (String id : List.of("laughs", "xxe", "dtd", "param")) {
      ingest.pollNow(id);
    }
    assertThat(ingest.health().values()).filteredOn(h -> !h.sourceId().equals("dtd"))
        .filteredOn(h -> h.lastPoll() != null)
        .allSatisfy(h -> assertThat(h.consecutiveFailures()).isEqualTo(1));
    PollResult good = ingest.pollNow("good");

    assertThat(good.published()).isEqualTo(3);
    assertThat(ingest.health().get("good").healthy()).isTrue();
    assertThat(ingest.health().get("good").consecutiveFailures()).isZero();
    assertThat(ingest.lastResults()).containsOnlyKeys("laughs", "xxe", "dtd", "param", "good");
    assertThat(sink.articles()).extracting(Article::sourceId).containsOnly("good", "dtd");
  }
}
