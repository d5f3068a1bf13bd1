package org.vedetta.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Json;

/** Reads topics from their beginning, outside any consumer group (it commits nothing), keeping every record. */
final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  TopicReader(String bootstrapServers, String... topics) {
    String id = "test-reader-" + UUID.randomUUID();
    consumer = new KafkaClients(bootstrapServers).consumer(id, id);
    List<TopicPartition> partitions = Stream.of(topics).flatMap(t -> consumer.partitionsFor(t).stream())
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  TopicReader poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return this;
  }

  List<ConsumerRecord<String, byte[]>> records(String topic) {
    return records.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  long count(String topic) {
    return records(topic).size();
  }

  <T> List<T> values(String topic, Class<T> type) {
    return records(topic).stream().map(r -> Json.read(r.value(), type)).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
