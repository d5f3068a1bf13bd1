package org.vedetta.app.live;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Correction;
import org.vedetta.model.Json;
import org.vedetta.model.MalformedRecordException;
import org.vedetta.model.Topics;

/**
 * The latest judgement of each development, for the console: follows {@code vedetta.corrections} (compacted, so
 * small) from its start on a thread of its own, outside any consumer group. A judgement this process publishes is
 * {@link #add added} at once, so the page that made it shows it.
 */
public final class CorrectionLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CorrectionLog.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Correction> latest = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private CorrectionLog(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
    this.thread = new Thread(this::follow, "vedetta-corrections-log");
    this.thread.setDaemon(true);
  }

  public static CorrectionLog start(KafkaClients clients) {
    KafkaConsumer<String, byte[]> consumer = clients.reader("vedetta-corrections-" + UUID.randomUUID(),
        Duration.ofMillis(500));
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.CORRECTIONS, TIMEOUT).stream()
          .map(info -> new TopicPartition(Topics.CORRECTIONS, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      CorrectionLog log = new CorrectionLog(consumer);
      log.thread.start();
      return log;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /** The development's latest judgement. */
  public Optional<Correction> of(String developmentId) {
    return Optional.ofNullable(latest.get(developmentId));
  }

  /** Every development's latest judgement, the most recent first. */
  public List<Correction> all() {
    return latest.values().stream().sorted(Comparator.comparing(Correction::correctedAt).reversed()).toList();
  }

  /** Takes a judgement into account, unless a later one of the same development is known. */
  public void add(Correction correction) {
    latest.merge(correction.developmentId(), correction,
        (known, next) -> next.correctedAt().isBefore(known.correctedAt()) ? known : next);
  }

  private void follow() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            add(Json.read(r.value(), Correction.class));
          } catch (MalformedRecordException e) {
            LOG.warn("corrections: skipped an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(),
                r.offset(), e.getMessage());
          }
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (RuntimeException e) {
      LOG.error("The console stopped following {}: {}", Topics.CORRECTIONS, e.toString(), e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join(TIMEOUT.toMillis());
  }
}
