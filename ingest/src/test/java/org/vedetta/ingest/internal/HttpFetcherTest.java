package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Request;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.MutableClock;

class HttpFetcherTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");
  /** The defaults, without the pause between two requests to one host (every test's host is 127.0.0.1). */
  private static final IngestSettings FAST = IngestSettings.defaults().withPerHostInterval(Duration.ZERO);

  private final LocalHttpServer site = LocalHttpServer.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final HttpFetcher fetcher = fetcher(FAST);
  private final SourceSettings source = SourceSettings.rss("desk", site.baseUrl() + "/feed").withAllowPrivate(true);
  /** Released when the test ends, so routes that play a stalled server let go of their threads. */
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    site.close();
  }

  private HttpFetcher fetcher(IngestSettings settings) {
    return new HttpFetcher(HttpFetcher.newClient(settings), settings, clock);
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
        .hasMessage("source 'desk': " + site.baseUrl() + "/r0: more than 5 redirects (not retriable)");
    assertThat(site.hits("/r5")).isEqualTo(1);
    assertThat(site.hits("/r6")).isZero();
  }

  @Test
  void theRedirectLimitIsASetting() {
    site.route("/r0", Response.redirect(302, "/r1"));
    site.route("/r1", Response.redirect(302, "/feed"));
    site.route("/feed", Response.ok("application/rss+xml", "<rss/>"));

    assertThatThrownBy(() -> fetcher(FAST.withMaxRedirects(1)).fetch(source, site.uri("/r0"), Validators.NONE))
        .hasMessageContaining("more than 1 redirects");
    assertThat(site.hits("/feed")).isZero();
  }

  @Test
  void checksEveryRedirectHop() {
    site.route("/feed", Response.redirect(302, "file:///etc/passwd"));

    assertThatThrownBy(() -> fetch("/feed", Validators.NONE))
        .hasMessageContaining("file:///etc/passwd")
        .hasMessageContaining("only http and https URLs are fetched");
  }

  @Test
  void fetchesOnlyHttpAndHttps() {
    for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "jar:file:/x.jar!/feed.xml")) {
      assertThatThrownBy(() -> fetcher.fetch(source, URI.create(url), Validators.NONE))
          .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
          .hasMessage("source 'desk': " + url + ": only http and https URLs are fetched (not retriable)");
    }
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    // The first hop may go to this server, the redirect goes to a "public" name that resolves privately.
    TargetGuard guard = new TargetGuard(host -> host.equals("127.0.0.1")
        ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
        : new InetAddress[] {InetAddress.getByName("10.0.0.7")});
    HttpFetcher guarded = new HttpFetcher(HttpFetcher.newClient(), guard, FAST, clock, HostLimits.Ticker.SYSTEM);
    site.route("/feed", Response.redirect(302, "http://intranet.example/admin"));

    assertThatThrownBy(() -> guarded.fetch(source.withAllowPrivate(false), site.uri("/feed"), Validators.NONE))
        .hasMessageContaining("http://intranet.example/admin")
        .hasMessageContaining("refused: intranet.example resolves to 10.0.0.7, a private address");
    assertThat(site.hits("/feed")).isEqualTo(1);
  }

  /**
   * A source without {@code allow_private} whose public-looking first hop (this server, declared public by
   * the resolver) redirects to private literals. The guard refuses each before a connection is tried: the
   * error is the guard's own, with no network cause, and no packet ever goes to those addresses.
   */
  @Test
  void aRedirectFromAPublicHostToAPrivateLiteralIsRefusedBeforeConnecting() throws Exception {
    TargetGuard guard = new TargetGuard(host -> host.equals("127.0.0.1")
        ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
        : literal(host));
    HttpFetcher guarded = new HttpFetcher(HttpFetcher.newClient(), guard, FAST, clock, HostLimits.Ticker.SYSTEM);
    SourceSettings publicSource = source.withAllowPrivate(false);

    for (String target : List.of("http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/", "http://[fd00::1]/")) {
      site.route("/feed", Response.redirect(302, target));

      assertThatThrownBy(() -> guarded.fetch(publicSource, site.uri("/feed"), Validators.NONE))
          .isInstanceOfSatisfying(SourceFetchException.class, e -> {
            assertThat(e.url()).isEqualTo(target);
            assertThat(e.getCause()).isNull();
            assertThat(e.retriable()).isFalse();
          })
          .hasMessageContaining("refused: ");
    }
  }

  /**
   * Even a source with {@code allow_private} (which may read this loopback server) is not redirected to the
   * link-local metadata address: the guard refuses it before connecting.
   */
  @Test
  void aRedirectToTheMetadataAddressIsRefusedEvenWithAllowPrivate() {
    site.route("/feed", Response.redirect(302, "http://169.254.169.254/latest/meta-data/"));

    assertThatThrownBy(() -> fetch("/feed", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.getCause()).isNull();
          assertThat(e.retriable()).isFalse();
        })
        .hasMessage("source 'desk': http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 resolves to "
            + "169.254.169.254, a link-local address, which is never fetched, not even with allow_private "
            + "(not retriable)");
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
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.retriable()).isTrue();
          assertThat(e.retryAfter()).isNull();
        });
  }

  @Test
  void refusesABodyOverTheCap() {
    HttpFetcher capped = fetcher(FAST.withMaxBodyBytes(64 * 1024));
    site.route("/huge", Response.ok("application/octet-stream", new byte[64 * 1024 + 1]));

    assertThatThrownBy(() -> capped.fetch(source, site.uri("/huge"), Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessage("source 'desk': " + site.baseUrl() + "/huge: response body is larger than 64 KiB "
            + "(max_body_bytes) (not retriable)");
  }

  @Test
  void refusesABodyOverTheDefaultCapOf10MiB() {
    site.route("/huge", Response.ok("application/octet-stream", new byte[10 * 1024 * 1024 + 1]));

    assertThatThrownBy(() -> fetch("/huge", Validators.NONE))
        .hasMessageContaining("response body is larger than 10 MiB");
  }

  @Test
  void refusesAGzipBombNamingTheSourceAndTheUrl() throws Exception {
    byte[] bomb = gzip(new byte[10 * 1024 * 1024 + 1]);
    site.route("/bomb", Response.ok("application/rss+xml", bomb).withHeader("Content-Encoding", "gzip"));

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThatThrownBy(() -> fetch("/bomb", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageStartingWith("source 'desk': " + site.baseUrl() + "/bomb: decompressed body is larger than 10 MiB "
            + "(max_decompressed_bytes) from ")
        .hasMessageEndingWith(" gzipped: refused as a possible gzip bomb (not retriable)");
  }

  @Test
  void theDecompressedCapIsSeparateFromTheBodyCap() throws Exception {
    HttpFetcher capped = fetcher(FAST.withMaxBodyBytes(64 * 1024).withMaxDecompressedBytes(1024 * 1024));
    site.route("/fits", Response.ok("text/html", gzip(new byte[512 * 1024])).withHeader("Content-Encoding", "gzip"));
    site.route("/bomb", Response.ok("text/html", gzip(new byte[2 * 1024 * 1024]))
        .withHeader("Content-Encoding", "gzip"));

    // 512 KiB is over the body cap as received, but arrives gzipped well under it and inflates under 1 MiB.
    assertThat(capped.fetch(source, site.uri("/fits"), Validators.NONE).body()).hasSize(512 * 1024);
    assertThatThrownBy(() -> capped.fetch(source, site.uri("/bomb"), Validators.NONE))
        .hasMessageContaining("decompressed body is larger than 1 MiB (max_decompressed_bytes)");
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

  @Test
  void aServerThatSendsNoResponseTimesOut() {
    HttpFetcher impatient = fetcher(FAST.withReadTimeout(Duration.ofMillis(300)));
    site.route("/feed", request -> {
      awaitRelease();
      return Response.ok("application/rss+xml", "<rss/>");
    });

    assertThatThrownBy(() -> impatient.fetch(source, site.uri("/feed"), Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessageStartingWith("source 'desk': " + site.baseUrl() + "/feed: ")
        .hasMessageContaining("300ms (read timeout)");
  }

  @Test
  void aBodyThatStallsTimesOut() {
    HttpFetcher impatient = fetcher(FAST.withReadTimeout(Duration.ofMillis(300)));
    site.routeStreaming("/feed", Response.status(200).withHeader("Content-Type", "application/rss+xml"), body -> {
      body.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
      release.await();
    });

    assertThatThrownBy(() -> impatient.fetch(source, site.uri("/feed"), Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("source 'desk': " + site.baseUrl() + "/feed: the server sent nothing for 300ms (read timeout) "
            + "(will retry)");
  }

  @Test
  void aBodyThatTricklesHitsTheTotalTimeout() {
    HttpFetcher impatient =
        fetcher(FAST.withReadTimeout(Duration.ofSeconds(5)).withTotalTimeout(Duration.ofMillis(600)));
    site.routeStreaming("/feed", Response.status(200).withHeader("Content-Type", "application/rss+xml"), body -> {
      // One byte every 50 ms: never silent for the read timeout, never done.
      while (!release.await(50, TimeUnit.MILLISECONDS)) {
        body.write(' ');
      }
    });

    assertThatThrownBy(() -> impatient.fetch(source, site.uri("/feed"), Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage("source 'desk': " + site.baseUrl() + "/feed: no complete response within 600ms (total timeout) "
            + "(will retry)");
  }

  @Test
  void retryAfterInSecondsHoldsTheHostUntilThen() throws Exception {
    site.route("/feed", Response.status(429).withHeader("Retry-After", "120"));

    assertThatThrownBy(() -> fetch("/feed", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retriable()).isTrue();
          assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(120));
        })
        .hasMessage("source 'desk': " + site.baseUrl() + "/feed: HTTP 429, Retry-After 120: not asked again before "
            + "2025-03-07T12:02:00Z (will retry)");

    site.route("/other", Response.ok("text/plain", "fine"));
    clock.advance(Duration.ofSeconds(119));
    assertThatThrownBy(() -> fetch("/other", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(120)))
        .hasMessageContaining(
            "not sent: 127.0.0.1 asked not to be contacted before 2025-03-07T12:02:00Z (Retry-After)");
    assertThat(site.hits("/other")).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(fetch("/other", Validators.NONE).status()).isEqualTo(200);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    site.route("/feed", Response.status(503).withHeader("Retry-After", "Fri, 07 Mar 2025 12:30:00 GMT"));

    assertThatThrownBy(() -> fetch("/feed", Validators.NONE))
        .isInstanceOfSatisfying(SourceFetchException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.retryAfter()).isEqualTo(Instant.parse("2025-03-07T12:30:00Z"));
        });
    assertThatThrownBy(() -> fetch("/feed", Validators.NONE)).hasMessageContaining("not sent: ");
    assertThat(site.hits("/feed")).isEqualTo(1);
  }

  @Test
  void atMostTwoRequestsToOneHostAreInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    site.route("/page/*", request -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        awaitRelease();
        return Response.ok("text/plain", "ok");
      } finally {
        inFlight.decrementAndGet();
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Fetched>> fetches = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        URI page = site.uri("/page/" + i);
        fetches.add(threads.submit(() -> fetcher.fetch(source, page, Validators.NONE)));
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> site.hits("/page/*") == 2);
      release.countDown();

      for (Future<Fetched> fetch : fetches) {
        assertThat(fetch.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(site.hits("/page/*")).isEqualTo(4);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void requestsToOneHostStartAtLeastTheIntervalApart() throws Exception {
    HttpFetcher polite = fetcher(FAST.withPerHostInterval(Duration.ofMillis(200)));
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    site.route("/page/*", request -> {
      arrivals.add(System.nanoTime());
      return Response.ok("text/plain", "ok");
    });

    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      polite.fetch(source, site.uri("/page/" + i), Validators.NONE);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(arrivals).hasSize(3);
    // Three starts 200 ms apart take at least 400 ms, however fast the server answers. (Arrival gaps at the
    // server are not compared: connection setup can delay one request and not the next.)
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Resolves IP literals only: no name ever reaches DNS. */
  private static InetAddress[] literal(String host) throws UnknownHostException {
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      throw new UnknownHostException(host);
    }
    return InetAddress.getAllByName(host);
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }
}
