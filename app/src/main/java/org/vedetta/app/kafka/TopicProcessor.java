package org.vedetta.app.kafka;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * disk ({@link Durability}: a killed process never leaves offsets past work its database forgot).
 *
 * <p>Failures are told apart ({@link Failures}). One that may pass (the database or the broker unreachable, a
 * timeout) pauses the stage: its partitions are paused, nothing is committed past the record, readiness says why,
 * and the record is tried again after a pause that doubles up to {@link #MAX_BACKOFF} for as long as the failure
 * lasts; nothing is dead-lettered for it. A record that cannot be processed (undecodable, rejected by the stage) or
 * that the stage fails on for an unknown reason {@link #ATTEMPTS} times goes to {@link Topics#DEADLETTER} with its
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
  /** The longest pause between two tries of a record while a failure that may pass lasts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);
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
  private final Duration maxBackoff;
  private final Durability durability;
  private final Thread thread;
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private volatile boolean running = true;
  private volatile String failure;
  /** The record in hand and since when, or {@code null} between records. */
  private volatile InHand inHand;
  /** Why the stage waits, or {@code null} while records flow. */
  private volatile Pause pause;

  private record InHand(String record, Instant since) {}

  /**
   * A failure that may pass, being waited out.
   *
   * @param reason   the last failure
   * @param since    when the first one happened
   * @param failures tries failed in a row
   * @param waitMillis the current pause
   * @param retryAt  when the next try is due, on {@link System#nanoTime}'s scale
   * @param partitions the partitions whose records are to be tried again
   */
  private record Pause(String reason, Instant since, int failures, long waitMillis, long retryAt,
      Set<TopicPartition> partitions) {}

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
    this.maxBackoff = backoff.compareTo(MAX_BACKOFF) < 0 ? MAX_BACKOFF : backoff;
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

  /**
   * Whether the stage waits out a failure that may pass (the database unreachable, say): since when, how many tries
   * and why, for readiness; empty while records flow.
   */
  public Optional<String> paused() {
    Pause now = pause;
    if (now == null) {
      return Optional.empty();
    }
    return Optional.of("stage '" + stageName + "' paused for " + Duration.between(now.since(), clock.instant())
        .toSeconds() + " s (" + now.failures() + " tries, next in at most " + now.waitMillis() / 1000.0
        + " s), nothing dead-lettered: " + now.reason());
  }

  /** Why the stage stopped on its own, or {@code null}. */
  public String failure() {
    return failure;
  }

  private void run() {
    try {
      while (running) {
        Pause waiting = pause;
        boolean holding = waiting != null && System.nanoTime() < waiting.retryAt();
        if (holding) {
          consumer.pause(consumer.assignment()); // partitions assigned since the pause began included
        } else if (!consumer.paused().isEmpty()) {
          consumer.resume(consumer.paused());
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(holding
            ? Duration.ofNanos(Math.min(POLL.toNanos(), Math.max(1, waiting.retryAt() - System.nanoTime()))) : POLL);
        lag.set(currentLag());
        if (records.isEmpty()) {
          if (waiting != null && !holding && Collections.disjoint(consumer.assignment(), waiting.partitions())) {
            LOG.info("{}: no longer paused: the partitions it was trying moved to another consumer", stageName);
            pause = null;
          }
        } else if (holding) {
          seek(firstOffsets(records)); // a partition assigned while waiting: read when the wait is over
        } else {
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

  /** A record handled and the writes it led to. */
  private record Handled(ConsumerRecord<String, byte[]> record, List<Future<RecordMetadata>> writes) {}

  /** A failure that may pass, met on {@code record}: the stage waits and reads it again. */
  private static final class Transient extends Exception {
    Transient(Throwable cause) {
      super(cause.toString(), cause);
    }
  }

  /**
   * Handles a batch and commits it once every record it led to is acknowledged and the stage's database writes are
   * on disk. A failure that may pass (the database or the broker unreachable) stops the batch: what was handled
   * before it is committed, the rest is read again after a pause that grows while the failure lasts, and nothing is
   * dead-lettered (stages are idempotent: the matcher learns a fact once, the notifier queues a development once per
   * subscriber). A commit refused because the partitions moved to another consumer is left to that consumer, which
   * reads the same records again.
   */
  private void processBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
    Map<TopicPartition, Long> next = firstOffsets(records);
    List<Handled> handled = new ArrayList<>();
    Transient failed = null;
    for (ConsumerRecord<String, byte[]> record : records) {
      List<Future<RecordMetadata>> writes = new ArrayList<>();
      try {
        for (ProducerRecord<String, byte[]> out : handle(record)) {
          writes.add(producer.send(out));
        }
      } catch (Transient e) {
        failed = e;
        break;
      }
      handled.add(new Handled(record, writes));
    }
    if (!handled.isEmpty()) {
      try {
        commit(handled);
        handled.forEach(h -> next.put(new TopicPartition(h.record().topic(), h.record().partition()),
            h.record().offset() + 1));
      } catch (Transient e) {
        failed = e;
      }
    }
    if (failed != null) {
      seek(next);
      paused(failed.getCause(), next.keySet());
    } else {
      resumed();
    }
  }

  /** Waits for the writes of the handled records, flushes the database, commits their offsets. */
  private void commit(List<Handled> handled) throws InterruptedException, Transient {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Handled h : handled) {
      for (Future<RecordMetadata> write : h.writes()) {
        try {
          write.get();
        } catch (ExecutionException e) {
          if (Failures.classify(e.getCause()) == Failures.Kind.TRANSIENT) {
            throw new Transient(e.getCause());
          }
          // A write the broker will never take (a record too large): the record it came from is kept whole.
          awaitDeadLetter(h.record(), "writing its result failed: " + e.getCause());
        }
      }
      ConsumerRecord<String, byte[]> r = h.record();
      offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
      processed.incrementAndGet();
    }
    try {
      durability.flush();
    } catch (SQLException e) {
      throw new Transient(e);
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      LOG.warn("{}: offsets not committed, the partitions moved to another consumer, which reads them again: {}",
          stageName, e.toString());
    }
  }

  private void awaitDeadLetter(ConsumerRecord<String, byte[]> record, String error)
      throws InterruptedException, Transient {
    try {
      producer.send(deadLetter(record, error)).get();
    } catch (ExecutionException e) {
      throw new Transient(e.getCause());
    }
  }

  private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      first.put(partition, records.records(partition).get(0).offset());
    }
    return first;
  }

  /** Reads each partition again from the given offset, on the partitions this consumer still holds. */
  private void seek(Map<TopicPartition, Long> offsets) {
    offsets.forEach((partition, offset) -> {
      if (consumer.assignment().contains(partition)) {
        consumer.seek(partition, offset);
      }
    });
  }

  private void paused(Throwable cause, Set<TopicPartition> partitions) {
    Pause before = pause;
    int failures = before == null ? 1 : before.failures() + 1;
    long waitMillis = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(failures - 1, 20));
    Instant since = before == null ? clock.instant() : before.since();
    pause = new Pause(cause.toString(), since, failures, waitMillis,
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis), Set.copyOf(partitions));
    if (before == null) {
      LOG.warn("{}: paused, nothing dead-lettered; trying again in {} ms, then less often while it lasts: {}",
          stageName, waitMillis, cause.toString());
    } else {
      LOG.warn("{}: still failing after {} tries, trying again in {} ms: {}", stageName, failures, waitMillis,
          cause.toString());
    }
  }

  private void resumed() {
    Pause before = pause;
    if (before != null) {
      pause = null;
      LOG.info("{}: resumed after {} s and {} tries", stageName,
          Duration.between(before.since(), clock.instant()).toSeconds(), before.failures());
    }
  }

  private void stopped(Throwable e) {
    failure = e.toString();
    LOG.error("{}: stopped consuming {}: {}", stageName, topic, e.toString(), e);
  }

  private List<ProducerRecord<String, byte[]>> handle(ConsumerRecord<String, byte[]> record)
      throws InterruptedException, Transient {
    T value;
    try {
      value = Json.read(record.value(), type);
    } catch (MalformedRecordException e) {
      return List.of(deadLetter(record, e.getMessage()));
    }
    inHand = new InHand(record.topic() + "-" + record.partition() + "@" + record.offset(), clock.instant());
    try {
      return attempts(record, value);
    } finally {
      inHand = null;
    }
  }

  /**
   * The stage's records for one value: a failure that may pass is handed up for the stage to wait; a record the
   * stage rejects is dead-lettered at once; any other failure after {@link #ATTEMPTS} tries.
   */
  private List<ProducerRecord<String, byte[]>> attempts(ConsumerRecord<String, byte[]> record, T value)
      throws InterruptedException, Transient {
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS && running; attempt++) {
      try {
        return stage.process(value);
      } catch (Exception e) {
        last = e;
        Failures.Kind kind = Failures.classify(e);
        if (kind == Failures.Kind.TRANSIENT) {
          throw new Transient(e);
        }
        if (kind == Failures.Kind.PERMANENT) {
          break;
        }
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
