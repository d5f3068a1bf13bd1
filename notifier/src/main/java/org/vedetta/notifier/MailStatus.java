package org.vedetta.notifier;

import java.time.Instant;

/**
 * Where mail to one address stands, for operators ({@code vedetta mail-status}).
 *
 * @param email          the address
 * @param subscribed     whether {@code subscribers.yml} lists it now
 * @param pending        developments waiting for its next mail
 * @param lastSent       when its last mail went out, or {@code null}
 * @param nextDigest     when its next digest is due, or {@code null} (not subscribed, or never)
 * @param failures       consecutive failed mails (0 when the last one went out)
 * @param nextAttempt    when a failed mail is tried again, or {@code null}
 * @param rejected       the server refused it for good (5xx): parked until released
 * @param lastError      what went wrong last, or {@code null}
 * @param unsubscribedAt when it unsubscribed, or {@code null}
 * @param repeats        mails that may have repeated an earlier one (a crash after the hand-over)
 */
public record MailStatus(String email, boolean subscribed, int pending, Instant lastSent, Instant nextDigest,
    int failures, Instant nextAttempt, boolean rejected, String lastError, Instant unsubscribedAt, int repeats) {}
