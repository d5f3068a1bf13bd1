package org.vedetta.app.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.vedetta.model.DeadLetter;
import org.vedetta.model.DeadLetterReplay;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;

/**
 * The dead letters on {@link Topics#DEADLETTER}, each with whether it was replayed, and their replay: the original
 * bytes and key published again to the original topic, then the replay recorded on
 * {@link Topics#DEADLETTER_REPLAYS} so that a letter is replayed once however often a replay is asked for. A
 * record dead-lettered twice (read again after a broker failure) is one letter. Reads both topics to their end, so
 * cost grows with the letters kept.
 */
public final class DeadLetters {

  /**
   * One original record that a stage could not process.
   *
   * @param letter the dead letter (the first, when the record was dead-lettered more than once)
   * @param replay its replay, or {@code null} while not replayed
   */
  public record Letter(DeadLetter letter, DeadLetterReplay replay) {

    /** The original record's position, {@code topic-partition@offset}. */
    public String original() {
      return DeadLetterReplay.positionOf(letter.topic(), letter.partition(), letter.offset());
    }
  }

  /** How long reading the two topics may take at most. */
  private static final Duration READ_DEADLINE = Duration.ofMinutes(2);

  private final KafkaClients clients;
  private final Clock clock;

  public DeadLetters(KafkaClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** Every letter {@code filter} accepts, oldest first. */
  public List<Letter> list(Predicate<DeadLetter> filter) {
    TopicReplay reader = new TopicReplay(clients, READ_DEADLINE);
    Map<String, DeadLetterReplay> replays = new HashMap<>();
    complete(reader.read(Topics.DEADLETTER_REPLAYS, DeadLetterReplay.class, Instant.EPOCH, Long.MAX_VALUE,
        r -> replays.put(r.original(), r)), Topics.DEADLETTER_REPLAYS);
    Map<String, Letter> letters = new LinkedHashMap<>();
    complete(reader.read(Topics.DEADLETTER, DeadLetter.class, Instant.EPOCH, Long.MAX_VALUE, d -> {
      if (filter.test(d)) {
        String original = DeadLetterReplay.positionOf(d.topic(), d.partition(), d.offset());
        letters.putIfAbsent(original, new Letter(d, replays.get(original)));
      }
    }), Topics.DEADLETTER);
    return letters.values().stream()
        .sorted(Comparator.comparing((Letter l) -> l.letter().failedAt())).toList();
  }

  /**
   * Publishes again the original record of every letter {@code filter} accepts that was not replayed yet, and
   * records each replay; returns those letters, with their replay.
   *
   * @throws IllegalStateException when Kafka refuses a write (the letters replayed before it stay recorded)
   */
  public List<Letter> replay(Predicate<DeadLetter> filter, KafkaProducer<String, byte[]> producer)
      throws InterruptedException {
    List<Letter> replayed = new ArrayList<>();
    for (Letter l : list(filter)) {
      if (l.replay() != null) {
        continue;
      }
      DeadLetter d = l.letter();
      byte[] value = d.valueBase64() == null ? null : Base64.getDecoder().decode(d.valueBase64());
      RecordMetadata copy = write(producer, new ProducerRecord<>(d.topic(), d.key(), value), l.original());
      DeadLetterReplay replay = new DeadLetterReplay(DeadLetterReplay.SCHEMA, d.topic(), d.partition(), d.offset(),
          copy.partition(), copy.offset(), clock.instant());
      write(producer, new ProducerRecord<>(Topics.DEADLETTER_REPLAYS, l.original(), Json.write(replay)), l.original());
      replayed.add(new Letter(d, replay));
    }
    return replayed;
  }

  private static RecordMetadata write(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record,
      String original) throws InterruptedException {
    try {
      return producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot replay " + original + " to " + record.topic() + ": "
          + e.getCause().getMessage(), e.getCause());
    }
  }

  private static void complete(TopicReplay.Read read, String topic) {
    if (!read.complete()) {
      throw new IllegalStateException("could not read " + topic + " to its end within " + READ_DEADLINE.toMinutes()
          + " minutes");
    }
  }
}
