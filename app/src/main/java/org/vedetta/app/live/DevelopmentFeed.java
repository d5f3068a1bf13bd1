package org.vedetta.app.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * consumer group (no stage's offsets move). It starts {@code history} back and keeps the {@code keep} most recently
 * detected developments, each once. Listeners hear of every development that arrives after the start, once (a
 * record repeating one of the last 10,000 handed on is not handed on again), however old its detection time; not
 * of the history read to catch up.
 */
public final class DevelopmentFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevelopmentFeed.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FETCH_WAIT = Duration.ofMillis(500);
  private static final int ANNOUNCED_KEPT = 10_000;
  private static final Comparator<Development> NEWEST_LAST =
      Comparator.comparing(Development::detectedAt).thenComparing(Development::id);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<TopicPartition, Long> historyEnd;
  private final int keep;
  private final TreeSet<Development> kept = new TreeSet<>(NEWEST_LAST);
  private final Map<String, Development> keptById = new HashMap<>();
  private final Set<Consumer<Development>> listeners = new CopyOnWriteArraySet<>();
  /** Ids of the developments handed on lately, so that a repeated record is not handed on twice. */
  private final Set<String> announced = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > ANNOUNCED_KEPT;
    }
  });
  private final Thread thread;
  private volatile boolean closed;

  private DevelopmentFeed(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> historyEnd, int keep) {
    this.consumer = consumer;
    this.historyEnd = historyEnd;
    this.keep = keep;
    this.thread = new Thread(this::follow, "vedetta-live-developments");
    this.thread.setDaemon(true);
  }

  /** Starts following the topic from {@code history} before now. */
  public static DevelopmentFeed start(KafkaClients clients, Duration history, int keep, Clock clock) {
    KafkaConsumer<String, byte[]> consumer = clients.reader("vedetta-live-" + UUID.randomUUID(), FETCH_WAIT);
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEVELOPMENTS, TIMEOUT).stream()
          .map(info -> new TopicPartition(Topics.DEVELOPMENTS, info.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long since = clock.instant().minus(history).toEpochMilli();
      Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
          partitions.stream().collect(Collectors.toMap(p -> p, p -> since)), TIMEOUT);
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp at = start.get(p);
        consumer.seek(p, at == null ? end.get(p) : at.offset());
      }
      DevelopmentFeed feed = new DevelopmentFeed(consumer, Map.copyOf(end), keep);
      feed.thread.start();
      return feed;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /** The developments kept, most recently detected first. */
  public synchronized List<Development> recent() {
    return List.copyOf(kept.descendingSet());
  }

  /** The kept development with this id. */
  public synchronized Optional<Development> find(String id) {
    return Optional.ofNullable(keptById.get(id));
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
    keep(d);
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    if (record.offset() < historyEnd.getOrDefault(partition, 0L)) {
      return; // read to catch up, not arrived
    }
    if (!announced.add(d.id())) {
      return; // a repeat of a record already handed on
    }
    for (Consumer<Development> listener : listeners) {
      try {
        listener.accept(d);
      } catch (RuntimeException e) {
        LOG.debug("live view listener failed: {}", e.toString());
      }
    }
  }

  /** Keeps {@code d} among the newest, unless it is held already or older than all of them. */
  private synchronized void keep(Development d) {
    if (keptById.containsKey(d.id())
        || kept.size() >= keep && NEWEST_LAST.compare(d, kept.first()) < 0) {
      return;
    }
    kept.add(d);
    keptById.put(d.id(), d);
    if (kept.size() > keep) {
      keptById.remove(kept.pollFirst().id());
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join(TIMEOUT.toMillis());
  }
}
