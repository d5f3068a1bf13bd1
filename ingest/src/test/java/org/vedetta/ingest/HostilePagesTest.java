package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Article;
import org.vedetta.testsupport.HostileText;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;

/**
 * Pages written to break extraction (generated here, not stored) cannot silence their source: a page nested
 * 100,000 elements deep is read like any other, and the feed's other items are published in the same poll.
 */
class HostilePagesTest {

  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  private final LocalHttpServer site = LocalHttpServer.start();
  private final RecordingSink sink = new RecordingSink();
  private Ingest ingest;

  @AfterEach
  void stop() {
    if (ingest != null) {
      ingest.close();
    }
    site.close();
  }

  @Test
  void aPageNestedAHundredThousandDeepIsReadAndTheFeedGoesOn() {
    String base = site.baseUrl();
    site.route("/feed.xml", Response.ok(RSS, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Desk</title><link>%1$s/</link><description>d</description>
        <item><title>Nested</title><link>%1$s/nested.html</link><guid>n1</guid></item>
        <item><title>Plain</title><link>%1$s/plain.html</link><guid>p1</guid></item>
        </channel></rss>""".formatted(base)));
    site.route("/nested.html", Response.ok(HTML, HostileText.nestedPage(100_000)));
    site.route("/plain.html", Response.ok(HTML, """
        <!doctype html><html><head><title>Plain</title></head><body><article>
        <p>Belarus has received the first Oreshnik missile system from Russia, its defence minister said.</p>
        </article></body></html>"""));
    ingest = Ingest.builder()
        .sources(List.of(SourceSettings.rss("desk", base + "/feed.xml").withFullText(true).withAllowPrivate(true)))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .clock(Clock.fixed(Instant.parse("2025-03-07T12:00:00Z"), ZoneOffset.UTC))
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();

    PollResult result = ingest.pollNow("desk");

    assertThat(result.error()).isNull();
    assertThat(result.published()).isEqualTo(2);
    assertThat(sink.articles()).extracting(Article::text).containsExactlyInAnyOrder(
        "North Korea has sent more soldiers to Russia, officials in Seoul said on Friday.",
        "Belarus has received the first Oreshnik missile system from Russia, its defence minister said.");
  }

  @Test
  void anItemThatFailsIsShownOnTheSourcesHealthWhileTheRestIsPublished() {
    String base = site.baseUrl();
    site.route("/feed.xml", Response.ok(RSS, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Desk</title><link>%1$s/</link><description>d</description>
        <item><title>Gone</title><link>%1$s/gone.html</link><guid>g1</guid></item>
        <item><title>Plain</title><link>%1$s/plain.html</link><guid>p1</guid></item>
        </channel></rss>""".formatted(base)));
    site.route("/gone.html", Response.status(404));
    site.route("/plain.html", Response.ok(HTML, """
        <!doctype html><html><head><title>Plain</title></head><body><article>
        <p>Belarus has received the first Oreshnik missile system from Russia, its defence minister said.</p>
        </article></body></html>"""));
    ingest = Ingest.builder()
        .sources(List.of(SourceSettings.rss("desk", base + "/feed.xml").withFullText(true).withAllowPrivate(true)))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .clock(Clock.fixed(Instant.parse("2025-03-07T12:00:00Z"), ZoneOffset.UTC))
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();

    PollResult result = ingest.pollNow("desk");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.published()).isEqualTo(1);
    assertThat(ingest.health().get("desk")).satisfies(h -> {
      assertThat(h.healthy()).isTrue();
      assertThat(h.itemsLastPoll()).isEqualTo(2);
      assertThat(h.itemsFailedLastPoll()).isEqualTo(1);
      assertThat(h.lastItemError()).contains(base + "/gone.html", "404");
    });
  }

  @Test
  void aHeadlineOfPagesWithLineBreaksIsPublishedAsOneLineOfAThousandCharactersAtMost() {
    String base = site.baseUrl();
    String title = "Seoul: more troops\nBcc: eve@example.org " + "very long ".repeat(20_000);
    site.route("/feed.xml", Response.ok(RSS, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Desk</title><link>%1$s/</link><description>d</description>
        <item><title>%2$s</title><link>%1$s/a.html</link><guid>a1</guid>
        <description>North Korea has sent more soldiers to Russia, officials in Seoul said.</description></item>
        </channel></rss>""".formatted(base, title)));
    ingest = Ingest.builder()
        .sources(List.of(SourceSettings.rss("desk", base + "/feed.xml").withAllowPrivate(true)))
        .sink(sink)
        .dataSource(Fixtures.h2())
        .clock(Clock.fixed(Instant.parse("2025-03-07T12:00:00Z"), ZoneOffset.UTC))
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .build();

    assertThat(ingest.pollNow("desk").published()).isEqualTo(1);
    assertThat(sink.articles()).singleElement().satisfies(a -> assertThat(a.title())
        .startsWith("Seoul: more troops Bcc: eve@example.org very long").doesNotContain("\n").hasSize(1_000));
  }
}
