package org.vedetta.model;

import java.time.Instant;

/**
 * A record a stage could not process, kept with its original bytes so nothing is lost.
 *
 * @param schema      version of this record's JSON shape
 * @param stage       the stage that failed ({@code matcher}, {@code notifier})
 * @param topic       topic of the original record
 * @param partition   its partition
 * @param offset      its offset
 * @param key         its key, or {@code null}
 * @param valueBase64 its value bytes, Base64
 * @param error       what went wrong
 * @param failedAt    when
 */
public record DeadLetter(
    int schema,
    String stage,
    String topic,
    int partition,
    long offset,
    String key,
    String valueBase64,
    String error,
    Instant failedAt) {

  public static final int SCHEMA = 1;
}
