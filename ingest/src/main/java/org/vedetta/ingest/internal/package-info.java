/**
 * The ingest pipeline: fetch ({@link org.vedetta.ingest.internal.Fetcher}: the
 * {@link org.vedetta.ingest.internal.HttpFetcher} with its address guard, robots.txt rules, per-host limits and
 * size and time caps), parse
 * ({@link org.vedetta.ingest.internal.ItemReader}), extract ({@link org.vedetta.ingest.internal.PageExtractor}),
 * identify ({@link org.vedetta.ingest.internal.CanonicalUrl}), publish
 * ({@link org.vedetta.ingest.internal.SourcePoller} with {@link org.vedetta.ingest.internal.SeenItems}); and
 * scheduling ({@link org.vedetta.ingest.internal.PollScheduler} firing each
 * {@link org.vedetta.ingest.internal.SourceRunner}, which keeps the source's backoff and health, from a schedule
 * in memory or shared by a cluster of ingest processes in PostgreSQL: {@link org.vedetta.ingest.internal.PollStore}).
 *
 * <p>Internal: not for use outside the ingest module. Types here are public only so
 * {@link org.vedetta.ingest.Ingest} can reach them, and may change without notice.
 */
package org.vedetta.ingest.internal;
