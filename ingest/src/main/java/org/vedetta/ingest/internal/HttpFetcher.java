package org.vedetta.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.ingest.SourceType;

/**
 * Fetches over one shared {@link HttpClient}, within the limits of {@link IngestSettings}. For each hop of a
 * fetch, in this order, before anything is sent:
 * <ol>
 *   <li>the {@link TargetGuard} checks the scheme and the resolved addresses;</li>
 *   <li>for an {@code html} source, {@link RobotsRules} checks the host's robots.txt (fetched the same way);</li>
 *   <li>a host that answered {@code 429}/{@code 503} with {@code Retry-After} is not asked again before then;</li>
 *   <li>{@link HostLimits} waits for a free slot to the host and for its turn after the previous request.</li>
 * </ol>
 * Then one GET with {@code User-Agent: }{@value #USER_AGENT}, {@code Accept-Encoding: gzip} and the
 * conditional-GET validators it is given. The response must start and keep coming within
 * {@code read_timeout} and end within {@code total_timeout}; its body may not pass {@code max_body_bytes},
 * nor, un-gzipped, {@code max_decompressed_bytes}. Redirects are followed by hand, at most
 * {@code max_redirects}, each hop checked again.
 *
 * <p>Every failure is a {@link SourceFetchException} naming the source and the URL.
 */
public final class HttpFetcher implements Fetcher {

  /** Sent on every request, robots.txt included. */
  public static final String USER_AGENT = "Vedetta/0.1 (+news monitoring)";

  private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
      + "text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final TargetGuard guard;
  private final IngestSettings settings;
  private final Clock clock;
  private final HostLimits hosts;
  private final RobotsRules robots;

  /** A fetcher with the default settings and the system clock over {@code client} (see {@link #newClient()}). */
  public HttpFetcher(HttpClient client) {
    this(client, IngestSettings.defaults(), Clock.systemUTC());
  }

  /**
   * A fetcher over {@code client} (see {@link #newClient(IngestSettings)}); {@code clock} dates
   * {@code Retry-After} windows and the robots.txt cache.
   */
  public HttpFetcher(HttpClient client, IngestSettings settings, Clock clock) {
    this(client, new TargetGuard(), settings, clock, HostLimits.Ticker.SYSTEM);
  }

  HttpFetcher(HttpClient client, TargetGuard guard, IngestSettings settings, Clock clock, HostLimits.Ticker ticker) {
    this.client = client;
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
    this.hosts = new HostLimits(settings.perHostConcurrency(), settings.perHostInterval(), clock, ticker);
    this.robots = new RobotsRules(settings.robotsCacheTtl(), clock,
        (source, robotsTxt) -> fetch(source, robotsTxt, Validators.NONE, false));
  }

  /** The client to share among all sources, with the default connect timeout. */
  public static HttpClient newClient() {
    return newClient(IngestSettings.defaults());
  }

  /** The client to share among all sources: HTTP/1.1, {@code connect_timeout}, no automatic redirects. */
  public static HttpClient newClient(IngestSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Fetched fetch(SourceSettings source, URI url, Validators known) throws SourceFetchException {
    return fetch(source, url, known, source.type() == SourceType.HTML);
  }

  private Fetched fetch(SourceSettings source, URI url, Validators known, boolean obeyRobots)
      throws SourceFetchException {
    URI current = CanonicalUrl.withoutFragment(url);
    for (int hop = 0; ; hop++) {
      guard.check(source, current);
      if (obeyRobots) {
        robots.check(source, current);
      }
      HttpResponse<byte[]> response = exchange(source, current, known);
      int status = response.statusCode();
      if (REDIRECTS.contains(status)) {
        if (hop == settings.maxRedirects()) {
          throw new SourceFetchException(source.id(), url.toString(), status, false,
              "more than " + settings.maxRedirects() + " redirects", null);
        }
        current = redirectTarget(source, current, response);
        continue;
      }
      if (status == 304) {
        return new Fetched(current, 304, null, new byte[0], known);
      }
      if (status / 100 != 2) {
        throw statusFailure(source, current, response);
      }
      return new Fetched(current, status, response.headers().firstValue("Content-Type").orElse(null),
          decode(source, current, response), Validators.of(response.headers()));
    }
  }

  /** One request within the host's limits. */
  private HttpResponse<byte[]> exchange(SourceSettings source, URI url, Validators known)
      throws SourceFetchException {
    String host = url.getHost();
    Instant blocked = hosts.blockedUntil(host);
    if (blocked != null) {
      throw new SourceFetchException(source.id(), url.toString(), 0, true,
          "not sent: " + host + " asked not to be contacted before " + blocked + " (Retry-After)", null, blocked);
    }
    try (HostLimits.Permit permit = hosts.acquire(host, settings.totalTimeout())) {
      return send(source, url, known);
    } catch (TimeoutException e) {
      throw failure(source, url, "not sent: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(source, url, "interrupted", true, e);
    }
  }

  private HttpResponse<byte[]> send(SourceSettings source, URI url, Validators known) throws SourceFetchException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .GET()
        // A backstop only: the read and total timeouts are kept by the loop below.
        .timeout(settings.totalTimeout())
        .header("User-Agent", USER_AGENT)
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip");
    if (known.etag() != null) {
      request.header("If-None-Match", known.etag());
    }
    if (known.lastModified() != null) {
      request.header("If-Modified-Since", known.lastModified());
    }
    long start = System.nanoTime();
    long deadline = start + settings.totalTimeout().toNanos();
    long readTimeout = settings.readTimeout().toNanos();
    CappedBody.Progress progress = new CappedBody.Progress(start);
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(request.build(), CappedBody.handler(settings.maxBodyBytes(), progress));
    try {
      while (true) {
        long now = System.nanoTime();
        long totalLeft = deadline - now;
        long idleLeft = progress.lastActivity() + readTimeout - now;
        if (totalLeft <= 0) {
          response.cancel(true);
          throw failure(source, url, "no complete response within " + describe(settings.totalTimeout())
              + " (total timeout)", true, null);
        }
        if (idleLeft <= 0) {
          response.cancel(true);
          String silence = progress.headersReceived() ? "the server sent nothing for " : "no response within ";
          throw failure(source, url, silence + describe(settings.readTimeout()) + " (read timeout)", true, null);
        }
        try {
          return response.get(Math.min(totalLeft, idleLeft), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // look again: the body may have moved on meanwhile
        }
      }
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(source, url, "interrupted", true, e);
    } catch (ExecutionException e) {
      throw describe(source, url, e.getCause());
    }
  }

  private SourceFetchException describe(SourceSettings source, URI url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLargeException) {
        return failure(source, url, t.getMessage() + " (max_body_bytes)", false, t);
      }
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return failure(source, url, "cannot connect within " + describe(settings.connectTimeout())
          + " (connect timeout)", true, cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return failure(source, url, "no complete response within " + describe(settings.totalTimeout())
          + " (total timeout)", true, cause);
    }
    if (cause instanceof ConnectException) {
      String reason = cause.getMessage() == null ? "" : ": " + cause.getMessage();
      return failure(source, url, "cannot connect" + reason, true, cause);
    }
    if (cause instanceof IOException) {
      return failure(source, url, "I/O error: " + cause, true, cause);
    }
    return failure(source, url, "request failed: " + cause, false, cause);
  }

  /** An error status; a {@code 429} or {@code 503} with {@code Retry-After} also holds the host until then. */
  private SourceFetchException statusFailure(SourceSettings source, URI url, HttpResponse<?> response) {
    int status = response.statusCode();
    if (status == 429 || status == 503) {
      String header = response.headers().firstValue("Retry-After").orElse(null);
      Instant until = RetryAfter.parse(header, clock.instant());
      if (until != null) {
        hosts.blockUntil(url.getHost(), until);
        return new SourceFetchException(source.id(), url.toString(), status, true,
            "HTTP " + status + ", Retry-After " + header.trim() + ": not asked again before " + until, null, until);
      }
    }
    return new SourceFetchException(source.id(), url.toString(), status, retriable(status), "HTTP " + status, null);
  }

  private static URI redirectTarget(SourceSettings source, URI from, HttpResponse<?> response)
      throws SourceFetchException {
    String location = response.headers().firstValue("Location").orElse(null);
    if (location == null || location.isBlank()) {
      throw new SourceFetchException(source.id(), from.toString(), response.statusCode(), false,
          "redirect without a Location header", null);
    }
    try {
      return CanonicalUrl.withoutFragment(from.resolve(CanonicalUrl.parse(location.trim())));
    } catch (IllegalArgumentException e) {
      throw new SourceFetchException(source.id(), from.toString(), response.statusCode(), false,
          "redirect to an invalid URL '" + location + "'", e);
    }
  }

  private byte[] decode(SourceSettings source, URI url, HttpResponse<byte[]> response) throws SourceFetchException {
    byte[] raw = response.body() == null ? new byte[0] : response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "", "identity" -> raw;
      case "gzip", "x-gzip" -> gunzip(source, url, raw);
      default -> throw failure(source, url, "unsupported Content-Encoding '" + encoding + "'", false, null);
    };
  }

  /** Inflates at most one buffer past the cap, so a gzip bomb costs no more memory than the cap. */
  private byte[] gunzip(SourceSettings source, URI url, byte[] raw) throws SourceFetchException {
    long max = settings.maxDecompressedBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      for (int n = in.read(buffer); n >= 0 && out.size() <= max; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw failure(source, url, "invalid gzip body: " + e.getMessage(), false, e);
    }
    if (out.size() > max) {
      throw failure(source, url, "decompressed body is larger than " + Sizes.describe(max) + " (max_decompressed_bytes)"
          + " from " + Sizes.describe(raw.length) + " gzipped: refused as a possible gzip bomb", false, null);
    }
    return out.toByteArray();
  }

  private static boolean retriable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static SourceFetchException failure(
      SourceSettings source, URI url, String detail, boolean retriable, Throwable cause) {
    return new SourceFetchException(source.id(), url.toString(), 0, retriable, detail, cause);
  }
}
