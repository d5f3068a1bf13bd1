package org.vedetta.ingest.internal;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

/**
 * The robots.txt of each origin ({@code scheme://host:port}), read with crawler-commons and kept for a while,
 * deciding whether an {@code html} source's page may be fetched. Feeds are published for machines and are
 * not checked.
 *
 * <p>As RFC 9309 says: a robots.txt answered with 2xx is obeyed for the user agent {@value #AGENT} (else
 * {@code *}); one that is missing or refused (4xx, or a redirect the address guard refuses) allows
 * everything; one that cannot be read now (5xx, 429, a timeout, a network error) disallows everything until
 * it can, and is asked again after {@link #UNREACHABLE_TTL}. A robots.txt is fetched with the same client,
 * limits, address guard and politeness as pages.
 */
final class RobotsRules {

  /** The product token matched against robots.txt {@code User-agent} lines. */
  static final String AGENT = "vedetta";

  /** How long a robots.txt that could not be read keeps its host's pages closed before it is asked again. */
  static final Duration UNREACHABLE_TTL = Duration.ofMinutes(15);

  /** Fetches a robots.txt on behalf of a source, without checking robots.txt (which would never end). */
  @FunctionalInterface
  interface Download {
    Fetched fetch(SourceSettings source, URI robotsTxt) throws SourceFetchException;
  }

  /** What is known of one origin: its rules, or why they cannot be known now. */
  private record Entry(BaseRobotRules rules, SourceFetchException unreachable, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final Download download;
  private final Map<String, Entry> byOrigin = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  RobotsRules(Duration ttl, Clock clock, Download download) {
    this.ttl = ttl;
    this.clock = clock;
    this.download = download;
  }

  /**
   * Returns normally when robots.txt lets Vedetta fetch {@code url}.
   *
   * @throws SourceFetchException not retriable when robots.txt disallows {@code url}; retriable when robots.txt
   *                              cannot be read now
   */
  void check(SourceSettings source, URI url) throws SourceFetchException {
    URI robotsTxt = robotsTxt(url);
    Entry entry = entry(source, robotsTxt);
    if (entry.unreachable() != null) {
      SourceFetchException cause = entry.unreachable();
      throw new SourceFetchException(source.id(), url.toString(), 0, true, "not fetched: " + robotsTxt
          + " cannot be read now, so the site's pages are not fetched until it can (" + reason(cause) + ")", cause,
          cause.retryAfter());
    }
    if (!entry.rules().isAllowed(url.toString())) {
      throw new SourceFetchException(source.id(), url.toString(), 0, false,
          "skipped: disallowed by " + robotsTxt + " for user agent '" + AGENT + "'", null);
    }
  }

  private Entry entry(SourceSettings source, URI robotsTxt) {
    String origin = (robotsTxt.getScheme() + "://" + robotsTxt.getRawAuthority()).toLowerCase(Locale.ROOT);
    Entry entry = byOrigin.get(origin);
    if (fresh(entry)) {
      return entry;
    }
    synchronized (locks.computeIfAbsent(origin, k -> new Object())) {
      entry = byOrigin.get(origin);
      if (!fresh(entry)) {
        entry = read(source, robotsTxt);
        byOrigin.put(origin, entry);
      }
      return entry;
    }
  }

  private boolean fresh(Entry entry) {
    return entry != null && clock.instant().isBefore(entry.expires());
  }

  private Entry read(SourceSettings source, URI robotsTxt) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    Instant now = clock.instant();
    try {
      Fetched fetched = download.fetch(source, robotsTxt);
      BaseRobotRules rules = parser.parseContent(fetched.url().toString(), fetched.body(),
          fetched.contentType() == null ? "text/plain" : fetched.contentType(), List.of(AGENT));
      return new Entry(rules, null, now.plus(ttl));
    } catch (SourceFetchException e) {
      if (e.retriable()) {
        Duration wait = UNREACHABLE_TTL.compareTo(ttl) < 0 ? UNREACHABLE_TTL : ttl;
        Instant expires = e.retryAfter() != null && e.retryAfter().isAfter(now.plus(wait))
            ? e.retryAfter() : now.plus(wait);
        return new Entry(null, e, expires);
      }
      // 4xx, or a target the guard refuses: RFC 9309 "unavailable", which allows everything.
      return new Entry(parser.failedFetch(404), null, now.plus(ttl));
    }
  }

  private static URI robotsTxt(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    return URI.create(scheme + "://" + url.getRawAuthority() + "/robots.txt");
  }

  private static String reason(SourceFetchException e) {
    String message = e.getMessage();
    String prefix = "source '" + e.sourceId() + "': " + e.url() + ": ";
    String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    for (String suffix : List.of(" (will retry)", " (not retriable)")) {
      if (detail.endsWith(suffix)) {
        return detail.substring(0, detail.length() - suffix.length());
      }
    }
    return detail;
  }
}
