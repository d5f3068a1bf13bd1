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
        null,
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
        + "Hanno discusso di difesa e di energia per tre ore.");
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
  void aLayoutNamedLikeBoilerplateDoesNotTakeTheArticleWithIt() {
    String html = """
        <html><body><div class="p-body-main p-body-main--withSidebar">
          <div class="content"><p>Kim sent troops to the Kursk region in October, officials in Seoul said today.</p>
          <p>The deployment was confirmed by both governments after months of denials.</p></div>
          <div class="sidebar"><a href="/a">Most read</a></div>
        </div><div class="comments"><p>First!</p></div></body></html>""";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text()).isEqualTo(
        "Kim sent troops to the Kursk region in October, officials in Seoul said today.\n\n"
            + "The deployment was confirmed by both governments after months of denials.");
  }

  @Test
  void classNamesOfAPostsTagsAndCategoriesAreNotBoilerplateWords() {
    assertThat(Boilerplate.hasBoilerplateWord("post type-post tag-sponsoring category-social-media")).isFalse();
    assertThat(Boilerplate.hasBoilerplateWord("post sponsored-content")).isTrue();
    assertThat(Boilerplate.hasBoilerplateWord("widget-tags")).isTrue();
  }

  @Test
  void headingsTheTextEndsWithGoWithTheSectionsTheyIntroduced() {
    String html = """
        <html><body><article>
          <h2>Vertrag ratifiziert</h2><p>Das Parlament hat den Vertrag am Dienstag ratifiziert.</p>
          <h2>Weitere Artikel zum Thema</h2><ul class="related-list"><li><a href="/a">Ein anderer Artikel</a></li></ul>
          <h3>Temas relacionados</h3>
        </article></body></html>""";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .isEqualTo("Vertrag ratifiziert\n\nDas Parlament hat den Vertrag am Dienstag ratifiziert.");
  }

  @Test
  void adLabelsCallsToFollowAndSubscriptionPromptsAreFurniture() {
    String html = """
        <html><body><article>
          <p>*Werbung. Dieser Beitrag enthält Werbung für einen Hersteller.</p>
          <p>Werbung für Tabak ist in Deutschland weitgehend verboten, sagte die Ministerin am Montag.</p>
          <p>ANZEIGE - Heute mal ausgehen?</p>
          <p>The ministry's newsletter said the treaty was ratified on Tuesday by both chambers of parliament.</p>
          <p>Zum Newsletter anmelden</p>
          <p>Síguenos en Telegram, Instagram, Facebook y Twitter para recibir todas nuestras noticias.</p>
          <p>To view the full story, please subscribe to The Daily Example.</p>
        </article></body></html>""";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text()).isEqualTo(
        "Werbung für Tabak ist in Deutschland weitgehend verboten, sagte die Ministerin am Montag.\n\n"
            + "The ministry's newsletter said the treaty was ratified on Tuesday by both chambers of parliament.");
  }

  @Test
  void anItemThatIsMostlyALinkStaysInAListOfText() {
    String html = """
        <html><body><article><p>What changed in the release, item by item, for the people who use it.</p><ul>
          <li>From this release it is possible to disable the shortcut for each search engine in the preferences.</li>
          <li>Thanks to Ana, users can now <a href="/b/1">import logins from Keepass into the browser</a></li>
          <li>Printing non-contiguous page ranges is supported, as many asked for, in every print dialog.</li>
        </ul><ul class="more"><li><a href="/x">Another story</a></li><li><a href="/y">A third story</a></li></ul>
        </article></body></html>""";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .contains("Thanks to Ana, users can now import logins from Keepass into the browser")
        .doesNotContain("Another story");
  }

  @Test
  void aCustomElementNamedLikeBoilerplateIsBoilerplate() {
    String item = "<pp-navigation-item><div>Arbeitsförderung und Ausbildung für alle</div></pp-navigation-item>";
    String html = "<html><body><pp-navigation>" + item.repeat(40) + "</pp-navigation>"
        + "<article><p>Das Ministerium hat die Anforderungen an die Nachweise am Mittwoch neu geregelt.</p>"
        + "</article><site-footer><p>Impressum und Datenschutz des Ministeriums</p></site-footer></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .isEqualTo("Das Ministerium hat die Anforderungen an die Nachweise am Mittwoch neu geregelt.");
  }

  @Test
  void aTextOfHeadingsOnlyIsKept() {
    String html = "<html><body><article><h2>Test Case 1</h2><img src=\"a.png\"><h2>Test Case 2</h2>"
        + "<img src=\"b.png\"></article></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .isEqualTo("Test Case 1\n\nTest Case 2");
  }

  @Test
  void theLenientPassStillDropsAHeavyCommentSection() {
    String comment = "<li><p>" + "I think this is wrong and the government should explain itself. ".repeat(4)
        + "</p></li>";
    String html = "<html><body><div class=\"main--withSidebar\"><p>Officials confirmed the figure.</p>"
        + "<ol class=\"comment-list\">" + comment.repeat(20) + "</ol></div></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .isEqualTo("Officials confirmed the figure.");
  }

  @Test
  void aLongDiscussionDoesNotHideAnArticleNamedLikeBoilerplate() {
    String comment = "<article class=\"comment-body\"><p>" + "Ich sehe das ganz anders als der Autor hier. ".repeat(6)
        + "</p></article>";
    String html = "<html><body><main><article class=\"has-paywall steady-paywall-container\">"
        + "<p>" + "Die Regierung hat den Vertrag am Dienstag ratifiziert. ".repeat(8) + "</p></article>"
        + "<ol class=\"comment-list\">" + comment.repeat(30) + "</ol></main></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).text())
        .startsWith("Die Regierung hat den Vertrag am Dienstag ratifiziert.").doesNotContain("Autor");
  }

  @Test
  void readsTheCharsetFromThePage() {
    byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Citt\u00e0 di Mosca</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);

    Fetched fetched = Fetched.of(URI.create(BASE + "/x"), "text/html", latin1);

    ExtractedPage page = new PageExtractor(null).extract(fetched, null);

    assertThat(page.text()).isEqualTo("Citt\u00e0 di Mosca");
  }

  @Test
  void readsAuthorDateTitleAndLanguageFromJsonLdInAGraph() {
    String html = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "name": "Not this"},
          {"@type": ["NewsArticle"], "headline": "Accordo &amp; firma", "inLanguage": {"@type": "Language", "alternateName": "it"},
           "datePublished": "2025-03-05 14:31:00+0100", "author": [{"@type": "Person", "name": "Marco Ferraris"}, "Giulia Ferri",
           {"@type": "Person", "url": "https://x.example/p"}],},
        ]}
        </script></head><body><p>Testo.</p></body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), "en");

    assertThat(page.title()).isEqualTo("Accordo & firma");
    assertThat(page.author()).isEqualTo("Marco Ferraris, Giulia Ferri");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-03-05T13:31:00Z"));
    assertThat(page.language()).isEqualTo("it");
  }

  @Test
  void authorFallsBackToMetaThenByline() {
    String meta = "<html><head><meta name=\"author\" content=\"https://x.example/a\"><meta name=\"byl\" "
        + "content=\"By Jane Roe\"></head><body><p>T.</p></body></html>";
    String byline = "<html><body><div class=\"byline\">di Mario Rossi</div><p>T.</p></body></html>";
    String itemprop = "<html><body><span itemprop=\"author\" itemscope><span itemprop=\"name\">Олена Коваль"
        + "</span></span><p>T.</p></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", meta), null).author()).isEqualTo("Jane Roe");
    assertThat(new PageExtractor(null).extract(page("/s", byline), null).author()).isEqualTo("Mario Rossi");
    assertThat(new PageExtractor(null).extract(page("/s", itemprop), null).author()).isEqualTo("Олена Коваль");
    assertThat(new PageExtractor(null).extract(page("/s", "<p>T.</p>"), null).author()).isNull();
  }

  @Test
  void jsonLdThatIsNotJsonStillGivesItsDateAndHeadline() {
    String html = """
        <html><head><script type="application/ld+json">
        {"@type": "NewsArticle" "headline": "Broken \\"JSON\\" page", "datePublished": "2025-03-01T10:00:00Z"}
        </script></head><body><p>Text.</p></body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), null);

    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(page.title()).isEqualTo("Broken \"JSON\" page");
  }

  @Test
  void removesReadAlsoBoxesCommentsShareBarsAndFurniture() {
    String html = """
        <html><body><div class="layout with-sidebar"><h1>Vertice a Minsk</h1>
          <div class="testo">
            <p>Primo paragrafo del pezzo, abbastanza lungo da essere testo.</p>
            <p><strong>Leggi anche:</strong> <a href="/x">Un altro articolo con un titolo lungo</a></p>
            <h3>Читайте также</h3><ul><li><a href="/y">Другая статья</a></li><li><a href="/z">Третья статья</a></li></ul>
            <p>Secondo paragrafo, con un <a href="/link">link</a> dentro il testo.</p>
            <p><strong>Leggi anche</strong></p><p><a href="/w">Un quarto articolo con un titolo lungo</a></p>
            <h2>Related developments</h2><p>Terzo paragrafo sotto un sottotitolo che non introduce link.</p>
            <h2>Comments from the minister</h2><p>Quarto paragrafo.</p>
            <div class="post-share-bar"><a href="#">Facebook</a> <a href="#">X</a></div>
            <p>Weitere Informationen zum Gipfel gibt das Ministerium.</p>
            <p>Mehr zum Thema:</p>
            <p>Über den Autor</p>
            <p>AFP / MARCO BERTORELLO</p>
            <p>Dieser Beitrag enthält Affiliate-Links.</p>
            <p>Die Kommentare geben nicht notwendigerweise die Meinung der Redaktion wieder.</p>
            <p>Pubblicità</p>
            <p>Foto: Ansa</p>
            <p>Abbildung 4: klassische Schwachschicht.</p>
            <p>Quelle: Landesregierung</p>
            <p>© RIPRODUZIONE RISERVATA</p>
          </div>
          <h2>Commenti (2)</h2><div><p>Un commento lungo di un lettore che non fa parte dell'articolo.</p></div>
        </div></body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), null);

    assertThat(page.text()).isEqualTo("Primo paragrafo del pezzo, abbastanza lungo da essere testo.\n\n"
        + "Secondo paragrafo, con un link dentro il testo.\n\nRelated developments\n\n"
        + "Terzo paragrafo sotto un sottotitolo che non introduce link.\n\nComments from the minister\n\n"
        + "Quarto paragrafo.\n\nWeitere Informationen zum Gipfel gibt das Ministerium.");
  }

  @Test
  void keepsAStandfirstBetweenTheHeadlineAndTheBody() {
    String html = """
        <html><body><main><div class="top"><h1>Headline</h1>
          <p class="intro">A standfirst of more than twelve words that sums up the story for the hurried reader.</p>
          <span class="date">3 March 2025</span></div>
          <div class="story"><p>The body, first paragraph, which is long enough to weigh much more than the rest of
          the page, as the body of a story always does.</p><p>The body, second paragraph, which adds a good deal of
          text of its own so that the body dominates its parent block.</p><p>A third paragraph.</p></div>
        </main></body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), null);

    assertThat(page.text()).startsWith("A standfirst of more than twelve words").contains("The body, first")
        .doesNotContain("3 March");
  }

  @Test
  void detectsTheLanguageWhenThePageAndTheHintSayNothing() {
    String html = "<html><body><p>Парламент Білорусі ратифікував договір з Росією про гарантії безпеки, який "
        + "президенти підписали в грудні.</p></body></html>";

    assertThat(new PageExtractor(null).extract(page("/s", html), null).language()).isEqualTo("uk");
    assertThat(new PageExtractor(null).extract(page("/s", html), "ru").language()).isEqualTo("ru");
  }

  @Test
  void aUtf8PageServedAsLatin1ReadsRight() {
    Fetched fetched = Fetched.of(URI.create(BASE + "/x"), "text/html; charset=ISO-8859-1",
        "<html><body><p>Città più bella</p></body></html>".getBytes(StandardCharsets.UTF_8));

    assertThat(new PageExtractor(null).extract(fetched, null).text()).isEqualTo("Città più bella");
  }

  @Test
  void aLogoInAnH1IsNotTakenForTheHeadline() {
    String html = """
        <html><head><meta property="og:title" content="Troops arrive in Kursk"></head><body>
          <header><h1 class="logo"><a href="/">The Daily Desk</a></h1>
            <p class="tagline">All the news that fits, from every corner of the region and beyond it, every day.</p></header>
          <main><h1>Troops arrive in Kursk</h1>
            <p class="lead">A standfirst of more than twelve words that sums up the story for the hurried reader.</p>
            <div class="story"><p>The body, first paragraph, long enough to weigh much more than the rest of the page
            as the body of a story always does, with a good many words in it.</p><p>The body, second paragraph,
            which adds a good deal of text of its own so that the body dominates its parent block, and then
            some more words so that it really does.</p></div></main>
        </body></html>""";

    ExtractedPage page = new PageExtractor(null).extract(page("/s", html), null);

    assertThat(page.title()).isEqualTo("Troops arrive in Kursk");
    assertThat(page.text()).startsWith("A standfirst of more than twelve words").contains("The body, first")
        .doesNotContain("All the news", "Daily Desk", "Troops arrive");
  }
}
