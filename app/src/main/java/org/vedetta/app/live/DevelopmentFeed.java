package org.vedetta.app.live;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.MalformedRecordException;
import org.vedetta.model.Topics;

/**
 * Follows {@code vedetta.developments} for the console's live view, on a thread of its own and outside any
 * consumer group (no stage's offsets move): it starts {@code history} back, keeps the latest {@code keep}
 * developments (each once, however often a record repeats it) and hands every new one to its listeners.
 */
public final class DevelopmentFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevelopmentFeed.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final int keep;
  private final Map<String, Development> recent = new LinkedHashMap<>();
  private final Set<Consumer<Development>> listeners = new CopyOnWriteArraySet<>();
  private final Thread thread;
  private volatile boolean closed;

  private DevelopmentFeed(KafkaConsumer<String, byte[]> consumer, int keep) {
    this.consumer = consumer;
    this.keep = keep;
    this.thread = new Thread(this::follow, "vedetta-live-developments");
    this.thread.setDaemon(true);
  }

  /** Starts following the topic from {@code history} before now. */
  public static DevelopmentFeed start(KafkaClients clients, Duration history, int keep, Clock clock) {
    KafkaConsumer<String, byte[]> consumer = clients.reader("vedetta-live-" + UUID.randomUUID());
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEVELOPMENTS, TIMEOUT).stream()
          .map(info -> new TopicPartition(Topics.DEVELOPMENTS, info.partition())).toList();
      consumer.assign(partitions);
      long since = clock.instant().minus(history).toEpochMilli();
      Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
          partitions.stream().collect(Collectors.toMap(p -> p, p -> since)), TIMEOUT);
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp at = start.get(p);
        if (at == null) {
          consumer.seekToEnd(List.of(p));
        } else {
          consumer.seek(p, at.offset());
        }
      }
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    DevelopmentFeed feed = new DevelopmentFeed(consumer, keep);
    feed.thread.start();
    return feed;
  }

  /** The developments kept, most recent first. */
  public synchronized List<Development> recent() {
    List<Development> list = new ArrayList<>(recent.values());
    Collections.reverse(list);
    return list;
  }

  /** Hands each development that arrives from now on to {@code listener}; closing the result stops it. */
  public AutoCloseable subscribe(Consumer<Development> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void follow() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          arrived(r);
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (RuntimeException e) {
      LOG.error("The live view stopped following {}: {}", Topics.DEVELOPMENTS, e.toString(), e);
    } finally {
      consumer.close();
    }
  }

  private void arrived(ConsumerRecord<String, byte[]> record) {
    Development d;
    try {
      d = Json.read(record.value(), Development.class);
    } catch (MalformedRecordException e) {
      LOG.warn("live view: skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      return;
    }
    synchronized (this) {
      if (recent.putIfAbsent(d.id(), d) != null) {
        return;
      }
      if (recent.size() > keep) {
        recent.remove(recent.keySet().iterator().next());
      }
    }
    for (Consumer<Development> listener : listeners) {
      try {
        listener.accept(d);
      } catch (RuntimeException e) {
        LOG.debug("live view listener failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join(TIMEOUT.toMillis());
  }
}
