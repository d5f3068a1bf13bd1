package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {

  @Test
  void articlePathsHaveASlugOfThreeWordsOrANumberOfFourDigits() {
    assertThat(ArticleLinks.articlePath("/esteri/corea-nord-soldati-russia.shtml")).isTrue();
    assertThat(ArticleLinks.articlePath("/2025/03/07/minsk/")).isTrue();
    assertThat(ArticleLinks.articlePath("/news/487512")).isTrue();
    assertThat(ArticleLinks.articlePath("/20250305/shoygu-1234567.html")).isTrue();
    assertThat(ArticleLinks.articlePath("/world/")).isFalse();
    assertThat(ArticleLinks.articlePath("/")).isFalse();
    assertThat(ArticleLinks.articlePath("/about-us")).isFalse();
    assertThat(ArticleLinks.articlePath("/tag/north-korea-troops-russia")).isFalse();
    assertThat(ArticleLinks.articlePath("/world/page/2")).isFalse();
    assertThat(ArticleLinks.articlePath("/img/2025/03/photo-of-the-day.jpg")).isFalse();
  }

  @Test
  void findsHeadlineLinksToTheSameSiteOutsideTheChrome() {
    String html = """
        <html><body>
          <header><a href="/2025/03/07/header-link-with-long-slug">Header link with many words</a></header>
          <div class="main-menu"><a href="/2025/03/07/menu-link-with-long-slug">Menu link with many words</a></div>
          <article><header><h2><a href="/2025/03/07/teaser-in-an-article-header">Teaser in an article header</a></h2>
            </header></article>
          <ul>
            <li><a href="https://www.desk.example/news/48751">A headline on the www host</a></li>
            <li><a href="https://other.example/news/2025/03/07/elsewhere">A headline on another site</a></li>
            <li><a href="/news/48752">Two words</a></li>
            <li><a href="/news/48753#comments">12 comments</a></li>
            <li><a href="/news/48753">The same story with its full headline</a></li>
          </ul>
          <aside><a href="/2025/03/07/most-read-story-of-the-day">Most read story of the day</a></aside>
        </body></html>""";

    assertThat(ArticleLinks.find(Jsoup.parse(html, "https://desk.example/world/")))
        .containsExactly(
            java.util.Map.entry("https://desk.example/2025/03/07/teaser-in-an-article-header",
                "Teaser in an article header"),
            java.util.Map.entry("https://www.desk.example/news/48751", "A headline on the www host"),
            java.util.Map.entry("https://desk.example/news/48753", "The same story with its full headline"));
  }
}
