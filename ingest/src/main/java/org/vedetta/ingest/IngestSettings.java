package org.vedetta.ingest;

import java.time.Duration;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * How ingest fetches and paces itself, for all sources at once: the limits of every HTTP request, politeness
 * towards each host, and how a failing source is backed off. Every component may be {@code null} (or absent
 * from YAML) for its default; {@link #defaults()} is every default.
 *
 * <pre>{@code
 * connect_timeout: 10s            # TCP (and TLS) connect
 * read_timeout: 30s               # longest wait for the response headers or for the next body bytes
 * total_timeout: 60s              # longest one request may take, from sending it to its last body byte
 * max_body_bytes: 10485760        # 10 MiB on the wire
 * max_decompressed_bytes: 10485760  # 10 MiB after gzip: a gzip bomb stops here
 * max_redirects: 5                # each hop is checked against private addresses (and robots.txt)
 * per_host_concurrency: 2         # requests in flight to one host, all sources together
 * per_host_interval: 1s           # least time between the starts of two requests to one host
 * robots_cache_ttl: 24h           # how long a host's robots.txt is kept
 * max_backoff: 6h                 # a failing source waits poll_interval x 2^failures, at most this
 * unhealthy_after: 5              # consecutive failed polls before a source is reported unhealthy
 * poll_threads: 4                 # sources polled at the same time by the scheduler
 * }</pre>
 *
 * <p>The request {@code User-Agent} is {@value org.vedetta.ingest.internal.HttpFetcher#USER_AGENT}; robots.txt
 * groups are matched on the token {@code vedetta}.
 *
 * @param connectTimeout       time to open a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param readTimeout          longest silence of a server: waiting for the headers (from sending the request,
 *                             connecting included), or between two pieces of the body; default
 *                             {@link #DEFAULT_READ_TIMEOUT}
 * @param totalTimeout         longest one request (one redirect hop) may take in all, however steadily the
 *                             server trickles; default {@link #DEFAULT_TOTAL_TIMEOUT}. Also the longest wait for
 *                             a free connection slot to a busy host
 * @param maxBodyBytes         largest response body as received; default {@link #DEFAULT_MAX_BODY_BYTES}
 * @param maxDecompressedBytes largest body after {@code Content-Encoding: gzip} is undone; default
 *                             {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}
 * @param maxRedirects         redirects followed per fetch; default {@link #DEFAULT_MAX_REDIRECTS}
 * @param perHostConcurrency   requests to one host in flight at once, across all sources; default
 *                             {@link #DEFAULT_PER_HOST_CONCURRENCY}
 * @param perHostInterval      least time between the starts of two requests to one host; default
 *                             {@link #DEFAULT_PER_HOST_INTERVAL}; {@code 0s} for none
 * @param robotsCacheTtl       how long a host's robots.txt rules are used before it is read again; default
 *                             {@link #DEFAULT_ROBOTS_CACHE_TTL}
 * @param maxBackoff           longest wait between polls of a failing source; default {@link #DEFAULT_MAX_BACKOFF}
 * @param unhealthyAfter       consecutive failed polls that make a source unhealthy; default
 *                             {@link #DEFAULT_UNHEALTHY_AFTER}
 * @param pollThreads          scheduler threads, i.e. sources polled at once; default {@link #DEFAULT_POLL_THREADS}
 */
public record IngestSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    Long maxBodyBytes,
    Long maxDecompressedBytes,
    Integer maxRedirects,
    Integer perHostConcurrency,
    Duration perHostInterval,
    Duration robotsCacheTtl,
    Duration maxBackoff,
    Integer unhealthyAfter,
    Integer pollThreads) implements Validated {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final int DEFAULT_PER_HOST_CONCURRENCY = 2;
  public static final Duration DEFAULT_PER_HOST_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_ROBOTS_CACHE_TTL = Duration.ofHours(24);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(6);
  public static final int DEFAULT_UNHEALTHY_AFTER = 5;
  public static final int DEFAULT_POLL_THREADS = 4;

  public IngestSettings {
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    totalTimeout = totalTimeout == null ? DEFAULT_TOTAL_TIMEOUT : totalTimeout;
    maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
    maxDecompressedBytes = maxDecompressedBytes == null ? DEFAULT_MAX_DECOMPRESSED_BYTES : maxDecompressedBytes;
    maxRedirects = maxRedirects == null ? DEFAULT_MAX_REDIRECTS : maxRedirects;
    perHostConcurrency = perHostConcurrency == null ? DEFAULT_PER_HOST_CONCURRENCY : perHostConcurrency;
    perHostInterval = perHostInterval == null ? DEFAULT_PER_HOST_INTERVAL : perHostInterval;
    robotsCacheTtl = robotsCacheTtl == null ? DEFAULT_ROBOTS_CACHE_TTL : robotsCacheTtl;
    maxBackoff = maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff;
    unhealthyAfter = unhealthyAfter == null ? DEFAULT_UNHEALTHY_AFTER : unhealthyAfter;
    pollThreads = pollThreads == null ? DEFAULT_POLL_THREADS : pollThreads;
  }

  /** Every default. */
  public static IngestSettings defaults() {
    return new IngestSettings(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public IngestSettings withConnectTimeout(Duration value) {
    return new IngestSettings(value, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes, maxRedirects,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withReadTimeout(Duration value) {
    return new IngestSettings(connectTimeout, value, totalTimeout, maxBodyBytes, maxDecompressedBytes, maxRedirects,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withTotalTimeout(Duration value) {
    return new IngestSettings(connectTimeout, readTimeout, value, maxBodyBytes, maxDecompressedBytes, maxRedirects,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withMaxBodyBytes(long value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, value, maxDecompressedBytes, maxRedirects,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withMaxDecompressedBytes(long value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, value, maxRedirects,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withMaxRedirects(int value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes, value,
        perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withPerHostConcurrency(int value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, value, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withPerHostInterval(Duration value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, value, robotsCacheTtl, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withRobotsCacheTtl(Duration value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, perHostInterval, value, maxBackoff, unhealthyAfter, pollThreads);
  }

  public IngestSettings withMaxBackoff(Duration value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, perHostInterval, robotsCacheTtl, value, unhealthyAfter, pollThreads);
  }

  public IngestSettings withUnhealthyAfter(int value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, value, pollThreads);
  }

  public IngestSettings withPollThreads(int value) {
    return new IngestSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecompressedBytes,
        maxRedirects, perHostConcurrency, perHostInterval, robotsCacheTtl, maxBackoff, unhealthyAfter, value);
  }

  @Override
  public void validate(Problems problems) {
    positive(problems, "connect_timeout", connectTimeout);
    positive(problems, "read_timeout", readTimeout);
    positive(problems, "total_timeout", totalTimeout);
    atLeast(problems, "max_body_bytes", maxBodyBytes, 1024);
    atLeast(problems, "max_decompressed_bytes", maxDecompressedBytes, 1024);
    atLeast(problems, "max_redirects", maxRedirects, 0);
    atLeast(problems, "per_host_concurrency", perHostConcurrency, 1);
    problems.check(!perHostInterval.isNegative(), "per_host_interval",
        "invalid value " + describe(perHostInterval) + ": must be at least 0s");
    positive(problems, "robots_cache_ttl", robotsCacheTtl);
    positive(problems, "max_backoff", maxBackoff);
    atLeast(problems, "unhealthy_after", unhealthyAfter, 1);
    atLeast(problems, "poll_threads", pollThreads, 1);
  }

  private static void positive(Problems problems, String field, Duration value) {
    problems.check(!value.isNegative() && !value.isZero(), field,
        "invalid value " + describe(value) + ": must be longer than 0s");
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void atLeast(Problems problems, String field, long value, long min) {
    problems.check(value >= min, field, "invalid value " + value + ": must be at least " + min);
  }
}
