package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.ingest.ArticleSink;
import org.vedetta.ingest.Fixtures;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.PollResult;
import org.vedetta.ingest.SourceHealth;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.model.Article;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.MutableClock;

/** Backoff, Retry-After windows and health of one source, driven by a clock moved by hand. */
class SourceRunnerTest {

  private static final Instant T0 = Instant.parse("2025-03-07T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final String RSS = "application/rss+xml; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final MutableClock clock = new MutableClock(T0);
  private final IngestSettings settings = IngestSettings.defaults().withPerHostInterval(Duration.ZERO);
  private final HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newClient(settings), settings, clock);
  private final SeenItems seen = SeenItems.open(Fixtures.h2(), clock);
  private final List<Article> published = new CopyOnWriteArrayList<>();
  private final SourceSettings source =
      SourceSettings.rss("desk", site.baseUrl() + "/feed.xml").withPollInterval(INTERVAL).withAllowPrivate(true);

  @AfterEach
  void stop() {
    site.close();
  }

  private SourceRunner runner(IngestSettings settings, ArticleSink sink) {
    return SourceRunner.of(source, fetcher, seen, sink, clock, settings);
  }

  private SourceRunner runner() {
    return runner(settings, published::add);
  }

  private void feed() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", site.baseUrl())));
  }

  @Test
  void aFailingSourceWaitsTwiceAsLongAfterEachFailure() {
    site.route("/feed.xml", Response.status(503));
    SourceRunner runner = runner();

    assertThat(runner.pollIfDue()).isPresent();
    assertThat(runner.health().nextPollAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));

    clock.advance(INTERVAL);
    assertThat(runner.pollIfDue()).isEmpty();
    assertThat(site.hits("/feed.xml")).isEqualTo(1);

    clock.advance(INTERVAL);
    assertThat(runner.pollIfDue()).isPresent();
    assertThat(runner.health().consecutiveFailures()).isEqualTo(2);
    assertThat(runner.health().nextPollAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2 + 4)));

    clock.advance(INTERVAL.multipliedBy(3));
    assertThat(runner.pollIfDue()).isEmpty();
    clock.advance(INTERVAL);
    assertThat(runner.pollIfDue()).isPresent();
    assertThat(runner.health().nextPollAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2 + 4 + 8)));
    assertThat(site.hits("/feed.xml")).isEqualTo(3);
  }

  @Test
  void theBackoffStopsAtMaxBackoff() {
    SourceRunner runner = runner(settings.withMaxBackoff(Duration.ofHours(1)), published::add);

    assertThat(runner.backoff(1)).isEqualTo(Duration.ofMinutes(20));
    assertThat(runner.backoff(2)).isEqualTo(Duration.ofMinutes(40));
    assertThat(runner.backoff(3)).isEqualTo(Duration.ofHours(1));
    assertThat(runner.backoff(40)).isEqualTo(Duration.ofHours(1));
    assertThat(runner().backoff(5)).isEqualTo(Duration.ofHours(5).plusMinutes(20));
    assertThat(runner().backoff(6)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void fiveFailuresMakeASourceUnhealthyAndOneSuccessHealsIt() {
    site.route("/feed.xml", Response.status(503));
    SourceRunner runner = runner();
    assertThat(runner.health()).isEqualTo(SourceHealth.unpolled("desk"));

    for (int i = 1; i <= 4; i++) {
      runner.pollNow();
      assertThat(runner.health().healthy()).isTrue();
      assertThat(runner.health().consecutiveFailures()).isEqualTo(i);
    }
    clock.advance(Duration.ofMinutes(1));
    runner.pollNow();

    String error = "source 'desk': " + site.baseUrl() + "/feed.xml: HTTP 503 (will retry)";
    assertThat(runner.health()).isEqualTo(new SourceHealth("desk", false, 5, T0.plusSeconds(60), null, error,
        T0.plusSeconds(60).plus(INTERVAL.multipliedBy(32)), 0));

    feed();
    clock.advance(Duration.ofMinutes(1));
    PollResult healed = runner.pollNow();

    assertThat(healed.published()).isEqualTo(3);
    Instant now = T0.plusSeconds(120);
    assertThat(runner.health()).isEqualTo(new SourceHealth("desk", true, 0, now, now, null, now.plus(INTERVAL), 3));
  }

  @Test
  void aSuccessfulPollIsDueAgainAfterOneInterval() {
    feed();
    SourceRunner runner = runner();
    runner.pollIfDue();

    // Fires and poll starts do not line up to the millisecond: half an interval of slack.
    clock.advance(Duration.ofMinutes(4));
    assertThat(runner.pollIfDue()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(runner.pollIfDue()).isPresent();
    assertThat(site.hits("/feed.xml")).isEqualTo(2);
  }

  @Test
  void retryAfterHoldsScheduledPollsUntilThen() {
    site.route("/feed.xml", Response.status(429).withHeader("Retry-After", "3600"));
    SourceRunner runner = runner();

    PollResult limited = runner.pollIfDue().orElseThrow();

    assertThat(limited.error()).contains("HTTP 429, Retry-After 3600");
    assertThat(runner.health().nextPollAt()).isEqualTo(T0.plusSeconds(3600));
    feed();
    clock.advance(Duration.ofMinutes(59));
    assertThat(runner.pollIfDue()).isEmpty();
    assertThat(site.hits("/feed.xml")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(runner.pollIfDue().orElseThrow().published()).isEqualTo(3);
    assertThat(runner.health().nextPollAt()).isEqualTo(T0.plusSeconds(3600).plus(INTERVAL));
  }

  @Test
  void retryAfterAsAnHttpDateOfAPageAlsoHoldsTheSource() {
    site.route("/feed.xml", Response.ok(RSS, Fixtures.text("rss.xml", site.baseUrl())));
    site.route("/news/*", Response.status(503).withHeader("Retry-After", "Fri, 07 Mar 2025 14:00:00 GMT"));
    SourceRunner runner = SourceRunner.of(source.withFullText(true), fetcher, seen, published::add, clock, settings);

    PollResult result = runner.pollNow();

    // The poll itself went through; its pages failed and asked for two hours.
    assertThat(result.succeeded()).isTrue();
    assertThat(result.failed()).isEqualTo(3);
    assertThat(site.hits("/news/*")).isEqualTo(1);
    assertThat(runner.health().nextPollAt()).isEqualTo(Instant.parse("2025-03-07T14:00:00Z"));
    clock.advance(Duration.ofMinutes(119));
    assertThat(runner.pollIfDue()).isEmpty();
  }

  @Test
  void aSinkFailureIsNotTheSourcesFault() {
    feed();
    SourceRunner runner = runner(settings, article -> {
      throw new IOException("broker unavailable");
    });

    PollResult result = runner.pollNow();

    assertThat(result.error()).contains("broker unavailable");
    SourceHealth health = runner.health();
    assertThat(health.healthy()).isTrue();
    assertThat(health.consecutiveFailures()).isZero();
    assertThat(health.lastError()).isEqualTo(result.error());
    assertThat(health.nextPollAt()).isEqualTo(T0.plus(INTERVAL));
  }
}
