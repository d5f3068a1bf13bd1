package org.vedetta.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

/**
 * Fetches over one shared {@link HttpClient}: connect timeout {@value #CONNECT_TIMEOUT_SECONDS}s, at most
 * {@value #REQUEST_TIMEOUT_SECONDS}s per request including its body, bodies up to {@value #MAX_BODY_BYTES}
 * bytes (compressed and decompressed), gzip accepted, redirects followed by hand (at most
 * {@value #MAX_REDIRECTS}) so the {@link TargetGuard} checks every hop, conditional GET with the validators
 * it is given.
 */
public final class HttpFetcher implements Fetcher {

  public static final String USER_AGENT = "Vedetta/0.1 (+news monitoring)";
  public static final int CONNECT_TIMEOUT_SECONDS = 10;
  public static final int REQUEST_TIMEOUT_SECONDS = 30;
  public static final int MAX_REDIRECTS = 5;
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
      + "text/xml;q=0.9, text/html;q=0.9, */*;q=0.5";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final TargetGuard guard;
  private final long maxBodyBytes;
  private final Duration requestTimeout;

  /** A fetcher with the standard limits over {@code client} (see {@link #newClient}). */
  public HttpFetcher(HttpClient client) {
    this(client, new TargetGuard(), MAX_BODY_BYTES, Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS));
  }

  HttpFetcher(HttpClient client, TargetGuard guard, long maxBodyBytes, Duration requestTimeout) {
    this.client = client;
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
    this.requestTimeout = requestTimeout;
  }

  /** The client to share among all sources: HTTP/1.1, connect timeout, no automatic redirects. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Fetched fetch(SourceSettings source, URI url, Validators known) throws SourceFetchException {
    URI current = CanonicalUrl.withoutFragment(url);
    for (int hop = 0; ; hop++) {
      guard.check(source, current);
      HttpResponse<byte[]> response = send(source, current, known);
      int status = response.statusCode();
      if (REDIRECTS.contains(status)) {
        if (hop == MAX_REDIRECTS) {
          throw new SourceFetchException(source.id(), url.toString(), status, false,
              "more than " + MAX_REDIRECTS + " redirects", null);
        }
        current = redirectTarget(source, current, response);
        continue;
      }
      if (status == 304) {
        return new Fetched(current, 304, null, new byte[0], known);
      }
      if (status / 100 != 2) {
        throw new SourceFetchException(
            source.id(), current.toString(), status, retriable(status), "HTTP " + status, null);
      }
      return new Fetched(current, status, response.headers().firstValue("Content-Type").orElse(null),
          decode(source, current, response), Validators.of(response.headers()));
    }
  }

  private HttpResponse<byte[]> send(SourceSettings source, URI url, Validators known) throws SourceFetchException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .GET()
        .timeout(requestTimeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip");
    if (known.etag() != null) {
      request.header("If-None-Match", known.etag());
    }
    if (known.lastModified() != null) {
      request.header("If-Modified-Since", known.lastModified());
    }
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(request.build(), CappedBody.handler(maxBodyBytes));
    try {
      return response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw failure(source, url, "no complete response within " + requestTimeout.toSeconds() + "s", true, e);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(source, url, "interrupted", true, e);
    } catch (ExecutionException e) {
      throw describe(source, url, e.getCause());
    }
  }

  private static SourceFetchException describe(SourceSettings source, URI url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLargeException) {
        return failure(source, url, t.getMessage(), false, t);
      }
    }
    if (cause instanceof HttpTimeoutException) {
      return failure(source, url, "timed out", true, cause);
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

  private byte[] gunzip(SourceSettings source, URI url, byte[] raw) throws SourceFetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      for (int n = in.read(buffer); n >= 0 && out.size() <= maxBodyBytes; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw failure(source, url, "invalid gzip body: " + e.getMessage(), false, e);
    }
    if (out.size() > maxBodyBytes) {
      throw failure(source, url, "decompressed body is larger than " + Sizes.describe(maxBodyBytes), false, null);
    }
    return out.toByteArray();
  }

  private static boolean retriable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private static SourceFetchException failure(
      SourceSettings source, URI url, String detail, boolean retriable, Throwable cause) {
    return new SourceFetchException(source.id(), url.toString(), 0, retriable, detail, cause);
  }
}
