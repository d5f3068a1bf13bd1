package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.Fixtures;

class FeedParserTest {

  private static final String BASE = "https://news.example";
  private final FeedParser parser = new FeedParser();

  private List<FeedItem> parse(String fixture, String contentType) throws DocumentException {
    return parser.parse(Fixtures.bytes(fixture, BASE), contentType, URI.create(BASE + "/feeds/world.xml"));
  }

  @Test
  void readsRss() throws Exception {
    List<FeedItem> items = parse("rss.xml", "application/rss+xml; charset=utf-8");

    assertThat(items).containsExactly(
        new FeedItem("eastern-desk-1001",
            BASE + "/news/minsk-moscow-treaty?utm_source=rss&utm_medium=feed",
            "Minsk & Moscow sign \u201cUnion\u201d treaty",
            "Belarus and Russia signed the treaty on Monday.\n\nIt enters into force next year.",
            Instant.parse("2025-03-03T09:30:00Z"), "en"),
        new FeedItem("eastern-desk-1002",
            BASE + "/news/troops-north",
            "Troops arrive in the north",
            "About 1,200 soldiers arrived by rail on Tuesday.\n\nOfficials did not confirm the number.",
            Instant.parse("2025-03-04T07:00:00Z"), "en"),
        new FeedItem(BASE + "/news/leaders-meet",
            BASE + "/news/leaders-meet#comments",
            "Leaders meet in Pyongyang",
            "The two leaders met for three hours.",
            null, "en"));
  }

  @Test
  void readsAtom() throws Exception {
    List<FeedItem> items = parse("atom.xml", "application/atom+xml");

    assertThat(items).containsExactly(
        new FeedItem("urn:uuid:entry-1", BASE + "/it/accordo", "Accordo firmato oggi a Minsk",
            "Il trattato è stato firmato.\n\nEntrerà in vigore a giugno.",
            Instant.parse("2025-03-05T08:00:00Z"), "it"),
        new FeedItem("urn:uuid:entry-2", BASE + "/it/aggiornato", "Solo aggiornato",
            "Testo semplice, senza markup <b> letterale.",
            Instant.parse("2025-03-04T08:00:00Z"), "it"));
  }

  @Test
  void findsTheEncodingWithoutAContentType() throws Exception {
    byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
        + "<link>http://a.example/</link><description>d</description><item><title>Caf\u00e9 and cr\u00e8me</title>"
        + "<link>http://a.example/1</link></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);

    List<FeedItem> items = parser.parse(latin1, null, URI.create("http://a.example/feed"));

    assertThat(items).extracting(FeedItem::title).containsExactly("Caf\u00e9 and cr\u00e8me");
  }

  @Test
  void refusesADoctypeSoNoEntityIsResolved() {
    assertThatThrownBy(() -> parse("xxe.xml", "application/rss+xml"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("not a valid RSS or Atom feed: ")
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void malformedFeedIsADocumentError() {
    assertThatThrownBy(() -> parse("malformed.xml", "application/rss+xml"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("not a valid RSS or Atom feed: ");
  }

  @Test
  void htmlIsNotAFeed() {
    assertThatThrownBy(() -> parse("article.html", "text/html"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("not a valid RSS or Atom feed: ");
  }
}
