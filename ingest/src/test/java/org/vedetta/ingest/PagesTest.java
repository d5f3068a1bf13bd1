package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;

class PagesTest {

  private static final URI URL = URI.create("https://news.example/feeds/world.xml");

  @Test
  void aDocumentWhoseRootIsRssIsAFeedWhateverItsContentType() throws Exception {
    Pages.Document document = Pages.readDocument(Fixtures.bytes("rss.xml", "https://news.example"), "text/html", URL);

    assertThat(document).isInstanceOfSatisfying(Pages.Feed.class, feed -> {
      assertThat(feed.title()).isEqualTo("Eastern Desk");
      assertThat(feed.url()).isEqualTo(URL.toString());
      assertThat(feed.items()).extracting(Pages.FeedEntry::guid)
          .containsExactly("eastern-desk-1001", "eastern-desk-1002", "https://news.example/news/leaders-meet");
      assertThat(feed.items().get(1)).isEqualTo(new Pages.FeedEntry("eastern-desk-1002",
          "https://news.example/news/troops-north", "Troops arrive in the north", Instant.parse("2025-03-04T07:00:00Z"),
          "en", "About 1,200 soldiers arrived by rail on Tuesday. Officials did not confirm the number."));
    });
  }

  @Test
  void anHtmlDocumentIsAPage() throws Exception {
    Pages.Document document = Pages.readDocument(Fixtures.bytes("article.html", "https://news.example"),
        "application/xml", URI.create("https://news.example/x"));

    assertThat(document).isInstanceOfSatisfying(Pages.Page.class, page -> {
      assertThat(page.title()).isEqualTo("Minsk and Moscow sign the Union treaty");
      assertThat(page.url()).isEqualTo("https://news.example/news/minsk-moscow-treaty");
      assertThat(page.language()).isEqualTo("en");
    });
  }

  @Test
  void aMalformedFeedIsAnIoErrorNamingTheUrl() {
    assertThatThrownBy(() -> Pages.readDocument(Fixtures.bytes("malformed.xml", ""), null, URL))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(URL + ": not a valid RSS or Atom feed: ");
  }

  @Test
  void aLongTeaserIsCutAtAWord() throws Exception {
    String words = "word ".repeat(200);
    byte[] rss = ("<rss version=\"2.0\"><channel><title>t</title><link>http://a.example/</link><description>d"
        + "</description><item><title>t</title><link>http://a.example/1</link><description>" + words
        + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    Pages.Feed feed = (Pages.Feed) Pages.readDocument(rss, null, URL);

    String teaser = feed.items().get(0).teaser();
    assertThat(teaser).hasSizeLessThanOrEqualTo(Pages.TEASER_CHARS).endsWith("word\u2026");
  }

  @Test
  void fetchesADocumentLikeIngest() throws Exception {
    try (LocalHttpServer site = LocalHttpServer.start()) {
      site.route("/feed", Response.ok("application/xml", Fixtures.text("atom.xml", site.baseUrl())));

      assertThat(Pages.fetchDocument(site.uri("/feed"), true)).isInstanceOf(Pages.Feed.class);
      assertThatThrownBy(() -> Pages.fetchDocument(site.uri("/feed"), false))
          .isInstanceOf(SourceFetchException.class)
          .hasMessageContaining("loopback");
    }
  }
}
