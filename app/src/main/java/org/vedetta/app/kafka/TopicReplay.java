package org.vedetta.app.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.vedetta.model.Json;
import org.vedetta.model.MalformedRecordException;

/**
 * Reads what a topic holds from a point in time up to its end as it was when the read began, outside any
 * consumer group (it commits nothing, so the stages' offsets never move): the console's previews. Cost grows
 * with the records in the window; {@code limit} and a deadline bound it, and over the limit the newest records are
 * the ones read.
 */
public final class TopicReplay {

  /**
   * What a read went through.
   *
   * @param records    records handed on
   * @param unreadable records that could not be read as the type (skipped)
   * @param complete   false when the limit or the deadline stopped the read before the end
   */
  public record Read(long records, long unreadable, boolean complete) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** The broker holds an empty fetch this long at most; closing the reader waits for the last one. */
  private static final Duration FETCH_WAIT = Duration.ofMillis(20);

  private final KafkaClients clients;
  private final Duration deadline;

  /** @param deadline how long one read may take at most */
  public TopicReplay(KafkaClients clients, Duration deadline) {
    this.clients = clients;
    this.deadline = deadline;
  }

  /**
   * Hands every record of {@code topic} written since {@code since} to {@code sink}; when there are more than
   * {@code limit}, about the newest {@code limit} of them (each partition's equal share), and the read is not
   * complete.
   */
  public <T> Read read(String topic, Class<T> type, Instant since, long limit, Consumer<T> sink) {
    String clientId = "vedetta-replay-" + UUID.randomUUID();
    try (KafkaConsumer<String, byte[]> consumer = clients.reader(clientId, FETCH_WAIT)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
          partitions.stream().collect(Collectors.toMap(p -> p, p -> since.toEpochMilli())), TIMEOUT);
      // Over the limit, the newest records of the window are read: each partition's share of the limit.
      long share = Math.max(1, limit / Math.max(1, partitions.size()));
      boolean truncated = false;
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp at = start.get(p);
        if (at != null && at.offset() < end.get(p)) {
          long first = Math.max(at.offset(), end.get(p) - share);
          truncated |= first > at.offset();
          from.put(p, first);
        }
      }
      Set<TopicPartition> open = new HashSet<>(from.keySet());
      consumer.assign(open);
      from.forEach(consumer::seek);
      long records = 0;
      long unreadable = 0;
      Instant stopAt = Instant.now().plus(deadline);
      while (!open.isEmpty() && records < limit && Instant.now().isBefore(stopAt)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition p = new TopicPartition(r.topic(), r.partition());
          if (r.offset() >= end.get(p) || records >= limit) {
            continue;
          }
          T value;
          try {
            value = Json.read(r.value(), type);
          } catch (MalformedRecordException e) {
            unreadable++;
            continue;
          }
          sink.accept(value);
          records++;
        }
        open.removeIf(p -> consumer.position(p, TIMEOUT) >= end.get(p));
      }
      return new Read(records, unreadable, open.isEmpty() && !truncated);
    }
  }
}
