package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.Fixtures;

class PageExtractorTest {

  private static final String BASE = "https://news.example";

  private static Fetched page(String path, String html) {
    return Fetched.of(URI.create(BASE + path), "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static Fetched fixture(String name) {
    return page("/news/minsk-moscow-treaty?ref=home", Fixtures.text(name, BASE));
  }

  @Test
  void extractsTheArticleWithoutBoilerplate() {
    ExtractedPage page = new PageExtractor(null).extract(fixture("article.html"), "ru");

    assertThat(page).isEqualTo(new ExtractedPage(
        BASE + "/news/minsk-moscow-treaty",
        "Minsk and Moscow sign the Union treaty",
        Instant.parse("2025-03-03T09:30:00Z"),
        "en",
        "Belarus and Russia signed the Union treaty in Minsk on Monday, officials said.\n\n"
            + "The treaty enters into force on 1 January 2026, after ratification by both parliaments.\n\n"
            + "Critics called the deal a step towards annexation."));
    assertThat(page.text()).doesNotContain("cookie", "World", "Related", "newsletter", "rights reserved",
        "Filed under", "analytics", "signing ceremony");
  }

  @Test
  void withoutAnArticleTakesTheDensestParagraphs() {
    ExtractedPage page = new PageExtractor(null).extract(fixture("page-without-article.html"), "it");

    assertThat(page.title()).isEqualTo("Vertice a Minsk");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-03-06T11:00:00Z"));
    assertThat(page.language()).isEqualTo("it");
    assertThat(page.canonicalUrl()).isNull();
    assertThat(page.text()).isEqualTo("I due presidenti si sono incontrati a Minsk per il vertice annuale.\n\n"
        + "Hanno discusso di difesa e di energia per tre ore.\n\nCondividi");
  }

  @Test
  void bodySelectorWins() {
    String html = """
        <html><body>
          <article><p>Teaser that is not the story, but longer than the story itself by quite a lot.</p></article>
          <div class="story-body"><p>The story.</p><div class="story-body"><p>Nested part.</p></div></div>
          <div class="story-body"><p>Second part.</p></div>
        </body></html>""";

    ExtractedPage page = new PageExtractor("div.story-body").extract(page("/s", html), null);

    assertThat(page.text()).isEqualTo("The story.\n\nNested part.\n\nSecond part.");
  }

  @Test
  void bodySelectorThatSelectsNothingFallsBack() {
    String html = "<html><body><article><p>Only text.</p></article></body></html>";

    assertThat(new PageExtractor(".gone").extract(page("/s", html), null).text()).isEqualTo("Only text.");
  }

  @Test
  void titleAndDateFallBackInOrder() {
    String html = """
        <html lang="it-IT"><head><title>Head title</title></head><body>
          <main><header><h1>  Headline  </h1><time datetime="2025-02-01">1 Feb</time></header><p>Body.</p></main>
        </body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), "en");

    assertThat(page.title()).isEqualTo("Headline");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(page.language()).isEqualTo("it");
    assertThat(page.text()).isEqualTo("Body.");
  }

  @Test
  void titleFromTitleTagAndLanguageFromHint() {
    String html = "<html><head><title>Only a title</title></head><body><p>Text.</p></body></html>";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), "fr");

    assertThat(page.title()).isEqualTo("Only a title");
    assertThat(page.publishedAt()).isNull();
    assertThat(page.language()).isEqualTo("fr");
  }

  @Test
  void aFormWrappingThePageIsNotBoilerplate() {
    String html = """
        <html><body><form id="aspnetForm">
          <div><p>One.</p><p>Two.</p><p>Three.</p></div>
        </form></body></html>""";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text()).isEqualTo("One.\n\nTwo.\n\nThree.");
  }

  @Test
  void readsTheCharsetFromThePage() {
    byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Citt\u00e0 di Mosca</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);

    Fetched fetched = Fetched.of(URI.create(BASE + "/x"), "text/html", latin1);

    ExtractedPage page = new PageExtractor(null).extract(fetched, null);

    assertThat(page.text()).isEqualTo("Citt\u00e0 di Mosca");
  }
}
