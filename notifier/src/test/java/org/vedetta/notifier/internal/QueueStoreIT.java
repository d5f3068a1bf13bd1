package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Development;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.Fixtures;
import org.vedetta.notifier.Subscriber;

/** The queue's transaction on H2: what a failed or interrupted send leaves behind. */
class QueueStoreIT {

  private static final Instant NOW = Instant.parse("2025-11-03T09:00:00Z");

  private final Subscriber ana = Fixtures.subscriber("ana@example.org", "north_korea", null);
  private final DataSource db = Fixtures.memoryDatabase();
  private final QueueStore queue = new QueueStore(db);

  @BeforeEach
  void migrate() {
    queue.migrate();
    queue.enqueue(ana.email(), Developments.northKoreaTroops(), false, NOW);
    queue.enqueue(ana.email(), Developments.northKoreaCasualties(), false, NOW);
  }

  private QueueStore.Sent sent(List<Development> items) {
    return new QueueStore.Sent(Digest.of(ana, items, false, NOW), "test", null, null);
  }

  @Test
  void aCrashAfterSendingResendsTheSameMessageId() throws MessagingException {
    List<String> handedOver = new ArrayList<>();
    assertThatThrownBy(() -> queue.drain(ana.email(), false, items -> {
      handedOver.add(sent(items).digest().messageId());
      throw new IllegalStateException("process died before the commit");
    })).hasMessage("process died before the commit");
    assertThat(queue.pending(ana.email())).isEqualTo(2);

    Optional<QueueStore.Sent> again = queue.drain(ana.email(), false, items -> {
      handedOver.add(sent(items).digest().messageId());
      return sent(items);
    });

    assertThat(again).isPresent();
    assertThat(handedOver).hasSize(2).containsOnly(again.get().digest().messageId());
    assertThat(queue.pending(ana.email())).isZero();
  }

  @Test
  void aRefusedMailLeavesTheItemsPending() throws MessagingException {
    assertThatThrownBy(() -> queue.drain(ana.email(), false, items -> {
      throw new MessagingException("421 try again later");
    })).isInstanceOf(MessagingException.class);
    assertThat(queue.pending(ana.email())).isEqualTo(2);
    assertThat(queue.drain(ana.email(), false, this::sent)).isPresent();
    assertThat(queue.drain(ana.email(), false, this::sent)).isEmpty();
  }

  @Test
  void immediateDrainTakesOnlyImmediateItems() throws MessagingException {
    queue.enqueue(ana.email(), Developments.leaderMeeting(), true, NOW);
    Optional<QueueStore.Sent> alert = queue.drain(ana.email(), true, this::sent);
    assertThat(alert).get().extracting(s -> s.digest().items().size()).isEqualTo(1);
    assertThat(queue.pending(ana.email())).isEqualTo(2);
    assertThat(queue.subscribersWithPending(true)).isEmpty();
    assertThat(queue.subscribersWithPending(false)).containsExactly(ana.email());
  }

  @Test
  void migratesADatabaseThatHoldsOtherTables() throws Exception {
    DataSource shared = Fixtures.memoryDatabase();
    try (Connection c = shared.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table matcher_fact (id varchar(64) primary key)");
    }
    QueueStore store = new QueueStore(shared);
    store.migrate();
    store.migrate();
    assertThat(store.enqueue(ana.email(), Developments.northKoreaTroops(), false, NOW)).isTrue();
  }
}
