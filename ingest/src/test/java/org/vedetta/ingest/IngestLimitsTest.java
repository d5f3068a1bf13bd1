package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;

/** Fetch limits and safety as a source sees them, through {@link Ingest#pollNow}. */
class IngestLimitsTest {

  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final String base = site.baseUrl();
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
        .dataSource(Fixtures.h2())
        .clock(Clock.fixed(Instant.parse("2025-03-07T12:00:00Z"), ZoneOffset.UTC))
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();
    started.add(ingest);
    return ingest;
  }

  private SourceSettings rss(String id, String path) {
    return SourceSettings.rss(id, base + path).withAllowPrivate(true);
  }

  @Test
  void aGzipBombIsRefusedNamingTheSourceAndTheUrl() throws Exception {
    site.route("/bomb.xml", Response.ok(RSS, gzip(new byte[64 * 1024 * 1024])).withHeader("Content-Encoding", "gzip"));
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    Ingest ingest = ingest(rss("bomb", "/bomb.xml"), rss("desk", "/feed.xml"));

    PollResult bomb = ingest.pollNow("bomb");

    assertThat(bomb.error())
        .startsWith("source 'bomb': " + base + "/bomb.xml: decompressed body is larger than 10 MiB")
        .endsWith("refused as a possible gzip bomb (not retriable)");
    assertThat(ingest.pollNow("desk").published()).isEqualTo(3);
  }

  /** The second poll's body would fail any parse: it is never parsed, since the server answers 304. */
  @Test
  void anUnchangedFeedCostsNoParse() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base))
        .withHeader("Last-Modified", "Mon, 03 Mar 2025 09:30:00 GMT"));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));
    ingest.pollNow("desk");
    site.route("/feed.xml", Response.ok(RSS, "<rss><unclosed>")
        .withHeader("Last-Modified", "Mon, 03 Mar 2025 09:30:00 GMT"));

    PollResult second = ingest.pollNow("desk");

    assertThat(second).isEqualTo(new PollResult("desk", 0, 0, 0, Duration.ZERO, null));
    assertThat(site.requests("/feed.xml").get(1).header("If-Modified-Since"))
        .isEqualTo("Mon, 03 Mar 2025 09:30:00 GMT");
    assertThat(ingest.health().get("desk").itemsLastPoll()).isZero();
    assertThat(ingest.health().get("desk").healthy()).isTrue();
  }

  @Test
  void anHtmlSourceDisallowedByRobotsTxtIsSkippedWithTheReason() {
    site.route("/robots.txt", Response.ok("text/plain", "User-agent: *\nDisallow: /members/\n"));
    site.route("/members/story", Response.ok(HTML, "<html><body><article><p>Text.</p></article></body></html>"));
    Ingest ingest = ingest(SourceSettings.html("page", base + "/members/story").withAllowPrivate(true));

    PollResult result = ingest.pollNow("page");

    assertThat(result.error()).isEqualTo("source 'page': " + base + "/members/story: skipped: disallowed by " + base
        + "/robots.txt for user agent 'vedetta' (not retriable)");
    assertThat(site.hits("/members/story")).isZero();
  }

  @Test
  void aRedirectToTheMetadataServiceIsRefusedEvenForALocalSource() {
    site.route("/feed.xml", Response.redirect(302, "http://169.254.169.254/latest/meta-data/iam/"));
    Ingest ingest = ingest(rss("desk", "/feed.xml"));

    PollResult result = ingest.pollNow("desk");

    assertThat(result.error()).isEqualTo("source 'desk': http://169.254.169.254/latest/meta-data/iam/: refused: "
        + "169.254.169.254 resolves to 169.254.169.254, a link-local address, which is never fetched, not even with "
        + "allow_private (not retriable)");
  }

  @Test
  void onlyHttpAndHttpsUrlsAreRead() {
    for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/feed.xml")) {
      assertThatThrownBy(() -> Pages.fetch(URI.create(url), true))
          .isInstanceOf(SourceFetchException.class)
          .hasMessage("source 'page': " + url + ": only http and https URLs are fetched (not retriable)");
      assertThatThrownBy(() -> ingest(SourceSettings.rss("x", url)))
          .hasMessageContaining("sources[0].url: invalid value '" + url + "': must be an absolute http or https URL");
    }
  }

  @Test
  void invalidSettingsAreRefusedAtBuild() {
    assertThatThrownBy(() -> Ingest.builder()
        .sources(List.of(rss("desk", "/feed.xml")))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .settings(IngestSettings.defaults().withReadTimeout(Duration.ZERO).withPerHostConcurrency(0))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid ingest settings: read_timeout: invalid value 0s: must be longer than 0s; "
            + "per_host_concurrency: invalid value 0: must be at least 1");
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }
}
