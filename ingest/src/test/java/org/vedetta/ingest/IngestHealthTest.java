package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.MutableClock;

/** {@link Ingest#health()} and failing sources, through the public API. */
class IngestHealthTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");
  private static final String RSS = "application/rss+xml; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final String base = site.baseUrl();
  private final MutableClock clock = new MutableClock(NOW);
  private final RecordingSink sink = new RecordingSink();
  private final List<Ingest> started = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    started.forEach(Ingest::close);
    site.close();
  }

  private Ingest ingest(IngestSettings settings, SourceSettings... sources) {
    Ingest ingest = Ingest.builder()
        .sources(List.of(sources))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .clock(clock)
        .settings(settings.withPerHostInterval(Duration.ZERO))
        .build();
    started.add(ingest);
    return ingest;
  }

  private SourceSettings rss(String id, String path) {
    return SourceSettings.rss(id, base + path).withAllowPrivate(true);
  }

  @Test
  void everySourceIsHealthyBeforeItsFirstPoll() {
    Ingest ingest = ingest(IngestSettings.defaults(), rss("b", "/b.xml"), rss("a", "/a.xml"));

    assertThat(ingest.health()).containsExactly(
        org.assertj.core.api.Assertions.entry("b", SourceHealth.unpolled("b")),
        org.assertj.core.api.Assertions.entry("a", SourceHealth.unpolled("a")));
  }

  @Test
  void aSourceTurnsUnhealthyAfterItsFailuresAndRecoversWithOneSuccess() {
    site.route("/feed.xml", Response.status(500));
    Ingest ingest = ingest(IngestSettings.defaults().withUnhealthyAfter(3), rss("desk", "/feed.xml"));
    String error = "source 'desk': " + base + "/feed.xml: HTTP 500 (will retry)";

    ingest.pollNow("desk");
    ingest.pollNow("desk");
    assertThat(ingest.health().get("desk").healthy()).isTrue();
    ingest.pollNow("desk");

    assertThat(ingest.health().get("desk")).isEqualTo(new SourceHealth("desk", false, 3, NOW, null, error,
        NOW.plus(SourceSettings.DEFAULT_POLL_INTERVAL.multipliedBy(8)), 0));

    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    clock.advance(Duration.ofMinutes(1));
    ingest.pollNow("desk");

    Instant later = NOW.plusSeconds(60);
    assertThat(ingest.health().get("desk")).isEqualTo(new SourceHealth("desk", true, 0, later, later, null,
        later.plus(SourceSettings.DEFAULT_POLL_INTERVAL), 3));
  }

  @Test
  void aRetryAfterShowsAsTheNextPoll() {
    site.route("/feed.xml", Response.status(429).withHeader("Retry-After", "Fri, 07 Mar 2025 18:00:00 GMT"));
    Ingest ingest = ingest(IngestSettings.defaults(), rss("desk", "/feed.xml"));

    PollResult result = ingest.pollNow("desk");

    assertThat(result.error()).isEqualTo("source 'desk': " + base + "/feed.xml: HTTP 429, Retry-After Fri, 07 Mar "
        + "2025 18:00:00 GMT: not asked again before 2025-03-07T18:00:00Z (will retry)");
    assertThat(ingest.health().get("desk").nextPollAt()).isEqualTo(Instant.parse("2025-03-07T18:00:00Z"));
  }

  /**
   * Two sources start together; one's server never answers. The other is polled and published at once, and
   * the stalled one fails on its read timeout with a clear error, holding one scheduler thread meanwhile.
   */
  @Test
  void aStalledSourceDoesNotHoldUpTheOthers() {
    site.route("/slow.xml", request -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Response.ok(RSS, Fixtures.text("rss.xml", base));
    });
    site.route("/fast.xml", Response.ok(RSS, Fixtures.text("rss.xml", base)));
    Ingest ingest = ingest(IngestSettings.defaults().withReadTimeout(Duration.ofSeconds(2)),
        rss("slow", "/slow.xml"), rss("fast", "/fast.xml"));

    ingest.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.lastResults().containsKey("fast"));
    assertThat(ingest.lastResults()).doesNotContainKey("slow");
    assertThat(ingest.lastResults().get("fast").published()).isEqualTo(3);
    assertThat(site.hits("/slow.xml")).isEqualTo(1);

    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.lastResults().containsKey("slow"));
    assertThat(ingest.lastResults().get("slow").error())
        .isEqualTo("source 'slow': " + base + "/slow.xml: no response within 2s (read timeout) (will retry)");
    assertThat(ingest.health().get("slow").consecutiveFailures()).isEqualTo(1);
    assertThat(ingest.health().get("fast").healthy()).isTrue();
  }
}
