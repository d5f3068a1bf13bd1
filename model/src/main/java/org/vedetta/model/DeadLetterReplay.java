package org.vedetta.model;

import java.time.Instant;

/**
 * That a dead letter's original record was published again to its topic, so that it is replayed once however
 * often a replay is asked for. Keyed by {@link #original()} on a compacted topic.
 *
 * @param schema          version of this record's JSON shape
 * @param topic           topic of the original record
 * @param partition       its partition
 * @param offset          its offset
 * @param replayPartition where the copy was written: its partition
 * @param replayOffset    and its offset
 * @param replayedAt      when
 */
public record DeadLetterReplay(
    int schema,
    String topic,
    int partition,
    long offset,
    int replayPartition,
    long replayOffset,
    Instant replayedAt) {

  public static final int SCHEMA = 1;

  /** The original record's position, {@code topic-partition@offset}: the key of this record and of its letter. */
  public String original() {
    return positionOf(topic, partition, offset);
  }

  public static String positionOf(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }
}
