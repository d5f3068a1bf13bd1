package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Request;
import org.vedetta.testsupport.LocalHttpServer.Response;

class HttpFetcherTest {

  private final LocalHttpServer site = LocalHttpServer.start();
  private final HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newClient());
  private final SourceSettings source = SourceSettings.rss("desk", site.baseUrl() + "/feed").withAllowPrivate(true);

  @AfterEach
  void stop() {
    site.close();
  }

  private Fetched fetch(String path, Validators known) throws SourceFetchException {
    return fetcher.fetch(source, site.uri(path), known);
  }

  @Test
  void identifiesItselfAndAcceptsGzip() throws Exception {
    site.route("/feed", Response.ok("application/rss+xml", "<rss/>"));

    Fetched fetched = fetch("/feed", Validators.NONE);

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
    assertThat(fetched.contentType()).isEqualTo("application/rss+xml");
    Request request = site.requests("/feed").get(0);
    assertThat(request.header("User-Agent")).isEqualTo("Vedetta/0.1 (+news monitoring)");
    assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
    assertThat(request.header("If-None-Match")).isNull();
  }

  @Test
  void conditionalGetSendsTheValidatorsAndReads304() throws Exception {
    site.route("/feed", Response.ok("application/rss+xml", "<rss/>")
        .withHeader("ETag", "\"v1\"")
        .withHeader("Last-Modified", "Mon, 03 Mar 2025 09:30:00 GMT"));

    Fetched first = fetch("/feed", Validators.NONE);
    Fetched second = fetch("/feed", first.validators());

    assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Mon, 03 Mar 2025 09:30:00 GMT"));
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
    assertThat(second.validators()).isEqualTo(first.validators());
    Request conditional = site.requests("/feed").get(1);
    assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(conditional.header("If-Modified-Since")).isEqualTo("Mon, 03 Mar 2025 09:30:00 GMT");
  }

  @Test
  void decompressesGzip() throws Exception {
    site.route("/feed", Response.ok("application/rss+xml", gzip("<rss>zipped</rss>".getBytes(StandardCharsets.UTF_8)))
        .withHeader("Content-Encoding", "gzip"));

    assertThat(new String(fetch("/feed", Validators.NONE).body(), StandardCharsets.UTF_8))
        .isEqualTo("<rss>zipped</rss>");
  }

  @Test
  void followsRedirectsAndReportsWhereTheDocumentCameFrom() throws Exception {
    site.route("/old", Response.redirect(301, "/moved"));
    site.route("/moved", Response.redirect(302, site.baseUrl() + "/feed#frag"));
    site.route("/feed", Response.ok("application/rss+xml", "<rss/>"));

    Fetched fetched = fetch("/old", Validators.NONE);

    assertThat(fetched.url()).isEqualTo(site.uri("/feed"));
    assertThat(site.hits("/old")).isEqualTo(1);
    assertThat(site.hits("/moved")).isEqualTo(1);
  }

  @Test
  void refusesMoreThanFiveRedirects() {
    for (int i = 0; i < 6; i++) {
      site.route("/r" + i, Response.redirect(302, "/r" + (i + 1)));
    }
    site.route("/r6", Response.ok("text/plain", "too far"));

    assertThatThrownBy(() -> fetch("/r0", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("more than 5 redirects");
    assertThat(site.hits("/r5")).isEqualTo(1);
    assertThat(site.hits("/r6")).isZero();
  }

  @Test
  void checksEveryRedirectHop() {
    site.route("/feed", Response.redirect(302, "file:///etc/passwd"));

    assertThatThrownBy(() -> fetch("/feed", Validators.NONE))
        .hasMessageContaining("file:///etc/passwd")
        .hasMessageContaining("only http and https URLs are fetched");
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    // The first hop may go to this server, the redirect goes to a "public" name that resolves privately.
    TargetGuard guard = new TargetGuard(host -> host.equals("127.0.0.1")
        ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
        : new InetAddress[] {InetAddress.getByName("10.0.0.7")});
    HttpFetcher guarded = new HttpFetcher(HttpFetcher.newClient(), guard, HttpFetcher.MAX_BODY_BYTES,
        Duration.ofSeconds(30));
    site.route("/feed", Response.redirect(302, "http://intranet.example/admin"));

    assertThatThrownBy(() -> guarded.fetch(source.withAllowPrivate(false), site.uri("/feed"), Validators.NONE))
        .hasMessageContaining("http://intranet.example/admin")
        .hasMessageContaining("refused: intranet.example resolves to 10.0.0.7, a private address");
    assertThat(site.hits("/feed")).isEqualTo(1);
  }

  @Test
  void errorStatusesSayWhetherToRetry() {
    site.route("/gone", Response.status(404));
    site.route("/busy", Response.status(503));

    assertThatThrownBy(() -> fetch("/gone", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.retriable()).isFalse();
          assertThat(e.url()).isEqualTo(site.baseUrl() + "/gone");
        })
        .hasMessage("source 'desk': " + site.baseUrl() + "/gone: HTTP 404 (not retriable)");
    assertThatThrownBy(() -> fetch("/busy", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void refusesABodyOverTheCap() {
    site.route("/huge", Response.ok("application/octet-stream", new byte[HttpFetcher.MAX_BODY_BYTES + 1]));

    assertThatThrownBy(() -> fetch("/huge", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("response body is larger than 10 MiB");
  }

  @Test
  void refusesABodyThatDecompressesOverTheCap() throws Exception {
    byte[] bomb = gzip(new byte[HttpFetcher.MAX_BODY_BYTES + 1]);
    site.route("/bomb", Response.ok("application/rss+xml", bomb).withHeader("Content-Encoding", "gzip"));

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThatThrownBy(() -> fetch("/bomb", Validators.NONE))
        .hasMessageContaining("decompressed body is larger than 10 MiB");
  }

  @Test
  void connectionRefusedIsRetriable() {
    URI closed = site.uri("/feed");
    site.close();

    assertThatThrownBy(() -> fetcher.fetch(source, closed, Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.retriable()).isTrue();
          assertThat(e.status()).isZero();
        });
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }
}
