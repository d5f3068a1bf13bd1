/**
 * Internal: not for use outside the notifier. These types may change without notice; use
 * {@link org.vedetta.notifier.Notifier}.
 *
 * <p>A development's way through here: {@link org.vedetta.notifier.internal.Router} picks the subscribers,
 * {@link org.vedetta.notifier.internal.QueueStore} stores it durably, {@link org.vedetta.notifier.internal.Delivery}
 * drains a subscriber's queue into a {@link org.vedetta.notifier.internal.Digest}, which
 * {@link org.vedetta.notifier.internal.DigestTemplates} renders,
 * {@link org.vedetta.notifier.internal.DigestMessages} turns into a MIME message and a
 * {@link org.vedetta.notifier.internal.Mailer} hands over; {@link org.vedetta.notifier.internal.Schedule} runs
 * it all on each subscriber's cron, and {@link org.vedetta.notifier.internal.RetryLog} remembers failures.
 */
package org.vedetta.notifier.internal;
