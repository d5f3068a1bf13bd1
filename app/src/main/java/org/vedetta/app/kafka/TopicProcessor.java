package org.vedetta.app.kafka;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.database.Durability;
import org.vedetta.model.DeadLetter;
import org.vedetta.model.Json;
import org.vedetta.model.MalformedRecordException;
import org.vedetta.model.Topics;

/**
 * Runs one stage on one topic: reads each record, hands its decoded value to the stage, writes what the stage
 * returns, and commits the offsets only once those writes are acknowledged and the stage's database writes are on
 * disk ({@link Durability}: a killed process never leaves offsets past work its database forgot). A record that cannot be decoded,
 * or that the stage still fails on after {@link #ATTEMPTS} tries, goes to {@link Topics#DEADLETTER} with its
 * original bytes and the error, so one poison record never blocks a partition.
 *
 * @param <T> the topic's value type
 */
public final class TopicProcessor<T> implements AutoCloseable {

  /** What a stage does with one value: the records to write in return (possibly none). */
  @FunctionalInterface
  public interface Stage<T> {
    List<ProducerRecord<String, byte[]>> process(T value) throws Exception;
  }

  static final int ATTEMPTS = 3;
  /** One record held the stage longer than this: readiness reports the stage stuck. */
  public static final Duration STUCK_AFTER = Duration.ofSeconds(60);
  /** How long {@link #close} waits for the record in hand before it leaves the stage to end with the process. */
  static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(TopicProcessor.class);

  private final String stageName;
  private final String topic;
  private final Class<T> type;
  private final Stage<T> stage;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final Clock clock;
  private final Duration backoff;
  private final Durability durability;
  private final Thread thread;
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private volatile boolean running = true;
  private volatile String failure;
  /** The record in hand and since when, or {@code null} between records. */
  private volatile InHand inHand;

  private record InHand(String record, Instant since) {}

  /** A stage that keeps nothing in a database. */
  public TopicProcessor(String stageName, KafkaClients clients, String topic, Class<T> type, Stage<T> stage,
      KafkaProducer<String, byte[]> producer, Clock clock, Duration backoff) {
    this(stageName, clients, topic, type, stage, producer, clock, backoff, Durability.NONE);
  }

  /** A stage whose database writes {@code durability} flushes before each offset commit. */
  public TopicProcessor(String stageName, KafkaClients clients, String topic, Class<T> type, Stage<T> stage,
      KafkaProducer<String, byte[]> producer, Clock clock, Duration backoff, Durability durability) {
    this.durability = durability;
    this.stageName = stageName;
    this.topic = topic;
    this.type = type;
    this.stage = stage;
    this.producer = producer;
    this.clock = clock;
    this.backoff = backoff;
    this.consumer = clients.consumer("vedetta-" + stageName, "vedetta-" + stageName + "-" + ProcessHandle.current().pid());
    this.thread = new Thread(this::run, "vedetta-" + stageName);
    // A stage stuck on one record (a page that costs minutes) must not keep the process alive once it is stopped.
    this.thread.setDaemon(true);
  }

  public void start() {
    consumer.subscribe(List.of(topic));
    thread.start();
  }

  /** Records handled (successfully or dead-lettered) since start. */
  public long processed() {
    return processed.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** The stage's name, e.g. {@code matcher}. */
  public String stageName() {
    return stageName;
  }

  /**
   * Records this consumer had yet to read on its partitions at its last poll (the consumer's own view, from its
   * fetch responses; 0 before the first).
   */
  public long lag() {
    return lag.get();
  }

  private long currentLag() {
    long total = 0;
    for (TopicPartition partition : consumer.assignment()) {
      total += consumer.currentLag(partition).orElse(0);
    }
    return total;
  }

  /** Whether the stage still consumes: false once it stopped, whether closed or by a failure. */
  public boolean alive() {
    return thread.isAlive() && failure == null;
  }

  /**
   * Whether one record has held the stage for more than {@code limit}: which one and for how long, for readiness;
   * empty while records flow.
   */
  public Optional<String> stuck(Duration limit) {
    InHand now = inHand;
    if (now == null) {
      return Optional.empty();
    }
    Duration held = Duration.between(now.since(), clock.instant());
    return held.compareTo(limit) > 0
        ? Optional.of("stage '" + stageName + "' has been on " + now.record() + " for " + held.toSeconds() + " s")
        : Optional.empty();
  }

  /** Why the stage stopped on its own, or {@code null}. */
  public String failure() {
    return failure;
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        lag.set(currentLag());
        if (!records.isEmpty()) {
          processBatch(records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        stopped(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      stopped(e);
    } finally {
      consumer.close();
    }
  }

  /**
   * Handles a batch and commits it once every record it led to is acknowledged. A write that fails rewinds the
   * batch, to be handled again after a pause (stages are idempotent: the matcher learns a fact once, the notifier
   * queues a development once per subscriber). A commit refused because the partitions moved to another consumer
   * is left to that consumer, which reads the same records again.
   */
  private void processBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
    List<Future<RecordMetadata>> writes = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      for (ProducerRecord<String, byte[]> out : handle(record)) {
        writes.add(producer.send(out));
      }
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
      processed.incrementAndGet();
    }
    try {
      for (Future<RecordMetadata> write : writes) {
        write.get();
      }
    } catch (ExecutionException e) {
      LOG.error("{}: a write to Kafka failed, the batch is handled again in {} ms: {}", stageName, backoff.toMillis(),
          e.getCause().toString());
      rewind(records);
      TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
      return;
    }
    try {
      durability.flush();
    } catch (SQLException e) {
      LOG.error("{}: the database could not write the batch to disk, it is handled again in {} ms: {}", stageName,
          backoff.toMillis(), e.toString());
      rewind(records);
      TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      LOG.warn("{}: offsets not committed, the partitions moved to another consumer, which reads them again: {}",
          stageName, e.toString());
    }
  }

  /** Reads the batch again from its first record, on the partitions this consumer still holds. */
  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (consumer.assignment().contains(partition)) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
    }
  }

  private void stopped(Throwable e) {
    failure = e.toString();
    LOG.error("{}: stopped consuming {}: {}", stageName, topic, e.toString(), e);
  }

  private List<ProducerRecord<String, byte[]>> handle(ConsumerRecord<String, byte[]> record)
      throws InterruptedException {
    T value;
    try {
      value = Json.read(record.value(), type);
    } catch (MalformedRecordException e) {
      return List.of(deadLetter(record, e.getMessage()));
    }
    Exception last = null;
    inHand = new InHand(record.topic() + "-" + record.partition() + "@" + record.offset(), clock.instant());
    try {
      return attempts(record, value);
    } finally {
      inHand = null;
    }
  }

  private List<ProducerRecord<String, byte[]>> attempts(ConsumerRecord<String, byte[]> record, T value)
      throws InterruptedException {
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS && running; attempt++) {
      try {
        return stage.process(value);
      } catch (IllegalArgumentException | NullPointerException e) {
        last = e;
        break;
      } catch (Exception e) {
        last = e;
        LOG.warn("{}: attempt {} on {}-{}@{} failed: {}", stageName, attempt, record.topic(), record.partition(),
            record.offset(), e.toString());
        TimeUnit.MILLISECONDS.sleep(backoff.toMillis() << (attempt - 1));
      }
    }
    if (!running) {
      // Stopping: leave the record uncommitted so it is read again, rather than dead-letter it.
      throw new WakeupException();
    }
    return List.of(deadLetter(record, last.toString()));
  }

  private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String error) {
    deadLettered.incrementAndGet();
    LOG.error("{}: {}-{}@{} sent to {}: {}", stageName, record.topic(), record.partition(), record.offset(),
        Topics.DEADLETTER, error);
    DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA, stageName, record.topic(), record.partition(),
        record.offset(), record.key(),
        record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()), error, clock.instant());
    return new ProducerRecord<>(Topics.DEADLETTER, record.key(), Json.write(letter));
  }

  /**
   * Stops consuming: the record in hand is finished, or after {@link #STOP_WAIT} left to end with the process (its
   * offset is not committed, so it is read again at the next start).
   */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    InHand stuck = inHand;
    if (thread.isAlive() && stuck != null) {
      LOG.warn("{}: still on {} after {} s of stopping; left to end with the process, it is read again at the next"
          + " start", stageName, stuck.record(), STOP_WAIT.toSeconds());
    }
  }

}
