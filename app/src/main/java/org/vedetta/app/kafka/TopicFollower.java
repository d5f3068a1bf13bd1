package org.vedetta.app.kafka;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.model.Json;
import org.vedetta.model.MalformedRecordException;

/**
 * Hands every record of a topic, from its start and then as they arrive, to a sink, on a thread of its own and
 * outside any consumer group (no stage's offsets move): the console's views of small topics. An unreadable record
 * is logged and skipped.
 *
 * @param <T> the records' type
 */
public final class TopicFollower<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final Class<T> type;
  private final Consumer<T> sink;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean closed;

  private TopicFollower(String topic, Class<T> type, Consumer<T> sink, KafkaConsumer<String, byte[]> consumer) {
    this.topic = topic;
    this.type = type;
    this.sink = sink;
    this.consumer = consumer;
    this.thread = new Thread(this::follow, "vedetta-follow-" + topic);
    this.thread.setDaemon(true);
  }

  /** Starts following {@code topic} from its first record. */
  public static <T> TopicFollower<T> start(KafkaClients clients, String topic, Class<T> type, Consumer<T> sink) {
    KafkaConsumer<String, byte[]> consumer = clients.reader("vedetta-follow-" + UUID.randomUUID(),
        Duration.ofMillis(500));
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      TopicFollower<T> follower = new TopicFollower<>(topic, type, sink, consumer);
      follower.thread.start();
      return follower;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  private void follow() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            sink.accept(Json.read(r.value(), type));
          } catch (MalformedRecordException e) {
            LOG.warn("{}: skipped an unreadable record at {}-{}@{}: {}", topic, r.topic(), r.partition(), r.offset(),
                e.getMessage());
          }
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (RuntimeException e) {
      LOG.error("stopped following {}: {}", topic, e.toString(), e);
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
