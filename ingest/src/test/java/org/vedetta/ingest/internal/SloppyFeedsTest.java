package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vedetta.testsupport.HostileText;

/**
 * Feeds as the web serves them, which readers such as feedparser read: undeclared namespace prefixes, an
 * {@code <rss>} without version or without {@code <channel>}, RSS 0.9x, Atom 0.3 with base64 content, UTF-16 and
 * UTF-32 without a byte order mark. Each reads, and what needed mending is named.
 */
class SloppyFeedsTest {

  private static final URI BASE = URI.create("https://desk.example/feed.xml");
  private static final String ITEM = "<item><title>Troops arrive</title><link>https://desk.example/a</link>"
      + "<description>North Korean troops arrived in Kursk.</description></item>";
  private static final String CHANNEL = "<title>Desk</title><link>https://desk.example/</link><description>d"
      + "</description>";

  private static FeedParser.Parsed parse(byte[] feed) throws DocumentException {
    return new FeedParser().parseFeed(feed, "application/rss+xml", BASE);
  }

  private static FeedParser.Parsed parse(String feed) throws DocumentException {
    return parse(feed.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void undeclaredNamespacePrefixesAreDeclaredAndNamed() throws DocumentException {
    FeedParser.Parsed feed = parse("<rss version=\"2.0\"><channel>" + CHANNEL + "<item><title>Troops arrive</title>"
        + "<link>https://desk.example/a</link><dc:creator>Ann Roe</dc:creator><media:content url=\"x.jpg\"/>"
        + "<itunes:author>A</itunes:author><custom:tag>t</custom:tag><description>Troops arrived.</description></item>"
        + "</channel></rss>");

    assertThat(feed.items()).singleElement().satisfies(i -> assertThat(i.title()).isEqualTo("Troops arrive"));
    assertThat(feed.repairs()).containsExactly("undeclared namespace prefixes custom, dc, itunes, media");
  }

  @Test
  void anRssWithoutVersionOrChannelReads() throws DocumentException {
    assertThat(parse("<rss><channel>" + CHANNEL + ITEM + "</channel></rss>").items()).hasSize(1);

    FeedParser.Parsed bare = parse("<rss version=\"2.0\"><title>Desk</title>" + ITEM + "</rss>");
    assertThat(bare.items()).singleElement()
        .satisfies(i -> assertThat(i.text()).isEqualTo("North Korean troops arrived in Kursk."));
    assertThat(bare.repairs()).containsExactly("<rss> without <channel>");
  }

  @Test
  void anUnknownVersionAndUndeclaredPrefixesAreBothMended() throws DocumentException {
    FeedParser.Parsed feed = parse("<rss version=\"0.90\"><channel>" + CHANNEL + "<item><title>Troops arrive</title>"
        + "<link>https://desk.example/a</link><dc:creator>Ann Roe</dc:creator><description>x</description></item>"
        + "</channel></rss>");

    assertThat(feed.items()).hasSize(1);
    assertThat(feed.repairs()).containsExactly("RSS version 0.90 read as 2.0", "undeclared namespace prefixes dc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.90", "0.91", "0.92", "0.93", "0.94"})
  void rss09xReads(String version) throws DocumentException {
    FeedParser.Parsed feed = parse("<rss version=\"" + version + "\"><channel>" + CHANNEL + ITEM + "</channel></rss>");

    assertThat(feed.items()).singleElement().satisfies(i -> assertThat(i.link()).isEqualTo("https://desk.example/a"));
    // 0.90 proper is RDF: an <rss version="0.90"> is read as 2.0, and said so.
    assertThat(feed.repairs()).isEqualTo(version.equals("0.90") ? List.of("RSS version 0.90 read as 2.0") : List.of());
  }

  @Test
  void atom03WithBase64ContentReads() throws DocumentException {
    String content = Base64.getEncoder().encodeToString("<p>North Korean troops arrived.</p>".getBytes(StandardCharsets.UTF_8));
    FeedParser.Parsed feed = parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Desk</title>"
        + "<entry><title>Troops arrive</title><link rel=\"alternate\" type=\"text/html\" href=\"https://desk.example/a\"/>"
        + "<id>a</id><issued>2025-03-01T10:00:00Z</issued><content type=\"text/html\" mode=\"base64\">" + content
        + "</content></entry></feed>");

    assertThat(feed.items()).singleElement().satisfies(i -> assertThat(i.text()).isEqualTo("North Korean troops arrived."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void wideEncodingsWithoutAByteOrderMarkRead(String charset) throws DocumentException {
    String feed = "<?xml version=\"1.0\" encoding=\"" + charset.substring(0, 6) + "\"?><rss version=\"2.0\"><channel>"
        + CHANNEL + ITEM.replace("Kursk", "Kursk, Курск") + "</channel></rss>";

    assertThat(parse(feed.getBytes(Charset.forName(charset))).items()).singleElement()
        .satisfies(i -> assertThat(i.text()).isEqualTo("North Korean troops arrived in Kursk, Курск."));
    assertThat(FeedParser.isFeed(feed.getBytes(Charset.forName(charset)), "text/html")).isTrue();
  }

  @Test
  void aFeedOfThousandsOfItemsIsReadUpToItsFirstThousand() throws DocumentException {
    FeedParser.Parsed feed = parse(HostileText.sloppyFeed(1_200));

    assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
    assertThat(feed.items().get(0).title()).isEqualTo("Troops & arms 0 \u2019");
    assertThat(feed.repairs()).contains("only the first 1000 of its 1200 items read",
        "undeclared namespace prefixes dc, media", "<rss> without <channel>");
  }

  @Test
  void aDoctypeWithAnInternalSubsetIsStillRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel>" + CHANNEL + "<item><title>&x;</title></item></channel></rss>";

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(xxe)).isInstanceOf(DocumentException.class);
  }
}
