/**
 * The ingest pipeline: fetch ({@link org.vedetta.ingest.internal.Fetcher}), parse
 * ({@link org.vedetta.ingest.internal.ItemReader}), extract ({@link org.vedetta.ingest.internal.PageExtractor}),
 * identify ({@link org.vedetta.ingest.internal.CanonicalUrl}), publish
 * ({@link org.vedetta.ingest.internal.SourcePoller} with {@link org.vedetta.ingest.internal.SeenItems}).
 *
 * <p>Internal: not for use outside the ingest module. Types here are public only so
 * {@link org.vedetta.ingest.Ingest} can reach them, and may change without notice.
 */
package org.vedetta.ingest.internal;
