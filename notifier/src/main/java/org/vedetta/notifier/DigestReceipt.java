package org.vedetta.notifier;

import java.time.Instant;

/**
 * A mail that went out: a digest or an immediate alert.
 *
 * @param email     the subscriber it went to
 * @param messageId its {@code Message-ID} header, e.g. {@code <3f2a9c0d1e4b5a68@vedetta>}
 * @param items     how many developments it carried
 * @param where     the {@code .eml} file it was written to, or {@code smtp://host:port}
 * @param sentAt    when it was handed over
 * @param immediate an alert sent at once rather than a scheduled digest
 */
public record DigestReceipt(String email, String messageId, int items, String where, Instant sentAt,
    boolean immediate) {}
