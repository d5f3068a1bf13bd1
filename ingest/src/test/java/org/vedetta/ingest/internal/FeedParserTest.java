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

  private static byte[] rss(String prolog, String title, String description) {
    return (prolog + "<rss version=\"2.0\"><channel><title>t</title><link>http://a.example/</link>"
        + "<description>d</description><item><title>" + title + "</title><link>/news/1</link><description>"
        + description + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aUtf8FeedDeclaringIso88591ReadsAsUtf8() throws Exception {
    byte[] body = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Città più bella", "è così");

    FeedItem item = parser.parse(body, "application/rss+xml", URI.create("http://a.example/feed")).get(0);

    assertThat(item.title()).isEqualTo("Città più bella");
    assertThat(item.text()).isEqualTo("è così");
  }

  @Test
  void anIso88591FeedDeclaringUtf8ReadsAsLatin1() throws Exception {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
        + "<link>http://a.example/</link><description>d</description><item><title>Sécurité à Minsk</title>"
        + "<link>http://a.example/1</link></item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(parser.parse(body, "text/xml; charset=utf-8", URI.create("http://a.example/feed")))
        .extracting(FeedItem::title).containsExactly("Sécurité à Minsk");
  }

  @Test
  void withoutADeclarationTheContentTypeCharsetIsUsed() throws Exception {
    byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><link>http://a.example/</link><description>d"
        + "</description><item><title>Договор ратифицирован</title><link>http://a.example/1</link></item>"
        + "</channel></rss>").getBytes(java.nio.charset.Charset.forName("windows-1251"));

    assertThat(parser.parse(body, "application/rss+xml; charset=windows-1251", URI.create("http://a.example/f")))
        .extracting(FeedItem::title).containsExactly("Договор ратифицирован");
  }

  @Test
  void htmlEntitiesAStrayAmpersandAndControlCharactersAreRepaired() throws Exception {
    byte[] body = rss("\n\n<?xml version=\"1.0\"?>", "Kim&rsquo;s &laquo;deal&raquo;&nbsp;&amp; AT&T\u0007",
        "&lt;p&gt;Caf&eacute; &amp;amp; more&lt;/p&gt;");

    FeedItem item = parser.parse(body, null, URI.create("http://a.example/feed")).get(0);

    assertThat(item.title()).isEqualTo("Kim\u2019s \u00abdeal\u00bb & AT&T");
    assertThat(item.text()).isEqualTo("Café & more");
  }

  @Test
  void relativeLinksAreResolvedAgainstTheFeedUrl() throws Exception {
    byte[] body = rss("", "t", "d");

    assertThat(parser.parse(body, null, URI.create("https://a.example/feeds/world.xml")).get(0).link())
        .isEqualTo("https://a.example/news/1");
  }

  @Test
  void anRss091DoctypeWithoutInternalSubsetIsDroppedUnread() throws Exception {
    byte[] body = ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
        + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>t</title>"
        + "<link>http://a.example/</link><description>d</description><language>en</language><item><title>One"
        + "&nbsp;&mdash; two</title><link>http://a.example/1</link></item></channel></rss>")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(body, "text/xml", URI.create("http://a.example/f")))
        .extracting(FeedItem::title).containsExactly("One \u2014 two");
  }

  @Test
  void aMissingDateIsNull() throws Exception {
    assertThat(parser.parse(rss("", "t", "d"), null, URI.create("http://a.example/f")).get(0).publishedAt()).isNull();
  }

  @Test
  void theRootElementSaysWhetherADocumentIsAFeed() {
    assertThat(FeedParser.isFeed(rss("<?xml version=\"1.0\"?><!-- <html> -->", "t", "d"), "text/html")).isTrue();
    assertThat(FeedParser.isFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8), null))
        .isTrue();
    assertThat(FeedParser.isFeed("<rdf:RDF xmlns:rdf=\"x\"/>".getBytes(StandardCharsets.UTF_8), null)).isTrue();
    assertThat(FeedParser.isFeed(Fixtures.bytes("article.html", BASE), "application/xml")).isFalse();
    assertThat(FeedParser.isFeed(new byte[0], null)).isFalse();
  }

  @Test
  void aPageIsRefusedByItsRootElement() {
    assertThatThrownBy(() -> parse("listing.html", "application/rss+xml"))
        .isInstanceOf(DocumentException.class)
        .hasMessage("not a valid RSS or Atom feed: the root element is <html>, not <rss>, <rdf:RDF> or <feed>");
  }

  @Test
  void theFeedTitleIsRead() throws Exception {
    assertThat(parser.parseFeed(Fixtures.bytes("atom.xml", BASE), null, URI.create(BASE)).title())
        .isEqualTo("Desk Italia");
  }

  @Test
  void aGuidlessItemIsKnownByItsCanonicalLink() {
    FeedItem tracked = new FeedItem(null, "https://a.example/news/1?utm_source=rss&ref=home#top", "t", "", null, null);

    assertThat(tracked.key()).isEqualTo("https://a.example/news/1");
    assertThat(new FeedItem("g-1", "https://a.example/news/1", "t", "", null, null).key()).isEqualTo("g-1");
    assertThat(new FeedItem(null, null, "t", "", null, null).key()).isNull();
  }
}
