/**
 * The notifier stage: routes {@link org.vedetta.model.Development}s to subscribers by their watchlists, keeps a
 * durable per-subscriber queue and mails digests on each subscriber's schedule, plus immediate alerts above a
 * severity threshold. {@link org.vedetta.notifier.Notifier} is the entry; the settings records
 * ({@link org.vedetta.notifier.WatchlistsSettings}, {@link org.vedetta.notifier.SubscribersSettings},
 * {@link org.vedetta.notifier.MailSettings}) are what it is built from.
 */
package org.vedetta.notifier;
