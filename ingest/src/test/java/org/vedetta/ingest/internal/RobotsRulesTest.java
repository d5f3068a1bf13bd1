package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.MutableClock;

/** robots.txt as {@link HttpFetcher} obeys it for html sources, against a local site. */
class RobotsRulesTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");
  private static final String HTML = "text/html; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final IngestSettings settings = IngestSettings.defaults().withPerHostInterval(Duration.ZERO);
  private final HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newClient(settings), settings, clock);
  private final SourceSettings html = SourceSettings.html("desk", site.baseUrl() + "/").withAllowPrivate(true);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    site.close();
  }

  private Fetched fetch(SourceSettings source, String path) throws SourceFetchException {
    return fetcher.fetch(source, site.uri(path), Validators.NONE);
  }

  private void robots(String text) {
    site.route("/robots.txt", Response.ok("text/plain", text));
  }

  @Test
  void aDisallowedPageIsSkippedWithAClearReason() {
    robots("User-agent: *\nDisallow: /private/\n");
    site.route("/private/story", Response.ok(HTML, "<p>secret</p>"));

    assertThatThrownBy(() -> fetch(html, "/private/story"))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessage("source 'desk': " + site.baseUrl() + "/private/story: skipped: disallowed by " + site.baseUrl()
            + "/robots.txt for user agent 'vedetta' (not retriable)");
    assertThat(site.hits("/private/story")).isZero();
  }

  @Test
  void theGroupNamingVedettaWinsOverTheWildcard() throws Exception {
    robots("User-agent: *\nAllow: /\n\nUser-agent: Vedetta\nDisallow: /news/\n");
    site.route("/news/story", Response.ok(HTML, "<p>news</p>"));
    site.route("/about", Response.ok(HTML, "<p>about</p>"));

    assertThatThrownBy(() -> fetch(html, "/news/story")).hasMessageContaining("disallowed by");
    assertThat(fetch(html, "/about").status()).isEqualTo(200);
  }

  @Test
  void robotsTxtIsReadOncePerHostAndKeptForItsTtl() throws Exception {
    robots("User-agent: *\nDisallow: /private/\n");
    site.route("/news/*", Response.ok(HTML, "<p>news</p>"));

    fetch(html, "/news/a");
    fetch(html, "/news/b");
    clock.advance(Duration.ofHours(23));
    fetch(html, "/news/c");

    assertThat(site.hits("/robots.txt")).isEqualTo(1);
    assertThat(site.requests("/robots.txt").get(0).header("User-Agent")).isEqualTo(HttpFetcher.USER_AGENT);

    clock.advance(Duration.ofHours(1));
    robots("User-agent: *\nDisallow: /news/\n");
    assertThatThrownBy(() -> fetch(html, "/news/d")).hasMessageContaining("disallowed by");
    assertThat(site.hits("/robots.txt")).isEqualTo(2);
    assertThat(site.hits("/news/*")).isEqualTo(3);
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() throws Exception {
    site.route("/story", Response.ok(HTML, "<p>story</p>"));

    assertThat(fetch(html, "/story").status()).isEqualTo(200);
    assertThat(site.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void aRobotsTxtThatCannotBeReadHoldsTheSitesPagesForAWhile() throws Exception {
    site.route("/robots.txt", Response.status(500));
    site.route("/story", Response.ok(HTML, "<p>story</p>"));

    assertThatThrownBy(() -> fetch(html, "/story"))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("source 'desk': " + site.baseUrl() + "/story: not fetched: " + site.baseUrl() + "/robots.txt "
            + "cannot be read now, so the site's pages are not fetched until it can (HTTP 500) (will retry)");
    assertThat(site.hits("/story")).isZero();

    robots("User-agent: *\nAllow: /\n");
    clock.advance(RobotsRules.UNREACHABLE_TTL.minusSeconds(1));
    assertThatThrownBy(() -> fetch(html, "/story")).hasMessageContaining("cannot be read now");
    clock.advance(Duration.ofSeconds(1));
    assertThat(fetch(html, "/story").status()).isEqualTo(200);
    assertThat(site.hits("/robots.txt")).isEqualTo(2);
  }

  @Test
  void robotsTxtIsFetchedWithTheSameLimits() {
    HttpFetcher impatient = new HttpFetcher(HttpFetcher.newClient(settings),
        settings.withReadTimeout(Duration.ofMillis(300)), clock);
    site.route("/robots.txt", request -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Response.ok("text/plain", "User-agent: *\nAllow: /\n");
    });
    site.route("/story", Response.ok(HTML, "<p>story</p>"));

    assertThatThrownBy(() -> impatient.fetch(html, site.uri("/story"), Validators.NONE))
        .hasMessageContaining("/robots.txt cannot be read now")
        .hasMessageContaining("300ms (read timeout)");
    assertThat(site.hits("/story")).isZero();
  }

  @Test
  void feedsAreNotCheckedAgainstRobotsTxt() throws Exception {
    robots("User-agent: *\nDisallow: /\n");
    site.route("/feed.xml", Response.ok("application/rss+xml", "<rss/>"));

    Fetched feed = fetch(SourceSettings.rss("wire", site.baseUrl() + "/feed.xml").withAllowPrivate(true), "/feed.xml");

    assertThat(feed.status()).isEqualTo(200);
    assertThat(site.hits("/robots.txt")).isZero();
  }

  @Test
  void everyRedirectHopIsChecked() {
    robots("User-agent: *\nDisallow: /private/\n");
    site.route("/go", Response.redirect(302, "/private/story"));

    assertThatThrownBy(() -> fetch(html, "/go"))
        .hasMessageContaining(site.baseUrl() + "/private/story: skipped: disallowed by");
    assertThat(site.hits("/go")).isEqualTo(1);
    assertThat(site.hits("/private/story")).isZero();
  }
}
