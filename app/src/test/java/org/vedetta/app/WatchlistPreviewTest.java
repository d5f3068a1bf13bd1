package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.app.watchlists.WatchlistPreview;
import org.vedetta.notifier.Watchlist;

/**
 * Previews replay the topics, which can take tens of seconds: they run one at a time, so that anyone who can read
 * the console cannot load the service by asking for many at once. Here the first preview waits on a broker that
 * does not answer while a second is asked for.
 */
class WatchlistPreviewTest {

  private static final Watchlist DRAFT =
      new Watchlist("dprk", "North Korea", List.of("north_korea"), null, null, null, null);

  @Test
  void aSecondPreviewWhileOneRunsIsTurnedAwayNotQueued() throws IOException {
    WatchlistPreview preview = new WatchlistPreview(
        new TopicReplay(new KafkaClients("127.0.0.1:" + closedPort()), Duration.ofSeconds(5)), Clock.systemUTC());
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> quietly(preview));

    await().atMost(Duration.ofSeconds(60)).until(() -> turnedAway(preview));
    assertThat(first).isNotDone();
  }

  private static boolean turnedAway(WatchlistPreview preview) {
    try {
      preview.run(DRAFT, 7);
      return false;
    } catch (PreviewSlot.Busy e) {
      return true;
    } catch (RuntimeException e) {
      return false; // this one ran (and timed out on the silent broker): ask again
    }
  }

  private static void quietly(WatchlistPreview preview) {
    try {
      preview.run(DRAFT, 7);
    } catch (RuntimeException e) {
      // the broker never answers: the read times out
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
